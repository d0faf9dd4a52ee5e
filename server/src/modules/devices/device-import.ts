import type { DeviceImportError } from '@kaidan/shared';
import { AppError, type Text } from '../../platform/errors';
import type { Role } from '../../platform/principal';

// R21's pure rules (seed 003 设备到期维护): who sets expiries, and the reason each bad row gets in the
// preview and in the report, in both languages.

/** Expiries are what the customer pays for: tech support maintains them, admin may; nobody else. */
export const SET_EXPIRY: Role[] = ['admin', 'support'];
export const DEVICE_IMPORT: Text = { zh: '导入批次', en: 'Import' };

export function reasonOf(
  error: DeviceImportError,
  line: { expiry_text: string | null; first_row: number | null },
  today: string,
): Text {
  switch (error) {
    case 'empty_row':
      return { zh: '空行', en: 'Empty row' };
    case 'device_missing':
      return { zh: '缺少设备ID', en: 'The device ID is missing' };
    case 'not_found':
      return { zh: '设备不存在或不在您的管理范围内', en: 'Device not found in your scope' };
    case 'ambiguous':
      return {
        zh: '该设备ID在所选范围内的多家公司都有，请在“公司”列填写所属公司',
        en: 'This device ID exists at several companies in the chosen scope; fill in the Company column',
      };
    case 'duplicate':
      if (line.first_row === null)
        return {
          zh: '与前面某行是同一设备，只应用第一行',
          en: 'Same device as an earlier row; only the first applies',
        };
      return {
        zh: `与第 ${line.first_row} 行是同一设备，只应用第 ${line.first_row} 行`,
        en: `Same device as row ${line.first_row}; only row ${line.first_row} is applied`,
      };
    case 'date_missing':
      return { zh: '缺少到期日', en: 'The expiry is missing' };
    case 'date_invalid':
      if (line.expiry_text === null)
        return {
          zh: '到期日无法识别，请填写日期，如 2027-01-31',
          en: 'The expiry is not a date; enter a date such as 2027-01-31',
        };
      return {
        zh: `到期日「${line.expiry_text}」无法识别，请填写日期，如 2027-01-31`,
        en: `Expiry "${line.expiry_text}" is not a date; enter a date such as 2027-01-31`,
      };
    case 'date_past':
      return {
        zh: `到期日早于今天（${today}）；更正历史数据时请勾选“允许过去的日期”`,
        en: `The expiry is before today (${today}); tick "allow past dates" to correct past data`,
      };
  }
}

/** R21: a file with bad rows changes nothing until the user says to apply the valid rows. */
export const importHasErrors = (errorRows: number, validRows: number): AppError =>
  new AppError({
    status: 422,
    code: 'IMPORT_HAS_ERRORS',
    message: {
      zh: `文件有 ${errorRows} 行错误，未做任何更改`,
      en: `The file has ${errorRows} bad row(s); nothing was changed`,
    },
    fields: [
      {
        field: 'applyValidRows',
        code: 'confirm_required',
        message: { zh: '需确认只应用有效行', en: 'Confirm that only the valid rows apply' },
      },
    ],
    fixes: [
      {
        zh: `确认只应用其余 ${validRows} 行有效数据，或修正文件后重新上传`,
        en: `Confirm to apply the other ${validRows} valid row(s), or fix the file and upload it again`,
      },
    ],
    details: { errorRows, validRows },
  });

export const importAlreadyApplied = (): AppError =>
  new AppError({
    status: 409,
    code: 'IMPORT_ALREADY_APPLIED',
    message: {
      zh: '该导入已应用过，不会重复应用',
      en: 'This import was already applied; it is not applied twice',
    },
    fixes: [{ zh: '下载结果报告查看已应用的行', en: 'Download the result report to see what was applied' }],
  });

export const expiryInPast = (today: string): AppError =>
  new AppError({
    status: 422,
    code: 'EXPIRY_IN_PAST',
    message: { zh: `到期日早于今天（${today}）`, en: `The expiry is before today (${today})` },
    fields: [
      {
        field: 'expiresOn',
        code: 'date_past',
        message: { zh: '早于今天', en: 'before today' },
      },
    ],
    fixes: [
      {
        zh: '填写今天或以后的日期；更正历史数据时勾选“允许过去的日期”',
        en: 'Enter today or a later date; to correct past data set allowPast',
      },
    ],
  });
