/** Writes a centre's configuration into an empty database (the demo centre, or a test's). */
import type { Db } from '../db/open.js';
import { hashPinSync } from '../staff/pin.js';
import { assertTimeZone } from '../../../shared/domain/numbering.js';
import type { DemoCentre } from './centre-data.js';

/** True when the database already has a centre, so a restart never seeds twice. */
export function hasCentre(db: Db): boolean {
  return db.prepare('SELECT 1 FROM centre WHERE id = 1').get() !== undefined;
}

/** Each fee's history starts with the seed (no one made it: staff_id NULL). */
function seedFeeHistory(db: Db, centre: DemoCentre, sampleFees: boolean) {
  const fee = db.prepare<[string, number, number, number]>(
    `INSERT INTO fee_history (service_id, at, new_fee_lak, new_is_sample, ref_lo, ref_en)
     VALUES (?, ?, ?, ?, '', '')`,
  );
  const seededAt = Date.now();
  for (const s of centre.services) fee.run(s.id, seededAt, s.feeLak, sampleFees ? 1 : 0);
}

export function seedCentre(db: Db, centre: DemoCentre, opts: { sampleFees: boolean }): void {
  assertTimeZone(centre.timeZone);
  // Hash outside the transaction: scrypt is slow on purpose.
  const pins = new Map(centre.staff.map((s) => [s.username, hashPinSync(s.pin)]));
  db.transaction(() => {
    db.prepare(
      "INSERT INTO centre (id, name_lo, name_en, time_zone, settings) VALUES (1, ?, ?, ?, '{}')",
    ).run(centre.name.lo, centre.name.en, centre.timeZone);
    const notice = db.prepare('INSERT INTO notices (text_lo, text_en, sort) VALUES (?, ?, ?)');
    centre.notices.forEach((n, i) => notice.run(n.lo, n.en, i));
    const ministry = db.prepare(
      'INSERT INTO ministries (id, name_lo, name_en, sort) VALUES (?, ?, ?, ?)',
    );
    centre.ministries.forEach((m, i) => ministry.run(m.id, m.name.lo, m.name.en, i));
    const service = db.prepare(
      `INSERT INTO services (id, prefix, ministry_id, name_lo, name_en, fee_lak, fee_is_sample,
         documents_lo, documents_en, target_minutes, daily_cap, sort)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    centre.services.forEach((s, i) =>
      service.run(
        s.id,
        s.prefix,
        s.ministryId,
        s.name.lo,
        s.name.en,
        s.feeLak,
        opts.sampleFees ? 1 : 0,
        JSON.stringify(s.documents.lo),
        JSON.stringify(s.documents.en),
        s.targetMinutes,
        s.dailyCap,
        i,
      ),
    );
    seedFeeHistory(db, centre, opts.sampleFees);
    const counter = db.prepare('INSERT INTO counters (number, name_lo, name_en) VALUES (?, ?, ?)');
    const serves = db.prepare(
      'INSERT INTO counter_services (counter_id, service_id, rank) VALUES (?, ?, ?)',
    );
    const counterIds = centre.counters.map((c) => {
      const id = Number(counter.run(c.number, c.name.lo, c.name.en).lastInsertRowid);
      c.services.forEach((s, rank) => serves.run(id, s, rank));
      return id;
    });
    const staff = db.prepare(
      'INSERT INTO staff (username, name, role, pin_hash) VALUES (?, ?, ?, ?)',
    );
    const allowed = db.prepare('INSERT INTO staff_counters (staff_id, counter_id) VALUES (?, ?)');
    for (const s of centre.staff) {
      const id = Number(
        staff.run(s.username, s.name, s.role, pins.get(s.username)).lastInsertRowid,
      );
      for (const counterId of counterIds) allowed.run(id, counterId);
    }
  })();
}
