/** The national page: centres side by side and by province, month by month, the quiet ones. */
import type { Lang } from '../../shared/i18n/index.js';
import { t } from '../../shared/i18n/index.js';
import type {
  CentreFigures,
  Figures,
  MonthFigures,
  ProvinceFigures,
  Range,
  SilentCentre,
} from './national.js';
import { PROVINCES, isProvince } from './provinces.js';
import { fmt, html, type Html } from './page-layout.js';

export interface NationalView {
  range: Range;
  centres: CentreFigures[];
  provinces: ProvinceFigures[];
  months: MonthFigures[];
  silent: SilentCentre[];
}

export const provinceName = (code: string, lang: Lang) =>
  isProvince(code) ? PROVINCES[code][lang] : code;

/** Above this share of citizens asked to pay more than the posted fee, the cell is marked. */
const ASKED_MORE_WARN_SHARE = 0.05;

const FIGURE_HEADS = [
  'central.col.tickets',
  'central.col.waitMedian',
  'central.col.waitP90',
  'central.col.withinTarget',
  'central.col.noShows',
  'central.col.satisfaction',
  'central.col.askedMore',
] as const;

function figureCells(f: Figures, lang: Lang): Html {
  return html`<td>${fmt.count(f.tickets)}</td>
    <td>${fmt.minutes(f.waitMedianS, lang)}</td>
    <td>${fmt.minutes(f.waitP90S, lang)}</td>
    <td>${fmt.share(f.withinTargetShare, lang)}</td>
    <td>${fmt.count(f.noShows)}</td>
    <td>${fmt.score(f.satisfaction)}</td>
    <td class="${(f.askedMoreShare ?? 0) > ASKED_MORE_WARN_SHARE ? 'warn' : ''}">
      ${fmt.share(f.askedMoreShare, lang)}
    </td>`;
}

const heads = (lang: Lang) => FIGURE_HEADS.map((k) => html`<th>${t(lang, k)}</th>`);

function centresTable(v: NationalView, lang: Lang): Html {
  return html`<section id="centres">
    <h2>${t(lang, 'central.byCentre')}</h2>
    <table>
      <tr>
        <th>${t(lang, 'central.col.centre')}</th>
        <th class="text">${t(lang, 'central.col.province')}</th>
        ${heads(lang)}
        <th>${t(lang, 'central.col.feeDeviations')}</th>
      </tr>
      ${v.centres.map(
        (c) =>
          html`<tr data-centre="${c.code}">
            <td>${lang === 'lo' ? c.nameLo : c.nameEn}</td>
            <td class="text">${provinceName(c.province, lang)}</td>
            ${figureCells(c, lang)}
            <td class="${c.feeDeviations > 0 ? 'warn' : ''}">${c.feeDeviations}</td>
          </tr>`,
      )}
    </table>
  </section>`;
}

function provincesTable(v: NationalView, lang: Lang): Html {
  return html`<section id="provinces">
    <h2>${t(lang, 'central.byProvince')}</h2>
    <table>
      <tr>
        <th>${t(lang, 'central.col.province')}</th>
        <th>${t(lang, 'central.col.centres')}</th>
        ${heads(lang)}
        <th>${t(lang, 'central.col.feeDeviations')}</th>
      </tr>
      ${v.provinces.map(
        (p) =>
          html`<tr data-province="${p.province}">
            <td>${provinceName(p.province, lang)}</td>
            <td>${p.centres}</td>
            ${figureCells(p, lang)}
            <td class="${p.feeDeviations > 0 ? 'warn' : ''}">${p.feeDeviations}</td>
          </tr>`,
      )}
    </table>
  </section>`;
}

/** Tickets per month as bars, and the share within target as a line over them. */
function trendChart(months: MonthFigures[], lang: Lang): Html {
  if (months.length === 0) return html`<p class="muted">${t(lang, 'central.noRecords')}</p>`;
  const width = 760;
  const height = 160;
  const step = width / months.length;
  const most = Math.max(1, ...months.map((m) => m.tickets));
  const bars = months.map((m, i) => {
    const h = (m.tickets / most) * (height - 30);
    return html`<rect
        x="${(i * step + 4).toFixed(1)}"
        y="${(height - 20 - h).toFixed(1)}"
        width="${(step - 8).toFixed(1)}"
        height="${h.toFixed(1)}"
        fill="#7aa6d6"
      ></rect>
      <text x="${(i * step + step / 2).toFixed(1)}" y="${height - 6}" text-anchor="middle"
        >${m.month.slice(2)}</text
      >`;
  });
  const points = months
    .map(
      (m, i) =>
        `${(i * step + step / 2).toFixed(1)},${((1 - (m.withinTargetShare ?? 0)) * (height - 30) + 10).toFixed(1)}`,
    )
    .join(' ');
  return html`<svg
      viewBox="0 0 ${width} ${height}"
      width="100%"
      role="img"
      aria-label="${t(lang, 'central.trendChart')}"
    >
      ${bars}
      <polyline points="${points}" fill="none" stroke="#1d6b35" stroke-width="2"></polyline>
    </svg>
    <p class="muted">${t(lang, 'central.trendLegend')}</p>`;
}

function monthsTable(v: NationalView, lang: Lang): Html {
  return html`<section id="months">
    <h2>${t(lang, 'central.monthly')}</h2>
    ${trendChart(v.months, lang)}
    <table>
      <tr>
        <th>${t(lang, 'central.col.month')}</th>
        ${heads(lang)}
      </tr>
      ${v.months.map(
        (m) =>
          html`<tr>
            <td>${m.month}</td>
            ${figureCells(m, lang)}
          </tr>`,
      )}
    </table>
  </section>`;
}

function silentList(v: NationalView, lang: Lang): Html {
  return html`<section id="silent">
    <h2>${t(lang, 'central.silent')}</h2>
    ${
      v.silent.length === 0
        ? html`<p class="ok">${t(lang, 'central.silentNone')}</p>`
        : html`<table>
            <tr>
              <th>${t(lang, 'central.col.centre')}</th>
              <th class="text">${t(lang, 'central.col.province')}</th>
              <th>${t(lang, 'central.col.lastDay')}</th>
            </tr>
            ${v.silent.map(
              (s) =>
                html`<tr data-silent="${s.code}">
                  <td>${lang === 'lo' ? s.nameLo : s.nameEn}</td>
                  <td class="text">${provinceName(s.province, lang)}</td>
                  <td class="warn">${s.lastDay ?? t(lang, 'central.never')}</td>
                </tr>`,
            )}
          </table>`
    }
  </section>`;
}

export function nationalBody(v: NationalView, lang: Lang): Html {
  const q = `from=${v.range.from}&to=${v.range.to}&lang=${lang}`;
  return html`<section>
      <form class="inline" method="get" action="/">
        <input type="hidden" name="lang" value="${lang}" />
        <label
          >${t(lang, 'central.from')}<input type="date" name="from" value="${v.range.from}"
        /></label>
        <label>${t(lang, 'central.to')}<input type="date" name="to" value="${v.range.to}" /></label>
        <button>${t(lang, 'central.show')}</button>
        <a href="/national.csv?${q}">${t(lang, 'central.downloadCsv')}</a>
        <a href="/national.xlsx?${q}">${t(lang, 'central.downloadXlsx')}</a>
      </form>
    </section>
    ${silentList(v, lang)}${centresTable(v, lang)}${provincesTable(v, lang)}${monthsTable(v, lang)}`;
}
