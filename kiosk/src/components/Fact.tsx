import type { ReactNode } from 'react';

/** A label over a value, e.g. "Estimated wait / about 12 min". */
export function Fact({
  label,
  children,
  testId,
}: {
  label: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div className="fact">
      <span className="fact__label">{label}</span>
      <span className="fact__value" data-testid={testId}>
        {children}
      </span>
    </div>
  );
}
