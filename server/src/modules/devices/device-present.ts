import { formatAmount } from '@kaidan/shared';
import { iso } from '../../http/present';
import type { DeviceDetailRow } from './device-store';
import type { ClassRow, PackageDetailRow } from './package-store';

// Device slice rows on the wire: amounts as decimal strings of their currency, instants as ISO strings.
export const presentClass = (r: ClassRow) => ({
  id: r.id,
  level: r.level,
  code: r.code,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  type: r.type,
  parentId: r.parent_id,
  createdAt: r.created_at.toISOString(),
  version: r.version,
});

export const presentPackage = (r: PackageDetailRow) => ({
  id: r.id,
  code: r.code,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  kind: r.kind,
  categoryId: r.category_id,
  categoryName: r.category_name,
  subcategoryId: r.subcategory_id,
  subcategoryName: r.subcategory_name,
  amount: formatAmount(r.amount, r.currency),
  pricingMethod: r.pricing_method,
  currency: r.currency,
  boundDevices: r.bound_devices,
  createdAt: r.created_at.toISOString(),
  version: r.version,
});

export const presentDevice = (r: DeviceDetailRow) => ({
  id: r.id,
  deviceNo: r.device_no,
  companyId: r.company_id,
  companyName: r.company_name,
  type: r.type,
  state: r.state,
  renewalPackage:
    r.renewal_package_id && r.renewal_code
      ? { id: r.renewal_package_id, code: r.renewal_code, nameZh: r.renewal_name ?? '' }
      : null,
  valueAdded: r.value_added,
  expiresOn: r.expires_on,
  createdAt: iso(r.created_at) ?? '',
  version: r.version,
});

/** R39 export columns, zh first (the console's language), English after. */
export const DEVICE_CSV_HEADER = [
  '设备ID device id',
  '公司 company',
  '设备类型 type',
  '状态 state',
  '续费套餐 renewal package',
  '增值套餐 value-added',
  '到期日 expiry',
];
export const deviceCsvRow = (r: DeviceDetailRow): unknown[] => [
  r.device_no,
  r.company_name,
  r.type,
  r.state,
  r.renewal_code ?? '',
  r.value_added.map((v) => v.code).join(' '),
  r.expires_on ?? '',
];
