/**
 * The centre's notices, one at a time in Lao and English, each held still
 * long enough to read (no scrolling text), with dots showing there are more.
 */
import { useHallStore } from '../store.js';
import { useRotation } from '../timers.js';
import { Both } from './Both.js';

export function NoticeBoard({ noticeMs }: { noticeMs: number }) {
  const notices = useHallStore((s) => s.snapshot?.centre.notices);
  const list = notices ?? [];
  const index = useRotation(list.length, noticeMs);
  const notice = list[index];
  if (!notice) return null;
  return (
    <footer className="notices" data-testid="notices">
      <span className="notices__title">
        <Both k="display.notice" />
      </span>
      <p className="notices__text" key={index} data-testid="notice-text">
        <span lang="lo">{notice.lo}</span>
        <span lang="en">{notice.en}</span>
      </p>
      <ol className="page-dots page-dots--vertical" aria-hidden="true">
        {list.map((_, i) => (
          <li key={i} className={i === index ? 'page-dots__dot is-current' : 'page-dots__dot'} />
        ))}
      </ol>
    </footer>
  );
}
