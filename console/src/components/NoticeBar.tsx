import { NoticeBar as SharedNoticeBar } from '../../../shared/ui/notice.js';
import { useConsoleStore } from '../store.js';

/** The notice in the console's store, in the console's language. */
export function NoticeBar() {
  const lang = useConsoleStore((s) => s.lang);
  const notice = useConsoleStore((s) => s.notice);
  const dismiss = useConsoleStore((s) => s.dismissNotice);
  return (
    <SharedNoticeBar
      lang={lang}
      notice={notice}
      onDismiss={dismiss}
      dismissLabel="console.notice.dismiss"
    />
  );
}
