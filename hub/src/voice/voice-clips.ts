/**
 * The voice clips recorded in the console or uploaded: kept in the database
 * (so a backup holds them), one row per language and clip of the pack. A
 * save is an audited edit of the configuration in force, on the version it
 * was made on, and its `config-changed` carries the new clip list to every
 * display, which fetches the new clip and plays it from the next call on.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db/open.js';
import type { Clock } from '../clock.js';
import type { Audit } from '../config/audit.js';
import { HubError } from '../hub-error.js';
import { hasClip } from '../../../shared/voice/clips.js';
import {
  clipProblem,
  sniffAudio,
  type ClipMime,
  type ClipProblem,
} from '../../../shared/voice/audio-format.js';
import type { Lang, VoiceClipInfo } from '../../../shared/protocol.js';

export interface StoredClip {
  mime: ClipMime;
  bytes: Buffer;
  version: number;
}

export interface VoiceClips {
  list(): VoiceClipInfo[];
  audio(lang: Lang, clipId: string): StoredClip | null;
  /**
   * Stores a clip (version null: there must be none yet). Call through `inForce`, which
   * runs it in one transaction and publishes `config-changed`.
   */
  save(
    staffId: number,
    lang: Lang,
    clipId: string,
    bytes: Buffer,
    version: number | null,
  ): VoiceClipInfo;
}

interface InfoRow {
  lang: Lang;
  clip_id: string;
  mime: string;
  size: number;
  recorded_by: string | null;
  at: number;
  version: number;
}

const toInfo = (r: InfoRow): VoiceClipInfo => ({
  lang: r.lang,
  clipId: r.clip_id,
  mime: r.mime,
  sizeBytes: r.size,
  recordedBy: r.recorded_by,
  at: r.at,
  version: r.version,
});

const INFO = `SELECT v.lang, v.clip_id, v.mime, length(v.bytes) AS size, s.name AS recorded_by,
  v.at, v.version FROM voice_clips v LEFT JOIN staff s ON s.id = v.recorded_by`;

const PROBLEM_WORDS: Record<ClipProblem, string> = {
  'clip-too-large': 'The clip is too large',
  'clip-too-small': 'The clip holds no sound',
  'clip-not-audio': 'The file is not WebM, Ogg, WAV or MP3 audio',
};

const refuse = (problem: ClipProblem) =>
  new HubError('invalid-request', PROBLEM_WORDS[problem], problem, {
    fields: [{ path: 'clip', issue: problem }],
  });

/** Checks a clip before any transaction: the pack has it, and the bytes are audio of a sane size. */
export function checkClip(lang: Lang, clipId: string, bytes: Uint8Array): ClipMime {
  if (!hasClip(lang, clipId)) {
    throw new HubError('not-found', `The ${lang} voice pack has no clip ${clipId}`);
  }
  const problem = clipProblem(bytes);
  if (problem) throw refuse(problem);
  const mime = sniffAudio(bytes);
  if (!mime) throw refuse('clip-not-audio');
  return mime;
}

export function createVoiceClips(db: Db, clock: Clock, audit: Audit): VoiceClips {
  const all = db.prepare<[], InfoRow>(`${INFO} ORDER BY v.lang, v.clip_id`);
  const one = db.prepare<[Lang, string], InfoRow>(`${INFO} WHERE v.lang = ? AND v.clip_id = ?`);
  const audio = db.prepare<[Lang, string], { mime: ClipMime; bytes: Buffer; version: number }>(
    'SELECT mime, bytes, version FROM voice_clips WHERE lang = ? AND clip_id = ?',
  );
  const upsert = db.prepare<[Lang, string, string, Buffer, number, number]>(
    `INSERT INTO voice_clips (lang, clip_id, mime, bytes, recorded_by, at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (lang, clip_id) DO UPDATE SET mime = excluded.mime, bytes = excluded.bytes,
       recorded_by = excluded.recorded_by, at = excluded.at, version = version + 1`,
  );
  /** What the audit keeps of a clip: never the sound itself, but enough to tell two apart. */
  const auditOf = (info: VoiceClipInfo | undefined, bytes?: Buffer) =>
    info
      ? {
          mime: info.mime,
          sizeBytes: info.sizeBytes,
          version: info.version,
          ...(bytes ? { sha256: createHash('sha256').update(bytes).digest('hex') } : {}),
        }
      : null;

  return {
    list: () => all.all().map(toInfo),
    audio: (lang, clipId) => audio.get(lang, clipId) ?? null,
    save(staffId, lang, clipId, bytes, version) {
      const mime = checkClip(lang, clipId, bytes);
      const beforeRow = one.get(lang, clipId);
      const before = beforeRow ? toInfo(beforeRow) : undefined;
      const entityId = `${lang}/${clipId}`;
      if (before) audit.checkVersion('voice-clip', entityId, before.version, version ?? 0);
      upsert.run(lang, clipId, mime, bytes, staffId, clock.now());
      const afterRow = one.get(lang, clipId);
      if (!afterRow) throw new Error('a clip just written is missing');
      const after = toInfo(afterRow);
      audit.record({
        staffId,
        entity: 'voice-clip',
        entityId,
        action: before ? 'update' : 'create',
        before: auditOf(before),
        after: auditOf(after, bytes),
      });
      return after;
    },
  };
}
