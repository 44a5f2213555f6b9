/** Citizens' feedback in a report: the faces, each survey question, who was asked to pay more, comments. */
import { useMemo } from 'react';
import { t, type Lang } from '../../../shared/i18n/index.js';
import { groupLabel } from '../../../shared/domain/report-labels.js';
import { formatDate, formatTime } from '../../../shared/i18n/calendar.js';
import { SURVEY_QUESTIONS, type FeedbackComment, type Report } from '../../../shared/protocol.js';
import { reviewComment, useReportStore } from '../report-actions.js';
import { formatCount, formatMean, formatShare } from '../report-format.js';
import { useCanEdit, useConsoleStore } from '../store.js';
import { BarChart } from './ReportChart.js';
import { useReportNames } from './ReportResults.js';

const FACE_COLOURS = ['#b3261e', '#d9822b', '#c9b300', '#6aa84f', '#1c6b3a'];

function PayMoreTable({ report, lang }: { report: Report; lang: Lang }) {
  const names = useReportNames();
  const rows = [
    ...report.payMore.byService.map((r) => ({
      ...r,
      label: groupLabel('service', r.key, lang, names),
    })),
    ...report.payMore.byCounter.map((r) => ({
      ...r,
      label: groupLabel('counter', r.key, lang, names),
    })),
  ];
  return (
    <div>
      <h3>{t(lang, 'console.reports.payMore')}</h3>
      <p className="hint">{t(lang, 'console.reports.payMoreBy')}</p>
      <table className="table" data-testid="pay-more">
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.label}-${r.key}`}>
              <th scope="row">{r.label}</th>
              <td data-col="share">{formatShare(r.share)}</td>
              <td>{t(lang, 'console.reports.payMoreRow', { yes: r.yes, answered: r.answered })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function FeedbackCard({ report, lang }: { report: Report; lang: Lang }) {
  const f = report.total.feedback;
  const faces = useMemo(
    () => [
      {
        label: t(lang, 'console.reports.faces'),
        values: f.faces,
        colour: FACE_COLOURS,
      },
    ],
    [f, lang],
  );
  const faceLabels = useMemo(() => ['1', '2', '3', '4', '5'], []);
  return (
    <section className="card report-card" data-testid="report-feedback">
      <h2>{t(lang, 'console.reports.feedback')}</h2>
      <p>
        {t(lang, 'console.reports.responses', { count: formatCount(f.responses) })} ·{' '}
        {t(lang, 'report.col.feedback_mean_score')}: {formatMean(f.meanScore)}
      </p>
      <div className="report-feedback">
        <BarChart
          legend={false}
          counts
          testId="chart-faces"
          title={t(lang, 'console.reports.faces')}
          labels={faceLabels}
          series={faces}
        />
        <div>
          <h3>{t(lang, 'console.reports.questions')}</h3>
          <table className="table" data-testid="survey-questions">
            <tbody>
              {SURVEY_QUESTIONS.map((q) => (
                <tr key={q}>
                  <th scope="row">{t(lang, `console.reports.q.${q}`)}</th>
                  <td>{formatMean(f.questions[q].mean)}</td>
                  <td>{formatCount(f.questions[q].answers)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t(lang, 'report.col.pay_more_share')}</th>
                <td data-testid="pay-more-total">{formatShare(f.askedToPayMore.share)}</td>
                <td>{formatCount(f.askedToPayMore.answered)}</td>
              </tr>
            </tbody>
          </table>
        </div>
      </div>
      <PayMoreTable report={report} lang={lang} />
    </section>
  );
}

function CommentRow({ c, lang, timeZone }: { c: FeedbackComment; lang: Lang; timeZone: string }) {
  const canEdit = useCanEdit();
  const names = useReportNames();
  const reviewed = c.reviewedAt !== null;
  return (
    <li
      className={reviewed ? 'comment comment--reviewed' : 'comment'}
      data-testid={`comment-${c.id}`}
    >
      <p className="comment__text">“{c.comment}”</p>
      <p className="hint">
        {t(lang, 'console.reports.score', { score: c.score })} ·{' '}
        {groupLabel('service', c.serviceId, lang, names)}
        {c.counterId === null
          ? ''
          : ` · ${groupLabel('counter', String(c.counterId), lang, names)}`}{' '}
        · {formatDate(c.at, timeZone, lang)} {formatTime(c.at, timeZone)}
      </p>
      <p className="comment__review">
        {reviewed
          ? t(lang, 'console.reports.reviewedBy', { name: c.reviewedBy ?? '' })
          : t(lang, 'console.reports.notReviewed')}
        {canEdit ? (
          <button type="button" className="button" onClick={() => void reviewComment(c, !reviewed)}>
            {t(lang, reviewed ? 'console.reports.markUnreviewed' : 'console.reports.markReviewed')}
          </button>
        ) : null}
      </p>
    </li>
  );
}

export function CommentsCard({ lang }: { lang: Lang }) {
  const comments = useReportStore((s) => s.comments);
  const timeZone = useConsoleStore((s) => s.config?.centre.timeZone ?? 'Asia/Vientiane');
  return (
    <section className="card report-card report-comments" data-testid="report-comments">
      <h2>{t(lang, 'console.reports.comments')}</h2>
      {comments.length === 0 ? (
        <p className="hint">{t(lang, 'console.reports.noComments')}</p>
      ) : null}
      <ul className="comments">
        {comments.map((c) => (
          <CommentRow key={c.id} c={c} lang={lang} timeZone={timeZone} />
        ))}
      </ul>
    </section>
  );
}
