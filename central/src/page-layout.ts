/**
 * The frame of every page central serves: HTML made on the server, in the
 * reader's language (lo by default, `?lang=en`), with its own small style
 * sheet and the Noto Sans Lao face the hub's apps ship, so Lao reads the same
 * on a ministry PC without Lao fonts.
 */
import type { Lang, MessageKey } from '../../shared/i18n/index.js';
import { t } from '../../shared/i18n/index.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const esc = (s: string | number) => String(s).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** A tagged template that escapes every value unless it is already `Html`. */
export class Html {
  constructor(readonly text: string) {}
  toString() {
    return this.text;
  }
}
type Part = string | number | Html | null | undefined | readonly Part[];
const partText = (p: Part): string =>
  p === null || p === undefined
    ? ''
    : p instanceof Html
      ? p.text
      : Array.isArray(p)
        ? p.map(partText).join('')
        : esc(p as string | number);
export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  return new Html(
    strings.reduce((out, s, i) => out + s + (i < parts.length ? partText(parts[i]) : ''), ''),
  );
}

const STYLE = `
  @font-face { font-family: 'Noto Sans Lao'; src: url('/fonts/lao.woff2') format('woff2'); unicode-range: U+0E80-0EFF; }
  @font-face { font-family: 'Noto Sans'; src: url('/fonts/latin.woff2') format('woff2'); }
  body { font-family: 'Noto Sans', 'Noto Sans Lao', sans-serif; margin: 0; color: #1b2330; background: #f4f6f9; }
  header { background: #17406d; color: #fff; padding: 12px 24px; display: flex; gap: 24px; align-items: center; }
  header h1 { font-size: 20px; margin: 0; flex: 1; }
  header a { color: #fff; }
  main { padding: 16px 24px; }
  section { background: #fff; border-radius: 8px; padding: 12px 16px; margin-bottom: 16px; box-shadow: 0 1px 2px #0002; }
  h2 { font-size: 18px; margin: 4px 0 12px; }
  table { border-collapse: collapse; width: 100%; font-size: 14px; }
  th, td { border-bottom: 1px solid #dde3ea; padding: 6px 8px; text-align: right; }
  th:first-child, td:first-child, td.text, th.text { text-align: left; }
  th { background: #eef2f7; font-weight: 600; }
  .warn { color: #a2271c; font-weight: 600; }
  .ok { color: #1d6b35; }
  .muted { color: #5b6675; }
  form.inline { display: flex; gap: 12px; align-items: end; flex-wrap: wrap; }
  label { display: flex; flex-direction: column; font-size: 13px; gap: 2px; }
  input, select, button { font: inherit; padding: 4px 8px; }
  button { background: #17406d; color: #fff; border: 0; border-radius: 4px; padding: 6px 14px; cursor: pointer; }
  .error { background: #fde8e6; color: #8a1d12; padding: 8px 12px; border-radius: 4px; }
  .notice { background: #e6f2ea; color: #1d4d2c; padding: 8px 12px; border-radius: 4px; }
  label.invalid input { border: 2px solid #a2271c; }
  .field-error { color: #a2271c; font-size: 12px; max-width: 16em; }
  .code { font-family: monospace; font-size: 28px; letter-spacing: 2px; }
  svg text { font-size: 11px; fill: #5b6675; }
`;

export interface PageFrame {
  lang: Lang;
  title: MessageKey;
  /** The path of this page, so the language switch keeps the reader where they are. */
  path: string;
  query?: URLSearchParams;
  staffName?: string;
}

function langLink(frame: PageFrame, lang: Lang) {
  const q = new URLSearchParams(frame.query);
  q.set('lang', lang);
  return `${frame.path}?${q.toString()}`;
}

export function page(frame: PageFrame, body: Html): string {
  const { lang } = frame;
  const other: Lang = lang === 'lo' ? 'en' : 'lo';
  const nav = frame.staffName
    ? html`<nav>
          <a href="/?lang=${lang}">${t(lang, 'central.nav.national')}</a> ·
          <a href="/fees?lang=${lang}">${t(lang, 'central.nav.fees')}</a> ·
          <a href="/centres?lang=${lang}">${t(lang, 'central.nav.centres')}</a>
        </nav>
        <span>${frame.staffName}</span>
        <form method="post" action="/logout?lang=${lang}">
          <button>${t(lang, 'central.logout')}</button>
        </form>`
    : '';
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(t(lang, frame.title))} — ${esc(t(lang, 'central.name'))}</title>
<style>${STYLE}</style></head>
<body><header><h1>${esc(t(lang, 'central.name'))}: ${esc(t(lang, frame.title))}</h1>${nav}
<a href="${esc(langLink(frame, other))}" lang="${other}">${esc(t(other, `lang.${other}`))}</a></header>
<main>${body.text}</main></body></html>`;
}

const PERCENT = (lang: Lang) =>
  new Intl.NumberFormat(lang === 'lo' ? 'lo-LA' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 1,
  });
const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export const fmt = {
  count: (n: number) => NUMBER.format(n),
  share: (x: number | null, lang: Lang) => (x === null ? '—' : PERCENT(lang).format(x)),
  minutes: (s: number | null, lang: Lang) =>
    s === null ? '—' : t(lang, 'central.minutes', { minutes: (s / 60).toFixed(1) }),
  score: (x: number | null) => (x === null ? '—' : x.toFixed(2)),
};
