/**
 * The "Hall and voice" screen's requests: notices (a supervisor may post
 * them too), the services each hall display shows, and the voice clips a
 * manager records or uploads. Clips go over HTTP with the session's token
 * (`PUT /api/v1/voice/<lang>/<clipId>`): the socket only carries small
 * messages. Every change reads the configuration again after it.
 */
import { create } from 'zustand';
import {
  RequestSchemas,
  type AckError,
  type DeviceView,
  type Lang,
  type NoticeConfig,
  type NoticeInput,
} from '../../shared/protocol.js';
import { clipProblem, sniffAudio } from '../../shared/voice/audio-format.js';
import { checkLocally, loadConfig, request } from './config-actions.js';
import { loadDevices } from './device-actions.js';
import { readToken } from './saved-session.js';
import { genericNotice, UNREACHABLE, useConsoleStore } from './store.js';

export async function saveNotice(notice: NoticeInput, version: number | null): Promise<boolean> {
  const payload = { notice, version };
  if (!checkLocally(RequestSchemas['config:notice-save'], payload)) return false;
  const saved = await request('notices', (h) => h.request('config:notice-save', payload));
  if (saved === null) return false;
  useConsoleStore.setState({ notice: { key: 'console.notice.saved', tone: 'info' } });
  await loadConfig();
  return true;
}

export async function removeNotice(n: NoticeConfig): Promise<void> {
  const done = await request('notices', (h) =>
    h.request('config:notice-delete', { id: n.id, version: n.version }),
  );
  if (done === null) return;
  useConsoleStore.setState({ notice: { key: 'console.hall.removed', tone: 'info' } });
  await loadConfig();
}

export async function saveDisplayServices(device: DeviceView, serviceIds: string[]) {
  const done = await request('displays', (h) =>
    h.request('device:display-services', {
      deviceId: device.id,
      serviceIds,
      version: device.version,
    }),
  );
  if (done === null) return;
  useConsoleStore.setState({ notice: { key: 'console.notice.saved', tone: 'info' } });
  await loadDevices();
}

/** The clip being recorded, and what the last upload of a pack did. */
interface VoiceState {
  recording: string | null;
  saving: string | null;
  upload: { saved: number; skipped: string[] } | null;
}

export const useVoiceStore = create<VoiceState>()(() => ({
  recording: null,
  saving: null,
  upload: null,
}));

/** Sends one clip; null when it was saved, else why not (already shown on screen). */
export async function putClip(
  lang: Lang,
  clipId: string,
  audio: Blob,
  version: number | null,
): Promise<AckError | null> {
  const query = version === null ? '' : `?version=${version}`;
  let error: AckError;
  try {
    const res = await fetch(`/api/v1/voice/${lang}/${encodeURIComponent(clipId)}${query}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${readToken() ?? ''}`, 'content-type': audio.type },
      body: audio,
    });
    if (res.ok) return null;
    error = ((await res.json()) as { error: AckError }).error;
  } catch {
    useConsoleStore.setState({ notice: UNREACHABLE });
    return { code: 'internal', message: 'unreachable' };
  }
  useConsoleStore.setState({ notice: genericNotice(error) });
  if (error.reason === 'stale-version') await loadConfig();
  return error;
}

export async function saveClip(lang: Lang, clipId: string, audio: Blob, version: number | null) {
  useVoiceStore.setState({ saving: clipId });
  const error = await putClip(lang, clipId, audio, version);
  useVoiceStore.setState({ saving: null });
  if (error) return;
  useConsoleStore.setState({ notice: { key: 'console.hall.clipSaved', tone: 'info' } });
  await loadConfig();
}

/** `digit-0.ogg`, `letter-a.webm`, `Go-To-Counter.WAV`: the clip a file of a pack is for. */
export function clipForFile(fileName: string, clipIds: readonly string[]): string | null {
  const base = fileName.replace(/\.[A-Za-z0-9]+$/, '').toLowerCase();
  return clipIds.find((id) => id.toLowerCase() === base) ?? null;
}

/**
 * Uploads a recorded pack: each file named like its clip, checked here as the hub will
 * (size, and audio by its first bytes), then sent one by one. Files for no clip of the
 * pack, or that are not audio, are listed as not used.
 */
export async function uploadPack(lang: Lang, files: readonly File[], clipIds: readonly string[]) {
  const skipped: string[] = [];
  let saved = 0;
  for (const file of files) {
    const clipId = clipForFile(file.name, clipIds);
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (clipId === null || clipProblem(bytes) !== null) {
      skipped.push(file.name);
      continue;
    }
    const version =
      useConsoleStore
        .getState()
        .config?.voiceClips.find((c) => c.lang === lang && c.clipId === clipId)?.version ?? null;
    const mime = sniffAudio(bytes) ?? 'application/octet-stream';
    if ((await putClip(lang, clipId, new Blob([bytes], { type: mime }), version)) === null) saved++;
    else skipped.push(file.name);
  }
  useVoiceStore.setState({ upload: { saved, skipped } });
  await loadConfig();
  if (saved > 0 && skipped.length === 0) {
    useConsoleStore.setState({ notice: { key: 'console.notice.saved', tone: 'info' } });
  }
}
