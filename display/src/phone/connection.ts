/**
 * The phone page's link to the hub: a public connection that watches one
 * ticket by its code (again after every reconnect, since watches belong to a
 * connection) and sends the rating once the visit is over. It shows the
 * citizen nothing of anyone else: only their own TicketView is kept.
 */
import { connectToHub, type HubConnection } from '../../../shared/ui/hub-connection.js';
import type { TicketView } from '../../../shared/protocol.js';
import { alertCalled } from './alert.js';
import { usePhoneStore } from './store.js';

let hub: HubConnection | null = null;

function showView(view: TicketView) {
  const { view: before, dismissedCallAt } = usePhoneStore.getState();
  usePhoneStore.setState({ view, lookup: 'found' });
  const newCall =
    view.status === 'called' &&
    view.calledAt !== dismissedCallAt &&
    (before?.status !== 'called' || before.calledAt !== view.calledAt);
  if (newCall) alertCalled();
}

async function watch(code: string) {
  if (!hub) return;
  try {
    const ack = await hub.request('ticket:watch', { code });
    if (ack.ok) showView(ack.data);
    // A code the hub does not know, or one that cannot be a code at all.
    else if (ack.error.code === 'not-found' || ack.error.code === 'invalid-request') {
      usePhoneStore.setState({ lookup: 'unknown' });
    }
  } catch {
    // Lost on the way; the next connect watches again.
  }
}

export function startPhoneConnection(code: string) {
  if (hub) return;
  usePhoneStore.setState({ code });
  hub = connectToHub({
    role: 'public',
    onSnapshot: () => {},
    onStatus: (status) => usePhoneStore.setState({ status }),
  });
  hub.socket.on('connect', () => void watch(code));
  hub.socket.on('ticket:update', (view) => {
    if (view.code === code) showView(view);
  });
}

/** Sends the rating once; the hub refuses a second one, and the page says it already has it. */
export async function submitFeedback(): Promise<void> {
  const { code, feedback } = usePhoneStore.getState();
  if (feedback.stage === 'sending' || feedback.stage === 'thanks') return;
  if (feedback.score === null) {
    usePhoneStore.setState({ feedback: { ...feedback, needsScore: true } });
    return;
  }
  // A comment of only spaces is no comment.
  const { comment: typed, ...rated } = feedback.answers;
  const comment = typed?.trim();
  const answers = comment ? { ...rated, comment } : rated;
  usePhoneStore.setState({ feedback: { ...feedback, stage: 'sending' } });
  let stage: 'thanks' | 'already-given' | 'failed';
  try {
    const ack = await hub?.request('feedback:submit', { code, score: feedback.score, answers });
    if (ack?.ok) stage = 'thanks';
    else stage = ack?.error.reason === 'feedback-given' ? 'already-given' : 'failed';
  } catch {
    stage = 'failed';
  }
  usePhoneStore.setState((s) => ({ feedback: { ...s.feedback, stage } }));
}
