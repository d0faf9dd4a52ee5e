import { PassThrough } from 'node:stream';
import { loadExcel } from '../../platform/lazy-libs';
import type { ImportLineView } from './view-device-import';

// R21's two spreadsheets: the template users fill (a date-validated expiry column, an example row the
// importer skips, a notes sheet), and the result report (the rows as read plus a 错误/Error column).

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = ['设备ID Device ID', '到期日 Expiry', '公司 Company（可选 optional）'];
const TEMPLATE_ROWS = 5_000;

export async function importTemplate(exampleDate: string): Promise<Uint8Array> {
  const ExcelJS = await loadExcel();
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('设备到期 Expiry', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { width: 24, style: { numFmt: '@' } },
    { width: 18, style: { numFmt: 'yyyy-mm-dd' } },
    { width: 32, style: { numFmt: '@' } },
  ];
  ws.addRow(HEADER).font = { bold: true };
  const [y, m, d] = exampleDate.split('-').map(Number);
  const example = ws.addRow([
    '# 示例 example GPS-0001',
    new Date(Date.UTC(y ?? 2027, (m ?? 1) - 1, d ?? 1)),
    '',
  ]);
  example.font = { italic: true, color: { argb: 'FF888888' } };
  for (let r = 2; r <= TEMPLATE_ROWS + 1; r++)
    ws.getCell(`B${r}`).dataValidation = {
      type: 'date',
      operator: 'greaterThan',
      allowBlank: true,
      showErrorMessage: true,
      errorTitle: '到期日 Expiry',
      error: '请填写日期，如 2027-01-31 / Enter a date such as 2027-01-31',
      formulae: [new Date(Date.UTC(2000, 0, 1))],
    };
  const notes = book.addWorksheet('说明 Notes');
  notes.columns = [{ width: 110 }];
  for (const line of [
    '设备到期维护 · 批量设置到期日 / Device expiry import',
    '1. 每行一个设备：设备ID 填客户自己的设备编号；到期日填日期（如 2027-01-31、2027/1/31 或 2027年1月31日）。',
    '   One device per row: the customer’s device ID and its expiry (2027-01-31, 2027/1/31 or 2027年1月31日).',
    '2. “公司”列可不填；同一设备ID在所选公司的多家子公司都有时，填公司名称或公司ID。',
    '   Company may stay empty; fill in the company name or id when the same device ID exists at several companies.',
    '3. 以 # 开头的行是注释（如示例行），不会导入。/ Rows whose device ID starts with # are comments and are skipped.',
    '4. 上传后先预览：每一行错误都有原因；确认后才会修改。/ Uploading previews first: every bad row has its reason; nothing changes until you confirm.',
    '5. 早于今天的日期默认不接受；更正历史数据时勾选“允许过去的日期”。/ Past dates are refused unless you tick "allow past dates".',
  ])
    notes.addRow([line]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** The report streams row by row, so 100,000 rows do not build a workbook model in memory. */
export async function importReport(lines: AsyncIterable<ImportLineView[]>): Promise<Uint8Array> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  const ExcelJS = await loadExcel();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = book.addWorksheet('结果 Result', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: '行号 Row', width: 10 },
    { header: HEADER[0], width: 24 },
    { header: HEADER[1], width: 16 },
    { header: HEADER[2], width: 28 },
    { header: '结果 Result', width: 14 },
    { header: '错误 Error', width: 70 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  for await (const page of lines)
    for (const l of page)
      ws.addRow([
        l.row_no,
        l.device_no ?? '',
        l.expiry_text ?? '',
        l.company_ref ?? '',
        l.error ? '错误 error' : l.changed ? '已更新 updated' : '有效 valid',
        l.reason ? `${l.reason.zh} / ${l.reason.en}` : '',
      ]).commit();
  ws.commit();
  await book.commit();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
