/**
 * A face from very unhappy (1) to very happy (5), drawn rather than an emoji:
 * cheap phones and this project's bundled fonts have no colour emoji.
 */
const FACE_COLOURS = ['#d93025', '#f28b30', '#f5c400', '#8bc34a', '#1e8e3e'] as const;
const MOUTH_CURVE_PER_STEP = 6;

export function Face({ score }: { score: number }) {
  const bend = (score - 3) * MOUTH_CURVE_PER_STEP;
  return (
    <svg viewBox="0 0 64 64" className="face" aria-hidden="true" focusable="false">
      <circle
        cx="32"
        cy="32"
        r="29"
        fill={FACE_COLOURS[score - 1] ?? '#999'}
        stroke="#14213d"
        strokeWidth="3"
      />
      <circle cx="22" cy="25" r="4" fill="#14213d" />
      <circle cx="42" cy="25" r="4" fill="#14213d" />
      <path
        d={`M18 ${44 - bend / 2} Q32 ${44 + bend * 1.5} 46 ${44 - bend / 2}`}
        fill="none"
        stroke="#14213d"
        strokeWidth="4"
        strokeLinecap="round"
      />
    </svg>
  );
}
