import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migration001 } from './001-initial.js';
import { migration002 } from './002-queue-counts.js';
import { migration003 } from './003-printing.js';
import { migration004 } from './004-staff-sessions.js';
import { migration005 } from './005-console.js';
import { migration006 } from './006-promises.js';
import { migration007 } from './007-hall-voice.js';

function atVersion6(settings: string) {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const step of [
    migration001,
    migration002,
    migration003,
    migration004,
    migration005,
    migration006,
  ]) {
    step(db);
  }
  db.prepare(
    "INSERT INTO centre (id, name_lo, name_en, time_zone, settings) VALUES (1, 'ສູນ', 'Centre', 'Asia/Vientiane', ?)",
  ).run(settings);
  db.exec(`
    INSERT INTO ministries (id, name_lo, name_en) VALUES ('m', 'ກະຊວງ', 'Ministry');
    INSERT INTO services (id, prefix, ministry_id, name_lo, name_en, fee_lak, target_minutes)
      VALUES ('s', 'A', 'm', 'ບໍລິການ', 'Service', 5000, 10);
    INSERT INTO devices (id, role, name, token_hash, created_at) VALUES (4, 'display', 'TV', 'h', 0);
  `);
  return db;
}

describe('migration 007: notices, the services a display shows, recorded voice clips', () => {
  it("moves the settings' notices into the notices table, in order and undated", () => {
    const db = atVersion6(
      JSON.stringify({
        priorityEvery: 3,
        notices: [
          { lo: 'ໜຶ່ງ', en: 'One' },
          { lo: 'ສອງ', en: 'Two' },
        ],
      }),
    );
    db.transaction(() => migration007(db))();
    expect(
      db.prepare('SELECT text_lo, text_en, starts_on, ends_on FROM notices ORDER BY sort').all(),
    ).toEqual([
      { text_lo: 'ໜຶ່ງ', text_en: 'One', starts_on: null, ends_on: null },
      { text_lo: 'ສອງ', text_en: 'Two', starts_on: null, ends_on: null },
    ]);
    expect(
      JSON.parse(
        (db.prepare('SELECT settings FROM centre').get() as { settings: string }).settings,
      ),
    ).toEqual({ priorityEvery: 3 });
  });

  it('leaves settings without notices as they were', () => {
    const db = atVersion6('{}');
    db.transaction(() => migration007(db))();
    expect(db.prepare('SELECT count(*) AS n FROM notices').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT settings FROM centre').get()).toEqual({ settings: '{}' });
  });

  it("keeps a display's services and recorded clips only for what exists", () => {
    const db = atVersion6('{}');
    db.transaction(() => migration007(db))();
    db.prepare("INSERT INTO display_services (device_id, service_id) VALUES (4, 's')").run();
    expect(() =>
      db.prepare("INSERT INTO display_services (device_id, service_id) VALUES (4, 'nope')").run(),
    ).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM devices WHERE id = 4').run();
    expect(db.prepare('SELECT count(*) AS n FROM display_services').get()).toEqual({ n: 0 });

    const clip = db.prepare(
      "INSERT INTO voice_clips (lang, clip_id, mime, bytes, at) VALUES (?, 'digit-0', ?, x'1a45dfa3', 1)",
    );
    clip.run('lo', 'audio/webm');
    expect(() => clip.run('lo', 'audio/webm')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => clip.run('th', 'audio/webm')).toThrow(/CHECK/);
    expect(() => clip.run('en', 'text/html')).toThrow(/CHECK/);
  });
});
