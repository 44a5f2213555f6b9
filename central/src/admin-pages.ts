/** The log-in form, the national fee table and the centres with their enrolment codes. */
import type { Lang } from '../../shared/i18n/index.js';
import { formatKip, t } from '../../shared/i18n/index.js';
import type { CentreRow } from './centres.js';
import type { FeeTable } from './fees.js';
import { FEE_CSV_HEADER } from './fees.js';
import { PROVINCE_CODES } from './provinces.js';
import { html, type Html } from './page-layout.js';
import { provinceName } from './national-page.js';

export interface Flash {
  error?: string;
  notice?: string;
  /** The fields a refused form got wrong, each told beside it, and what was typed. */
  fields?: string[];
  draft?: Record<string, string>;
}

const FEE_FIELDS = [
  { name: 'code', label: 'central.fees.code', type: 'text' },
  { name: 'effectiveOn', label: 'central.fees.effective', type: 'date' },
  { name: 'nameLo', label: 'central.fees.nameLo', type: 'text' },
  { name: 'nameEn', label: 'central.fees.nameEn', type: 'text' },
  { name: 'feeLak', label: 'central.fees.fee', type: 'number' },
  { name: 'refLo', label: 'central.fees.refLo', type: 'text' },
  { name: 'refEn', label: 'central.fees.refEn', type: 'text' },
] as const;

function feeField(
  lang: Lang,
  field: (typeof FEE_FIELDS)[number],
  value: string,
  wrong: readonly string[],
): Html {
  const bad = wrong.includes(field.name);
  return html`<label class="${bad ? 'invalid' : ''}"
    >${t(lang, field.label)}<input
      name="${field.name}"
      type="${field.type}"
      value="${value}"
      required
      aria-invalid="${bad ? 'true' : 'false'}"
    />${
      bad
        ? html`<span class="field-error" data-field-error="${field.name}"
            >${t(lang, `central.fees.wrong.${field.name}`)}</span
          >`
        : ''
    }</label
  >`;
}

const flash = (f: Flash) =>
  html`${f.error ? html`<p class="error" role="alert">${f.error}</p>` : ''}${
    f.notice ? html`<p class="notice" role="status">${f.notice}</p>` : ''
  }`;

export function loginBody(lang: Lang, f: Flash): Html {
  return html`<section>
    <h2>${t(lang, 'central.login.title')}</h2>
    ${flash(f)}
    <form class="inline" method="post" action="/login?lang=${lang}">
      <label
        >${t(lang, 'central.login.username')}<input
          name="username"
          autocomplete="username"
          required
      /></label>
      <label
        >${t(lang, 'central.login.password')}<input
          name="password"
          type="password"
          autocomplete="current-password"
          required
      /></label>
      <button>${t(lang, 'central.login.submit')}</button>
    </form>
  </section>`;
}

export function feesBody(lang: Lang, table: FeeTable, today: string, f: Flash): Html {
  return html`<section>
      <h2>${t(lang, 'central.fees.title', { version: table.version })}</h2>
      ${flash(f)}
      <table>
        <tr>
          <th class="text">${t(lang, 'central.fees.code')}</th>
          <th class="text">${t(lang, 'central.fees.name')}</th>
          <th>${t(lang, 'central.fees.fee')}</th>
          <th class="text">${t(lang, 'central.fees.ref')}</th>
          <th>${t(lang, 'central.fees.effective')}</th>
        </tr>
        ${table.fees.map(
          (fee) =>
            html`<tr data-fee="${fee.code}/${fee.effectiveOn}">
              <td class="text">${fee.code}</td>
              <td class="text">${lang === 'lo' ? fee.nameLo : fee.nameEn}</td>
              <td>${formatKip(fee.feeLak, lang)}</td>
              <td class="text">${lang === 'lo' ? fee.refLo : fee.refEn}</td>
              <td>
                ${fee.effectiveOn}${fee.effectiveOn > today ? html` <span class="warn">${t(lang, 'central.fees.future')}</span>` : ''}
              </td>
            </tr>`,
        )}
      </table>
    </section>
    <section>
      <h2>${t(lang, 'central.fees.edit')}</h2>
      <form class="inline" method="post" action="/fees?lang=${lang}" id="fee-edit">
        ${FEE_FIELDS.map((field) => feeField(lang, field, f.draft?.[field.name] ?? (field.name === 'effectiveOn' ? today : ''), f.fields ?? []))}
        <button>${t(lang, 'central.fees.save')}</button>
      </form>
    </section>
    <section>
      <h2>${t(lang, 'central.fees.import')}</h2>
      <p class="muted">
        ${t(lang, 'central.fees.importHint', { columns: FEE_CSV_HEADER.join(',') })}
      </p>
      <form method="post" action="/fees/import?lang=${lang}" id="fee-import">
        <textarea name="csv" rows="6" cols="100" required></textarea><br />
        <button>${t(lang, 'central.fees.importSubmit')}</button>
      </form>
    </section>`;
}

export function centresBody(
  lang: Lang,
  centres: CentreRow[],
  f: Flash & { code?: string; codeFor?: string },
): Html {
  return html`<section>
      <h2>${t(lang, 'central.centres.title')}</h2>
      ${flash(f)}
      ${f.code ? html`<p class="notice">${t(lang, 'central.centres.codeFor', { centre: f.codeFor ?? '' })}<br /><span class="code">${f.code}</span><br />${t(lang, 'central.centres.codeOnce')}</p>` : ''}
      <table>
        <tr>
          <th class="text">${t(lang, 'central.centres.code')}</th>
          <th class="text">${t(lang, 'central.col.centre')}</th>
          <th class="text">${t(lang, 'central.col.province')}</th>
          <th>${t(lang, 'central.centres.enrolled')}</th>
          <th></th>
        </tr>
        ${centres.map(
          (c) =>
            html`<tr>
              <td class="text">${c.code}</td>
              <td class="text">${lang === 'lo' ? c.nameLo : c.nameEn}</td>
              <td class="text">${provinceName(c.province, lang)}</td>
              <td>
                ${c.enrolledAt ? c.enrolledAt.toISOString().slice(0, 10) : t(lang, 'central.never')}
              </td>
              <td>
                <form method="post" action="/centres/${c.id}/code?lang=${lang}">
                  <button>${t(lang, 'central.centres.makeCode')}</button>
                </form>
              </td>
            </tr>`,
        )}
      </table>
    </section>
    <section>
      <h2>${t(lang, 'central.centres.add')}</h2>
      <form class="inline" method="post" action="/centres?lang=${lang}">
        <label>${t(lang, 'central.centres.code')}<input name="code" required /></label>
        <label>${t(lang, 'central.fees.nameLo')}<input name="nameLo" required /></label>
        <label>${t(lang, 'central.fees.nameEn')}<input name="nameEn" required /></label>
        <label
          >${t(lang, 'central.col.province')}<select name="province">
            ${PROVINCE_CODES.map(
              (p) => html`<option value="${p}">${provinceName(p, lang)}</option>`,
            )}
          </select></label
        >
        <button>${t(lang, 'central.centres.addSubmit')}</button>
      </form>
    </section>`;
}
