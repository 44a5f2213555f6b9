/**
 * The national page's tables as files: CSV (UTF-8 with a byte-order mark)
 * and XLSX (exceljs, the library the hub's reports export with), one sheet
 * per table, headings in the reader's language.
 */
import ExcelJS from 'exceljs';
import type { Lang } from '../../shared/i18n/index.js';
import { t } from '../../shared/i18n/index.js';
import { toCsv } from './csv.js';
import type { Figures } from './national.js';
import type { NationalView } from './national-page.js';
import { provinceName } from './national-page.js';

type Cell = string | number | null;

const round = (x: number | null, digits: number) => (x === null ? null : Number(x.toFixed(digits)));

function figureHeads(lang: Lang): string[] {
  return [
    t(lang, 'central.col.days'),
    t(lang, 'central.col.tickets'),
    t(lang, 'central.col.served'),
    t(lang, 'central.col.waitMedianMin'),
    t(lang, 'central.col.waitP90Min'),
    t(lang, 'central.col.withinTarget'),
    t(lang, 'central.col.noShows'),
    t(lang, 'central.col.satisfaction'),
    t(lang, 'central.col.askedMore'),
  ];
}

const figureCells = (f: Figures): Cell[] => [
  f.days,
  f.tickets,
  f.served,
  f.waitMedianS === null ? null : round(f.waitMedianS / 60, 1),
  f.waitP90S === null ? null : round(f.waitP90S / 60, 1),
  round(f.withinTargetShare, 4),
  f.noShows,
  round(f.satisfaction, 2),
  round(f.askedMoreShare, 4),
];

function sheets(v: NationalView, lang: Lang): { name: string; rows: Cell[][] }[] {
  return [
    {
      name: t(lang, 'central.byCentre'),
      rows: [
        [
          t(lang, 'central.centres.code'),
          t(lang, 'central.col.centre'),
          t(lang, 'central.col.province'),
          ...figureHeads(lang),
          t(lang, 'central.col.feeDeviations'),
          t(lang, 'central.col.lastDay'),
        ],
        ...v.centres.map((c) => [
          c.code,
          lang === 'lo' ? c.nameLo : c.nameEn,
          provinceName(c.province, lang),
          ...figureCells(c),
          c.feeDeviations,
          c.lastDay,
        ]),
      ],
    },
    {
      name: t(lang, 'central.byProvince'),
      rows: [
        [
          t(lang, 'central.col.province'),
          t(lang, 'central.col.centres'),
          ...figureHeads(lang),
          t(lang, 'central.col.feeDeviations'),
        ],
        ...v.provinces.map((p) => [
          provinceName(p.province, lang),
          p.centres,
          ...figureCells(p),
          p.feeDeviations,
        ]),
      ],
    },
    {
      name: t(lang, 'central.monthly'),
      rows: [
        [t(lang, 'central.col.month'), ...figureHeads(lang)],
        ...v.months.map((m) => [m.month, ...figureCells(m)]),
      ],
    },
  ];
}

/** One CSV: the per-centre table (the one a spreadsheet user wants first). */
export function nationalCsv(v: NationalView, lang: Lang): string {
  const [centres] = sheets(v, lang);
  return toCsv(centres?.rows ?? []);
}

export async function nationalXlsx(v: NationalView, lang: Lang): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const s of sheets(v, lang)) {
    // Excel allows 31 characters in a sheet's name and none of []:*?/\ in it.
    const sheet = book.addWorksheet(s.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31));
    for (const row of s.rows) sheet.addRow(row);
    sheet.getRow(1).font = { bold: true };
    sheet.columns.forEach((col) => (col.width = 18));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
