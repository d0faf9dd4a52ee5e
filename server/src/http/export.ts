import { loadExcel } from '../platform/lazy-libs';

// CSV and XLSX for list exports (R39): UTF-8 with a BOM so Excel shows Chinese correctly, RFC 4180 quoting, and
// cells that look like formulas prefixed so a spreadsheet never executes them.
const cell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : String(v);
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

export function toCsv(header: string[], rows: unknown[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

export function csvResponse(name: string, body: string): Response {
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
    },
  });
}

/** XLSX with a bold, frozen header; amounts stay decimal text so no float ever touches money. */
export async function toXlsx(sheet: string, header: string[], rows: unknown[][]): Promise<Uint8Array> {
  const ExcelJS = await loadExcel();
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow(r.map((v) => (v === null || v === undefined ? '' : String(v))));
  ws.columns.forEach((col) => {
    col.width = 18;
  });
  return new Uint8Array(await book.xlsx.writeBuffer());
}

export type ExportFormat = 'csv' | 'xlsx';

/** The list as a download in the asked format. */
export async function exportResponse(
  name: string,
  format: ExportFormat,
  header: string[],
  rows: unknown[][],
): Promise<Response> {
  if (format === 'csv') return csvResponse(`${name}.csv`, toCsv(header, rows));
  return new Response(await toXlsx(name, header, rows), {
    status: 200,
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${name}.xlsx"`,
    },
  });
}
