import { Readable } from 'node:stream';
import type { DeviceImportError } from '@kaidan/shared';
import { AppError } from '../../platform/errors';
import { loadExcel } from '../../platform/lazy-libs';
import { parseDateCell, textOf } from './import-cells';

// R21: the uploaded workbook read as a stream (100,000 rows without holding the whole sheet model), its
// first sheet only. Columns are found by their header, so a user who reorders them or saves from WPS or
// LibreOffice (other header styles, dates as serials or text) is still understood. Rows whose device id
// starts with "#" are comments (the template's example row); blank rows inside the data are reported,
// blank rows after the last filled one are not (spreadsheets keep formatted empty rows at the end).

export const MAX_IMPORT_ROWS = 200_000;

export interface SheetRow {
  rowNo: number;
  deviceNo: string | null;
  companyRef: string | null;
  expiryText: string | null;
  expiresOn: string | null;
  error: DeviceImportError | null;
}

interface Columns {
  device: number;
  expiry: number;
  company: number | null;
}

const HEADERS = {
  device: /设备\s*(id|编号|号)|device/iu,
  expiry: /到期|过期|expir/iu,
  company: /公司|company/iu,
} as const;

function columnsOf(values: unknown[]): Columns | null {
  let device = 0;
  let expiry = 0;
  let company: number | null = null;
  values.forEach((v, i) => {
    const t = textOf(v) ?? '';
    if (!device && HEADERS.device.test(t)) device = i;
    else if (!expiry && HEADERS.expiry.test(t)) expiry = i;
    else if (company === null && HEADERS.company.test(t)) company = i;
  });
  return device && expiry ? { device, expiry, company } : null;
}

const badFile = (code: string, zh: string, en: string, fix: { zh: string; en: string }) =>
  new AppError({
    status: 422,
    code,
    message: { zh, en },
    fields: [{ field: 'file', code, message: { zh, en } }],
    fixes: [fix],
  });

const TEMPLATE_FIX = {
  zh: '下载导入模板，按模板的列填写后再上传',
  en: 'Download the import template, fill in its columns and upload it again',
};

function rowOf(rowNo: number, values: unknown[], cols: Columns): SheetRow | 'blank' | 'comment' {
  const deviceNo = textOf(values[cols.device]);
  const companyRef = cols.company === null ? null : textOf(values[cols.company]);
  const expiryText = textOf(values[cols.expiry]);
  if (deviceNo === null && companyRef === null && expiryText === null) return 'blank';
  if (deviceNo?.startsWith('#')) return 'comment';
  const date = parseDateCell(values[cols.expiry]);
  const expiresOn = 'date' in date ? date.date : null;
  const error: DeviceImportError | null =
    deviceNo === null ? 'device_missing' : 'error' in date ? date.error : null;
  return { rowNo, deviceNo, companyRef, expiryText, expiresOn, error };
}

/** The rows of the workbook's first sheet; `onProgress` hears the count every 10,000 rows. */
export async function readImportSheet(
  file: Uint8Array,
  onProgress: (rowsRead: number) => void = () => {},
): Promise<SheetRow[]> {
  const ExcelJS = await loadExcel();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(file)]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  const out: SheetRow[] = [];
  let first = true;
  let cols: Columns | null = null;
  let lastFilled = 0;
  let header = 0;
  try {
    for await (const sheet of reader) {
      const mine = first;
      first = false;
      for await (const row of sheet) {
        if (!mine) continue;
        const values = Array.isArray(row.values) ? row.values : [];
        if (!cols) {
          cols = columnsOf(values);
          if (!cols)
            throw badFile(
              'IMPORT_HEADER_MISSING',
              '第一行须为表头：设备ID、到期日',
              'The first row must be the header: Device ID, Expiry',
              TEMPLATE_FIX,
            );
          header = row.number;
          lastFilled = header;
          continue;
        }
        const r = rowOf(row.number, values, cols);
        if (r === 'blank') continue;
        for (let n = lastFilled + 1; n < row.number; n++)
          out.push({
            rowNo: n,
            deviceNo: null,
            companyRef: null,
            expiryText: null,
            expiresOn: null,
            error: 'empty_row',
          });
        lastFilled = row.number;
        if (r === 'comment') continue;
        out.push(r);
        if (out.length > MAX_IMPORT_ROWS)
          throw badFile(
            'IMPORT_TOO_LARGE',
            `一次最多导入 ${MAX_IMPORT_ROWS} 行`,
            `At most ${MAX_IMPORT_ROWS} rows per import`,
            { zh: '把文件拆成几份分别导入', en: 'Split the file and import the parts one by one' },
          );
        if (out.length % 10_000 === 0) onProgress(out.length);
      }
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw badFile(
      'IMPORT_FILE_UNREADABLE',
      '无法读取该文件：请上传 Excel、WPS 或 LibreOffice 保存的 .xlsx 文件',
      'The file cannot be read: upload an .xlsx saved by Excel, WPS or LibreOffice',
      TEMPLATE_FIX,
    );
  }
  if (!cols)
    throw badFile(
      'IMPORT_HEADER_MISSING',
      '文件中没有表头或数据',
      'The file has no header or rows',
      TEMPLATE_FIX,
    );
  onProgress(out.length);
  return out;
}
