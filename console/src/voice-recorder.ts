/**
 * Recording one clip with the browser's microphone (MediaRecorder): Opus in
 * WebM where the browser makes it (Chromium, Edge), in Ogg otherwise
 * (Firefox). Mono and a modest bit rate: a word needs little, and the hub
 * keeps every clip in its database.
 */
const MIME_TYPES = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/webm'];
const AUDIO_BITS_PER_SECOND = 48_000;

export interface Recording {
  /** Stops the microphone; resolves with what it heard. */
  stop(): Promise<Blob>;
}

export async function startRecording(): Promise<Recording> {
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true },
  });
  const mimeType = MIME_TYPES.find((m) => MediaRecorder.isTypeSupported(m));
  const recorder = new MediaRecorder(stream, {
    ...(mimeType ? { mimeType } : {}),
    audioBitsPerSecond: AUDIO_BITS_PER_SECOND,
  });
  const chunks: Blob[] = [];
  recorder.addEventListener('dataavailable', (e) => {
    if (e.data.size > 0) chunks.push(e.data);
  });
  recorder.start();
  return {
    stop: () =>
      new Promise<Blob>((resolve) => {
        recorder.addEventListener(
          'stop',
          () => {
            for (const track of stream.getTracks()) track.stop();
            resolve(new Blob(chunks, { type: recorder.mimeType.split(';')[0] ?? 'audio/webm' }));
          },
          { once: true },
        );
        recorder.stop();
      }),
  };
}
