import { t, type Lang } from '../../../../shared/i18n/index.js';
import { Face } from './Face.js';

export const SCORES = [1, 2, 3, 4, 5] as const;

/** Five faces as one choice: a radio group a screen reader names face by face. */
export function FaceScale({
  lang,
  label,
  value,
  onChange,
  size,
  testId,
}: {
  lang: Lang;
  label: string;
  value: number | undefined | null;
  onChange: (score: number) => void;
  size: 'large' | 'small';
  testId: string;
}) {
  return (
    <div
      role="radiogroup"
      aria-label={label}
      className={`face-scale face-scale--${size}`}
      data-testid={testId}
    >
      {SCORES.map((score) => (
        <button
          key={score}
          type="button"
          role="radio"
          aria-checked={value === score}
          aria-label={t(lang, `phone.face.${score}`)}
          className="face-scale__option"
          onClick={() => onChange(score)}
        >
          <Face score={score} />
          {size === 'large' ? (
            <span className="face-scale__word">{t(lang, `phone.face.${score}`)}</span>
          ) : null}
        </button>
      ))}
    </div>
  );
}
