import { useEffect } from 'react';
import { openCounter } from '../clerk-session.js';
import { confirmCancel, confirmClose } from '../desk-controller.js';
import { useCounterStore, type CounterState } from '../store.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { PauseDialog } from './PauseDialog.js';
import { TransferDialog } from './TransferDialog.js';
import { missingCaseError } from '../../../shared/assert.js';

/**
 * The ticket a cancel dialog asks about has stopped waiting (another counter
 * called it, or cancelled it): the question no longer makes sense.
 */
function cancelWentStale({ dialog, snapshot }: CounterState): boolean {
  if (dialog?.kind !== 'cancel' || !snapshot) return false;
  return !(snapshot.waiting ?? []).some((x) => x.id === dialog.ticketId);
}

/** The one dialog open at the desk, if any. */
export function Dialogs() {
  const dialog = useCounterStore((s) => s.dialog);
  const stale = useCounterStore(cancelWentStale);
  useEffect(() => {
    if (!stale || dialog?.kind !== 'cancel') return;
    useCounterStore.setState({
      dialog: null,
      notice: { key: 'counter.notice.changed', params: { label: dialog.label }, tone: 'error' },
    });
  }, [stale, dialog]);
  const number = useCounterStore(
    (s) => s.snapshot?.counters.find((c) => c.id === s.counterId)?.number ?? '',
  );
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'transfer':
      return <TransferDialog ticketId={dialog.ticketId} />;
    case 'cancel':
      return (
        <ConfirmDialog
          title="counter.cancel.title"
          body="counter.cancel.body"
          confirm="counter.cancel.confirm"
          params={{ label: dialog.label }}
          onConfirm={() => void confirmCancel(dialog.ticketId)}
        />
      );
    case 'pause':
      return <PauseDialog />;
    case 'close':
      return (
        <ConfirmDialog
          title="counter.close.title"
          body="counter.close.body"
          confirm="counter.close.confirm"
          params={{ number }}
          onConfirm={() => void confirmClose()}
        />
      );
    case 'take-over':
      return (
        <ConfirmDialog
          title="counter.takeOver.title"
          body="counter.takeOver.body"
          confirm="counter.takeOver.confirm"
          params={{ number: dialog.number, name: dialog.name }}
          onConfirm={() => void openCounter(dialog.counterId, true)}
        />
      );
    default:
      throw missingCaseError(dialog);
  }
}
