import { NoticeBar as SharedNoticeBar } from '../../../shared/ui/notice.js';
import { useCounterStore } from '../store.js';

/** The notice in the counter's store, in the counter's language. */
export function NoticeBar() {
  const lang = useCounterStore((s) => s.lang);
  const notice = useCounterStore((s) => s.notice);
  const dismiss = useCounterStore((s) => s.dismissNotice);
  return (
    <SharedNoticeBar
      lang={lang}
      notice={notice}
      onDismiss={dismiss}
      dismissLabel="counter.notice.dismiss"
    />
  );
}
