import { type Currency, type PackageKind, parseAmount } from '@kaidan/shared';
import { AppError, type FieldError, fieldError, type Text } from '../../platform/errors';
import type { Role } from '../../platform/principal';

// The device slice's own rules, pure (issue #13, R18, R19, seed 003): who may do what, what a package,
// a package class and a device must satisfy, and the refusals that name the devices they concern.

export const DEVICE: Text = { zh: '设备', en: 'Device' };
export const PACKAGE: Text = { zh: '套餐', en: 'Package' };
export const PACKAGE_CLASS: Text = { zh: '套餐分类', en: 'Package class' };
export const COMPANY: Text = { zh: '公司', en: 'Company' };

// Seed 003's roles on the existing ones (docs/devices.md "Roles"): tech support (技术支持) keeps the
// package catalog and the bindings (客户延期配置, 客户增值配置); the customer registers and deactivates its
// own devices (设备停用 is in the customer's guide); admin does everything. Finance, sales and the order
// desk read. Reads are open to every signed-in principal and narrowed by the company scope.
export const MANAGE_PACKAGES: Role[] = ['admin', 'support'];
export const MANAGE_DEVICES: Role[] = ['admin', 'support', 'customer'];
export const BIND_PACKAGES: Role[] = ['admin', 'support'];
export const CHANGE_DEVICE_STATE: Role[] = ['admin', 'support', 'customer'];

export const clean = (v: string | null | undefined): string | null => v?.trim() || null;

const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
/** Device numbers and types travel in pasted lists split on whitespace, commas and semicolons. */
const TOKEN = /^[^\s,;]{1,64}$/u;

export function checkCode(code: string, out: FieldError[]): void {
  if (!CODE.test(code))
    out.push(
      fieldError(
        'code',
        'code_invalid',
        `编码「${code}」须为 1–32 位字母、数字、连字符或下划线`,
        `Code "${code}" must be 1–32 letters, digits, dashes or underscores`,
      ),
    );
}

export function checkName(name: string | null, out: FieldError[]): void {
  if (!name) out.push(fieldError('nameZh', 'required', '中文名称必填', 'The Chinese name is required'));
  else if (name.length > 100)
    out.push(
      fieldError('nameZh', 'too_long', '中文名称最多 100 字', 'The Chinese name has at most 100 characters'),
    );
}

export function checkToken(field: 'deviceNo' | 'type', v: string, out: FieldError[]): void {
  if (TOKEN.test(v)) return;
  const what =
    field === 'deviceNo' ? { zh: '设备ID', en: 'Device id' } : { zh: '设备类型', en: 'Device type' };
  out.push(
    fieldError(
      field,
      `${field === 'deviceNo' ? 'device_no' : 'type'}_invalid`,
      `${what.zh}「${v}」须为 1–64 个字符，不含空白、逗号或分号`,
      `${what.en} "${v}" must be 1–64 characters without spaces, commas or semicolons`,
    ),
  );
}

/** Amount per device-month in minor units; a negative or malformed amount is a field error. */
export function amountOf(text: string, currency: Currency, out: FieldError[]): bigint {
  const v = parseAmount(text, currency);
  if (v === null || v < 0n) {
    out.push(
      fieldError(
        'amount',
        'amount_invalid',
        `金额「${text}」须为不小于 0、最多两位小数的数`,
        `Amount "${text}" must be at least 0 with at most two decimals`,
      ),
    );
    return 0n;
  }
  return v;
}

/** The server derives a package's kind from its category; a client that says otherwise is told the value. */
export function checkKind(given: PackageKind | undefined, derived: PackageKind, out: FieldError[]): void {
  if (given === undefined || given === derived) return;
  out.push(
    fieldError(
      'kind',
      'kind_mismatch',
      `套餐类型由所属大类决定，应为「${derived}」`,
      `The package kind follows its category: it is "${derived}"`,
    ),
  );
}

/** Trims, drops blanks and repeats: a pasted column of ids keeps its first occurrence of each. */
export const distinct = (ids: readonly string[]): string[] => [
  ...new Set(ids.map((s) => s.trim()).filter(Boolean)),
];

/**
 * R19: a batch names every id it cannot act on and applies nothing. Unknown and out-of-scope ids are one
 * list: telling them apart would say that a device exists at another company (DESIGN §1).
 */
export function devicesNotFound(ids: string[], field: string): AppError {
  const shown = ids.slice(0, 50).join(', ');
  const more = ids.length > 50 ? ` …(+${ids.length - 50})` : '';
  return new AppError({
    status: 422,
    code: 'DEVICES_NOT_FOUND',
    message: {
      zh: `${ids.length} 个设备不存在或不在您的管理范围内，未做任何更改：${shown}${more}`,
      en: `${ids.length} device(s) not found in your scope; nothing was changed: ${shown}${more}`,
    },
    fields: [
      {
        field,
        code: 'not_found',
        message: { zh: `找不到：${shown}${more}`, en: `Not found: ${shown}${more}` },
      },
    ],
    fixes: [
      {
        zh: '删去这些ID或先选择它们所属的公司，再重新提交',
        en: 'Remove these ids, or choose the company they belong to, and submit again',
      },
    ],
    details: { deviceIds: ids },
  });
}

/** The same device number at two companies of the chosen tree: the caller must narrow the company. */
export function devicesAmbiguous(ids: string[]): AppError {
  return new AppError({
    status: 422,
    code: 'DEVICES_AMBIGUOUS',
    message: {
      zh: `设备ID在所选范围内的多家公司重复，未做任何更改：${ids.join(', ')}`,
      en: `Device id(s) used by more than one company in the chosen scope; nothing was changed: ${ids.join(', ')}`,
    },
    fields: [
      { field: 'deviceNos', code: 'ambiguous', message: { zh: '请选择具体公司', en: 'Choose one company' } },
    ],
    fixes: [
      { zh: '选择设备所属的公司并设为“直属”', en: 'Choose the company of the devices with depth "direct"' },
    ],
    details: { deviceNos: ids },
  });
}

/** R19: deactivated devices are excluded from renewal; the refusal names each one. */
export function devicesDeactivated(deviceNos: string[]): AppError {
  return new AppError({
    status: 422,
    code: 'DEVICES_DEACTIVATED',
    message: {
      zh: `已停用的设备不能续费：${deviceNos.join(', ')}`,
      en: `Deactivated devices cannot be renewed: ${deviceNos.join(', ')}`,
    },
    fields: [
      {
        field: 'deviceIds',
        code: 'deactivated',
        message: { zh: `已停用：${deviceNos.join(', ')}`, en: `Deactivated: ${deviceNos.join(', ')}` },
      },
    ],
    fixes: [
      { zh: '先启用这些设备，或从续费中移除', en: 'Reactivate these devices first, or leave them out' },
    ],
    details: { deviceNos },
  });
}
