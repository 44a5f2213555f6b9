import { t } from '../../../shared/i18n/index.js';
import { formatBytes, useDiskStore } from '../disk-space.js';
import { useConsoleStore } from '../store.js';

/** On every screen while the hub's disk runs low; it goes when space is freed. */
export function DiskWarning() {
  const lang = useConsoleStore((s) => s.lang);
  const disk = useDiskStore((s) => s.disk);
  if (!disk?.low) return null;
  return (
    <div className="notice-bar notice-bar--error" role="alert" data-testid="disk-warning">
      <span>{t(lang, 'console.disk.low', { free: formatBytes(disk.freeBytes) })}</span>
    </div>
  );
}
