import type { Database } from 'better-sqlite3';

/**
 * The console's "Hall and voice" screen:
 *
 * - notices live in their own table (made by 005, with dates) instead of the
 *   centre's settings JSON: the ones already there move across, in order, with
 *   no dates (always shown), and leave the settings;
 * - a hall display may show only some services (`display_services`; none
 *   chosen: every service);
 * - the voice pack's clips recorded in the console (or uploaded) are kept in
 *   the database, so a backup holds them and every display gets them from the
 *   hub; a recorded clip wins over the one bundled with the display's build.
 *
 * Shipped: never edit, add a new migration instead.
 */
export function migration007(db: Database): void {
  db.exec(`
    INSERT INTO notices (text_lo, text_en, sort)
      SELECT json_extract(n.value, '$.lo'), json_extract(n.value, '$.en'), n.key
      FROM centre c, json_each(c.settings, '$.notices') n
      WHERE json_valid(c.settings)
        AND json_type(n.value, '$.lo') = 'text' AND json_type(n.value, '$.en') = 'text'
      ORDER BY n.key;
    UPDATE centre SET settings = json_remove(settings, '$.notices')
      WHERE json_valid(settings) AND json_type(settings, '$.notices') IS NOT NULL;

    CREATE TABLE display_services (
      device_id INTEGER NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
      service_id TEXT NOT NULL REFERENCES services (id) ON DELETE CASCADE,
      PRIMARY KEY (device_id, service_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE voice_clips (
      lang TEXT NOT NULL CHECK (lang IN ('lo', 'en')),
      clip_id TEXT NOT NULL CHECK (length(clip_id) BETWEEN 1 AND 40),
      mime TEXT NOT NULL CHECK (mime IN ('audio/webm', 'audio/ogg', 'audio/wav', 'audio/mpeg')),
      bytes BLOB NOT NULL,
      recorded_by INTEGER REFERENCES staff (id),
      at INTEGER NOT NULL,
      version INTEGER NOT NULL DEFAULT 1,
      PRIMARY KEY (lang, clip_id)
    ) STRICT;
  `);
}
