import { confirmCancel, confirmClose } from '../desk-requests.js';
import { useCounterStore } from '../store.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { PauseDialog } from './PauseDialog.js';
import { TransferDialog } from './TransferDialog.js';
import { missingCaseError } from '../../../shared/assert.js';

/** The one dialog open at the desk, if any. */
export function Dialogs() {
  const dialog = useCounterStore((s) => s.dialog);
  const label = useCounterStore((s) => {
    const d = s.dialog;
    if (d?.kind !== 'cancel') return '';
    return s.snapshot?.waiting?.find((x) => x.id === d.ticketId)?.label ?? '';
  });
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
          params={{ label }}
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
    default:
      throw missingCaseError(dialog);
  }
}
