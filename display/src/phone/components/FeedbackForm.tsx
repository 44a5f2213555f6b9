/**
 * The rating after a finished visit: five faces, then the questions of the
 * government's service-user survey (waiting time, staff courtesy, clarity,
 * and whether anyone asked for more than the posted fee). Sent once.
 */
import { t, type Lang, type MessageKey } from '../../../../shared/i18n/index.js';
import { submitFeedback } from '../connection.js';
import { usePhoneStore } from '../store.js';
import { FaceScale } from './FaceScale.js';

const RATED_QUESTIONS = ['waitingTime', 'courtesy', 'clarity'] as const;
const COMMENT_MAX_CHARS = 500;

function PayMoreQuestion({ lang }: { lang: Lang }) {
  const value = usePhoneStore((s) => s.feedback.answers.askedToPayMore);
  const setAnswer = usePhoneStore((s) => s.setAnswer);
  const label = t(lang, 'phone.q.askedToPayMore');
  return (
    <fieldset className="survey__question">
      <legend>{label}</legend>
      <div role="radiogroup" aria-label={label} className="yes-no">
        {([true, false] as const).map((answer) => (
          <button
            key={String(answer)}
            type="button"
            role="radio"
            aria-checked={value === answer}
            className="yes-no__option"
            onClick={() => setAnswer('askedToPayMore', answer)}
          >
            {t(lang, answer ? 'phone.yes' : 'phone.no')}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

function RatedQuestions({ lang }: { lang: Lang }) {
  const answers = usePhoneStore((s) => s.feedback.answers);
  const setAnswer = usePhoneStore((s) => s.setAnswer);
  return RATED_QUESTIONS.map((key) => (
    <fieldset key={key} className="survey__question">
      <legend>{t(lang, `phone.q.${key}` satisfies MessageKey)}</legend>
      <FaceScale
        lang={lang}
        label={t(lang, `phone.q.${key}`)}
        value={answers[key]}
        onChange={(score) => setAnswer(key, score)}
        size="small"
        testId={`q-${key}`}
      />
    </fieldset>
  ));
}

function Comment({ lang }: { lang: Lang }) {
  const comment = usePhoneStore((s) => s.feedback.answers.comment);
  const setAnswer = usePhoneStore((s) => s.setAnswer);
  return (
    <label className="survey__question survey__comment">
      <span>{t(lang, 'phone.comment')}</span>
      <textarea
        rows={3}
        maxLength={COMMENT_MAX_CHARS}
        value={comment ?? ''}
        onChange={(e) => setAnswer('comment', e.target.value)}
      />
    </label>
  );
}

function Problem({ lang }: { lang: Lang }) {
  const needsScore = usePhoneStore((s) => s.feedback.needsScore);
  const failed = usePhoneStore((s) => s.feedback.stage === 'failed');
  if (!needsScore && !failed) return null;
  return (
    <p className="survey__error" role="alert">
      {t(lang, needsScore ? 'phone.chooseFace' : 'phone.sendFailed')}
    </p>
  );
}

export function FeedbackForm({ lang }: { lang: Lang }) {
  const score = usePhoneStore((s) => s.feedback.score);
  const sending = usePhoneStore((s) => s.feedback.stage === 'sending');
  const setScore = usePhoneStore((s) => s.setScore);
  return (
    <form
      className="survey"
      data-testid="feedback-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submitFeedback();
      }}
    >
      <h2 className="survey__title">{t(lang, 'phone.rateTitle')}</h2>
      <p className="survey__hint">{t(lang, 'phone.rateHint')}</p>
      <FaceScale
        lang={lang}
        label={t(lang, 'phone.rateTitle')}
        value={score}
        onChange={setScore}
        size="large"
        testId="score"
      />
      <RatedQuestions lang={lang} />
      <PayMoreQuestion lang={lang} />
      <Comment lang={lang} />
      <Problem lang={lang} />
      <button type="submit" className="phone-button" disabled={sending}>
        {t(lang, sending ? 'phone.sending' : 'phone.send')}
      </button>
    </form>
  );
}
