import type { FormEvent, ReactNode } from 'react';
import { useCanEdit } from '../store.js';

/**
 * A form on a card. For a supervisor every field is disabled (they read the
 * configuration, they do not change it); `after` stays usable (unlocking a
 * clerk is a supervisor's job too).
 */
export function FormCard({
  testId,
  onSubmit,
  children,
  after,
}: {
  testId: string;
  onSubmit: (e: FormEvent) => void;
  children: ReactNode;
  after?: ReactNode;
}) {
  const canEdit = useCanEdit();
  return (
    <form className="card form" onSubmit={onSubmit} data-testid={testId}>
      <fieldset className="form__body" disabled={!canEdit}>
        {children}
      </fieldset>
      {after}
    </form>
  );
}
