/** The console's report events: reading is for supervisors and managers, changing for managers. */
import type { Handlers } from '../handler.js';
import type { MinistryTokens } from './ministry-tokens.js';
import type { Comments } from './comments.js';
import type { Reports } from './reports.js';

type ReportEvent =
  | 'report:run'
  | 'report:comments'
  | 'report:comment-review'
  | 'report:tokens'
  | 'report:token-create'
  | 'report:token-revoke';

export function reportHandlers(deps: {
  reports: Reports;
  comments: Comments;
  tokens: MinistryTokens;
}): Handlers<ReportEvent> {
  const { reports, comments, tokens } = deps;
  return {
    'report:run': (ctx, request) => (ctx.staff(), reports.run(request)),
    'report:comments': (ctx, { range }) => (ctx.staff(), comments.list(range)),
    'report:comment-review': (ctx, { feedbackId, reviewed, version }) =>
      comments.review(ctx.manager().id, feedbackId, reviewed, version),
    'report:tokens': (ctx) => (ctx.manager(), tokens.list()),
    'report:token-create': (ctx, { name }) => tokens.create(ctx.manager().id, name),
    'report:token-revoke': (ctx, { tokenId, version }) =>
      tokens.revoke(ctx.manager().id, tokenId, version),
  };
}
