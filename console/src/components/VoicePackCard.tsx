/**
 * The Lao voice pack: every clip with the words to say, recorded here with
 * the microphone (Record, Stop; Play to hear it, Record again to replace
 * it), a meter of how many are done, and an upload for a pack recorded
 * elsewhere. A recording is saved as soon as it stops; the displays use it
 * from the next call on.
 */
import { useRef, useState } from 'react';
import { formatTime } from '../../../shared/i18n/calendar.js';
import { t } from '../../../shared/i18n/index.js';
import type { VoiceClipInfo } from '../../../shared/protocol.js';
import { VOICE_CLIPS, type ClipText } from '../../../shared/voice/clips.js';
import { recordedClipUrl } from '../../../shared/voice/voice-pack.js';
import { saveClip, uploadPack, useVoiceStore } from '../hall-actions.js';
import { useCanEdit, useConsoleStore } from '../store.js';
import { startRecording, type Recording } from '../voice-recorder.js';

const LANG = 'lo';
const CLIPS = VOICE_CLIPS[LANG];

/** One recording at a time, across the whole list. */
let current: Recording | null = null;

async function record(clipId: string) {
  if (current) return;
  try {
    current = await startRecording();
  } catch {
    useConsoleStore.setState({ notice: { key: 'console.hall.noMicrophone', tone: 'error' } });
    return;
  }
  useVoiceStore.setState({ recording: clipId });
}

async function stop(clipId: string, version: number | null) {
  const recording = current;
  if (!recording) return;
  current = null;
  const audio = await recording.stop();
  useVoiceStore.setState({ recording: null });
  await saveClip(LANG, clipId, audio, version);
}

function ClipState({ info, mine }: { info: VoiceClipInfo | undefined; mine: boolean }) {
  const lang = useConsoleStore((s) => s.lang);
  const timeZone = useConsoleStore((s) => s.config?.centre.timeZone ?? 'Asia/Vientiane');
  if (mine) {
    return (
      <span className="mark mark--recording" role="status">
        {t(lang, 'console.hall.recording')}
      </span>
    );
  }
  if (!info) return <span className="mark mark--off">{t(lang, 'console.hall.notRecorded')}</span>;
  const params = { by: info.recordedBy ?? '—', time: formatTime(info.at, timeZone) };
  return <span className="mark mark--ok">{t(lang, 'console.hall.recordedBy', params)}</span>;
}

function ClipRow({ clip, info }: { clip: ClipText; info: VoiceClipInfo | undefined }) {
  const lang = useConsoleStore((s) => s.lang);
  const canEdit = useCanEdit();
  const recording = useVoiceStore((s) => s.recording);
  const saving = useVoiceStore((s) => s.saving === clip.id);
  const mine = recording === clip.id;
  return (
    <tr data-testid={`clip-${clip.id}`} data-recorded={info ? 'true' : 'false'}>
      <td className="clip-text" lang="lo">
        {clip.text}
      </td>
      <td className="clip-id">{clip.id}</td>
      <td>
        <ClipState info={info} mine={mine} />
      </td>
      <td>
        <div className="row-actions">
          {info && !mine ? (
            <button
              type="button"
              className="button button--small"
              data-action="play"
              onClick={() =>
                void new Audio(recordedClipUrl(LANG, clip.id, info.version)).play().catch(() => {})
              }
            >
              {t(lang, 'console.hall.play')}
            </button>
          ) : null}
          {!canEdit ? null : mine ? (
            <button
              type="button"
              className="button button--small button--danger"
              data-action="stop"
              onClick={() => void stop(clip.id, info?.version ?? null)}
            >
              {t(lang, 'console.hall.stop')}
            </button>
          ) : (
            <button
              type="button"
              className="button button--small button--primary"
              data-action="record"
              disabled={recording !== null || saving}
              onClick={() => void record(clip.id)}
            >
              {t(lang, info ? 'console.hall.rerecord' : 'console.hall.record')}
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}

function UploadPack() {
  const lang = useConsoleStore((s) => s.lang);
  const upload = useVoiceStore((s) => s.upload);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className="upload-pack">
      <h3>{t(lang, 'console.hall.upload')}</h3>
      <p className="hint">{t(lang, 'console.hall.uploadHint')}</p>
      {/* The browser's own file button would speak its own language, not the console's. */}
      <label className="button button--secondary upload-pack__choose">
        {t(lang, 'console.hall.chooseFiles')}
        <input
          className="visually-hidden"
          ref={input}
          type="file"
          name="voice.pack"
          multiple
          disabled={busy}
          accept=".webm,.ogg,.opus,.wav,.mp3,audio/*"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            setBusy(true);
            void uploadPack(
              LANG,
              files,
              CLIPS.map((c) => c.id),
            ).finally(() => {
              setBusy(false);
              if (input.current) input.current.value = '';
            });
          }}
        />
      </label>
      {upload ? (
        <p className="hint" data-testid="upload-report">
          {t(lang, 'console.hall.uploadDone', { saved: upload.saved })}
          {upload.skipped.length > 0
            ? ` ${t(lang, 'console.hall.uploadSkipped', { files: upload.skipped.join(', ') })}`
            : ''}
        </p>
      ) : null}
    </div>
  );
}

export function VoicePackCard() {
  const lang = useConsoleStore((s) => s.lang);
  const clips = useConsoleStore((s) => s.config?.voiceClips ?? []);
  const canEdit = useCanEdit();
  const byId = new Map(clips.filter((c) => c.lang === LANG).map((c) => [c.clipId, c]));
  const done = CLIPS.filter((c) => byId.has(c.id)).length;
  return (
    <section className="card voice-pack" data-testid="voice-pack">
      <h2>{t(lang, 'console.hall.voice')}</h2>
      <p className="hint">{t(lang, 'console.hall.voiceHint')}</p>
      <div className="voice-pack__meter">
        <meter min={0} max={CLIPS.length} value={done} aria-labelledby="voice-meter" />
        <span id="voice-meter" data-testid="voice-meter">
          {t(lang, 'console.hall.meter', { done, total: CLIPS.length })}
        </span>
      </div>
      {canEdit ? <UploadPack /> : null}
      <table className="table voice-pack__clips">
        <thead>
          <tr>
            <th>{t(lang, 'console.hall.clipText')}</th>
            <th />
            <th>{t(lang, 'console.hall.clipState')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {CLIPS.map((c) => (
            <ClipRow key={c.id} clip={c} info={byId.get(c.id)} />
          ))}
        </tbody>
      </table>
    </section>
  );
}
