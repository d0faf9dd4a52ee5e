import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

// R21 fixtures: expiry workbooks written the ways real tools save them. `date` cells carry a date format
// (Excel), `serial` cells the bare number (a sheet whose column lost its format, as WPS can save), `text`
// cells a typed string (LibreOffice with a text column). Streamed, so the bench's 100,000 rows stay small.

export type ExpiryCell = Date | number | string | null;

/** The Excel serial of an ISO date (1900 system). */
export const serialOf = (iso: string): number =>
  Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);

export const dateCell = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

export async function expiryWorkbook(
  rows: Iterable<(string | ExpiryCell)[]>,
  header: string[] = ['设备ID Device ID', '到期日 Expiry', '公司 Company'],
): Promise<Uint8Array> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => sink.on('end', resolve));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true });
  const ws = book.addWorksheet('Sheet1');
  ws.addRow(header).commit();
  for (const r of rows) {
    const row = ws.addRow(r.map((v) => v ?? undefined));
    r.forEach((v, i) => {
      if (v instanceof Date) row.getCell(i + 1).numFmt = 'yyyy-mm-dd';
    });
    row.commit();
  }
  ws.commit();
  await book.commit();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

/** A workbook's first sheet as plain rows (reading a downloaded report or template). */
export async function sheetRows(file: Uint8Array, sheet = 1): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  // exceljs takes an ArrayBuffer; a copy keeps a view of a larger buffer from leaking its neighbours.
  await book.xlsx.load(file.slice().buffer);
  const ws = book.worksheets[sheet - 1];
  const out: unknown[][] = [];
  ws?.eachRow({ includeEmpty: false }, (row) => {
    out.push(Array.isArray(row.values) ? row.values.slice(1) : []);
  });
  return out;
}
