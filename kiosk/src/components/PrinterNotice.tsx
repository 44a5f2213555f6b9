import { t } from '../../../shared/i18n/index.js';
import { canPrint } from '../../../shared/printer/status.js';
import { useKioskStore } from '../store.js';

/**
 * Shown on the ticket screen while this kiosk's printer cannot print (paper
 * out, cover open, not answering): the ticket waits in the hub's spool, so
 * the citizen keeps the number and the QR code on screen meanwhile. A printer
 * running low on paper still prints; that is for staff only.
 */
export function PrinterNotice() {
  const lang = useKioskStore((s) => s.lang);
  const stuck = useKioskStore((s) => s.snapshot?.printers?.some((p) => !canPrint(p.status)));
  if (!stuck) return null;
  return (
    <div
      className="notice notice--warning ticket__printer"
      role="status"
      data-testid="printer-attention"
    >
      <p className="ticket__printer-title">{t(lang, 'print.kioskAttentionTitle')}</p>
      <p>{t(lang, 'print.kioskAttention')}</p>
    </div>
  );
}
