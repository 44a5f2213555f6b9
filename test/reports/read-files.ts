/** Reading a downloaded report back as numbers: CSV by RFC 4180, XLSX with exceljs. */
import ExcelJS from 'exceljs';

export function parseCsv(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** A table's rows by their first cell, each as header → number (empty: null). */
export function byLabel(
  rows: (string | number | null)[][],
): Map<string, Map<string, number | null>> {
  const [header = [], ...body] = rows;
  return new Map(
    body.map((r) => [
      String(r[0]),
      new Map(
        header.slice(1).map((h, i) => {
          const v = r[i + 1];
          return [String(h), v === '' || v === null || v === undefined ? null : Number(v)];
        }),
      ),
    ]),
  );
}

export async function readXlsx(bytes: ArrayBuffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes);
  return book.worksheets.map((sheet) => {
    const rows: (string | number | null)[][] = [];
    sheet.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      rows.push(
        values.map((v) =>
          v === null || v === undefined ? null : typeof v === 'number' ? v : String(v),
        ),
      );
    });
    return { name: sheet.name, rows };
  });
}
