/**
 * Citizens' comments from the phone survey, and a manager's mark that one
 * was read. Marking is an audited edit on the row's version, so two managers
 * reviewing at once do not undo each other unseen. A comment is not
 * configuration, so the mark does not announce `config-changed`.
 */
import type { Db } from '../db/open.js';
import type { Clock } from '../clock.js';
import type { Audit } from '../config/audit.js';
import { notFound } from '../hub-error.js';
import type { CommentRow, ReportStore } from './report-store.js';
import {
  REPORT_COMMENTS_MAX,
  type DayRange,
  type FeedbackComment,
} from '../../../shared/protocol.js';

const view = (r: CommentRow): FeedbackComment => ({
  id: r.id,
  day: r.day,
  at: r.at,
  serviceId: r.service_id,
  counterId: r.counter_id,
  score: r.score,
  comment: r.comment,
  reviewedAt: r.reviewed_at,
  reviewedBy: r.reviewed_by,
  version: r.version,
});

export function createComments(db: Db, clock: Clock, audit: Audit, store: ReportStore) {
  const one = db.prepare<[number], CommentRow>(
    `SELECT f.id, t.day, f.at, t.service_id, t.counter_id, f.score,
       coalesce(json_extract(f.answers, '$.comment'), '') AS comment, f.reviewed_at,
       s.name AS reviewed_by, f.version
     FROM feedback f JOIN tickets t ON t.id = f.ticket_id LEFT JOIN staff s ON s.id = f.reviewed_by
     WHERE f.id = ?`,
  );
  const mark = db.prepare<[number | null, number | null, number]>(
    'UPDATE feedback SET reviewed_at = ?, reviewed_by = ?, version = version + 1 WHERE id = ?',
  );
  return {
    list: (range: DayRange) => store.comments(range, REPORT_COMMENTS_MAX).map(view),
    review(staffId: number, feedbackId: number, reviewed: boolean, version: number) {
      return db.transaction(() => {
        const row = one.get(feedbackId);
        if (!row || row.comment.trim() === '') throw notFound('That comment');
        audit.checkVersion('feedback', String(feedbackId), row.version, version);
        if ((row.reviewed_at !== null) === reviewed) return view(row);
        mark.run(reviewed ? clock.now() : null, reviewed ? staffId : null, feedbackId);
        audit.record({
          staffId,
          entity: 'feedback',
          entityId: String(feedbackId),
          action: 'update',
          before: { reviewed: !reviewed },
          after: { reviewed },
        });
        const after = one.get(feedbackId);
        if (!after) throw new Error('a comment just marked is missing');
        return view(after);
      })();
    },
  };
}

export type Comments = ReturnType<typeof createComments>;
