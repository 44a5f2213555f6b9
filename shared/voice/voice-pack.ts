/**
 * A voice pack: one folder per language (display/public/voice/<lang>/) with a
 * `manifest.json` naming, for each clip id, what it says and the audio file
 * that says it. A clip whose `file` is null has not been recorded yet; the
 * display then skips that language (docs/operations.md "Voice packs").
 */
import { z } from 'zod';
import { LangSchema, type Lang } from '../protocol.js';

export const VoicePackManifestSchema = z.object({
  lang: LangSchema,
  /** How the files were made, for the people who maintain the pack. */
  source: z.string(),
  clips: z.record(
    z.string(),
    z.object({
      text: z.string(),
      /** Relative to the manifest; null until someone records it. */
      file: z
        .string()
        .regex(/^[a-z0-9-]+\.(ogg|opus|wav|mp3)$/)
        .nullable(),
    }),
  ),
});
export type VoicePackManifest = z.infer<typeof VoicePackManifestSchema>;

/** Where the display's build serves the packs, below its own base path (/display/). */
export const VOICE_DIR = 'voice';
export const CHIME_FILE = 'chime.wav';

/** Where the hub serves a clip recorded in the console; each version has its own address. */
export const recordedClipUrl = (lang: Lang, clipId: string, version: number) =>
  `/api/v1/voice/${lang}/${encodeURIComponent(clipId)}?v=${version}`;
