/**
 * Citizen feedback: one rating per finished ticket, from the phone that
 * holds its code (`feedback:submit`). Reports read the `feedback` table.
 */
import type { Db } from '../db/open.js';
import type { Clock } from '../clock.js';
import type { Commits } from '../changes/commits.js';
import { unchanged } from '../changes/change.js';
import { HubError, notFound } from '../hub-error.js';
import type { Handlers } from '../handler.js';
import type { TicketStore } from '../tickets/ticket-store.js';

export interface FeedbackStore {
  given(ticketId: number): boolean;
  insert(ticketId: number, at: number, score: number, answers: string): void;
}

export function createFeedbackStore(db: Db): FeedbackStore {
  const byTicket = db.prepare<[number], { id: number }>(
    'SELECT id FROM feedback WHERE ticket_id = ?',
  );
  const insert = db.prepare<[number, number, number, string]>(
    'INSERT INTO feedback (ticket_id, at, score, answers) VALUES (?, ?, ?, ?)',
  );
  return {
    given: (ticketId) => byTicket.get(ticketId) !== undefined,
    insert: (ticketId, at, score, answers) => void insert.run(ticketId, at, score, answers),
  };
}

export function feedbackHandlers(deps: {
  clock: Clock;
  commits: Commits;
  tickets: TicketStore;
  feedback: FeedbackStore;
  /** In the same transaction: a rating for a day the reports packed already (day-facts.ts). */
  rated(day: string): void;
}): Handlers<'feedback:submit'> {
  const { tickets, feedback } = deps;
  return {
    'feedback:submit': (_ctx, { code, score, answers }) =>
      deps.commits.run(() => {
        const root = tickets.byCode(code);
        if (!root) throw notFound('Ticket');
        const t = tickets.latestOf(root);
        if (t.status !== 'done') {
          throw new HubError('conflict', `Ticket ${t.label} is not finished yet`, 'not-finished');
        }
        if (feedback.given(t.id)) {
          throw new HubError(
            'conflict',
            'Feedback for this ticket was already given',
            'feedback-given',
          );
        }
        feedback.insert(t.id, deps.clock.now(), score, JSON.stringify(answers ?? {}));
        deps.rated(t.day);
        return unchanged({});
      }),
  };
}
