import { type Currency, formatAmount } from '@kaidan/shared';
import { FakeClock } from '../../platform/clock';
import type { Database } from '../../platform/db/database';
import type { Principal, Role } from '../../platform/principal';
import { systemPrincipal } from '../../platform/principal';
import { customerPrincipal, staffPrincipal } from '../../testing/principals';
import { fundCompany } from '../../testing/world';
import {
  bindRenewalPackage,
  changeValueAdded,
  createPackage,
  createPackageClass,
  registerDevice,
} from '../devices';
import { createCompany } from '../parties';
import { type PlaceRenewalInput, placeRenewal, quoteRenewal } from '.';

// Test fixtures for renewals (R20): a company tree three levels deep, CNY and USD packages, devices with
// expiries, and principals at each level. Not a test file: the renewal and payment tests share it.

export const person = (roles: Role[], companyId: string | null): Principal =>
  staffPrincipal(roles, companyId);
export const customerOf = (companyId: string): Principal => customerPrincipal(companyId);

export async function renewalWorld(database: Database, now = '2026-12-02T02:00:00Z') {
  const clock = new FakeClock(now);
  const deps = { database, clock };
  const sys = systemPrincipal('cli');
  const co = (nameZh: string, parentId: string | null = null) =>
    createCompany(deps, sys, { nameZh, parentId });
  const root = await co('根公司');
  const east = await co('华东分公司', root);
  const hangzhou = await co('杭州门店', east);
  const south = await co('华南分公司', root);
  const cls = async (code: string, type: 'renewal' | 'value_added') => {
    const c = await createPackageClass(deps, sys, { level: 'category', code, nameZh: code, type });
    const s = await createPackageClass(deps, sys, {
      level: 'subcategory',
      code: `${code}-S`,
      nameZh: code,
      type,
      parentId: c.id,
    });
    return { c: c.id, s: s.id };
  };
  const svc = await cls('SVC', 'renewal');
  const vas = await cls('VAS', 'value_added');
  const pkg = (code: string, amount: string, currency: Currency, k = svc) =>
    createPackage(deps, sys, {
      code,
      nameZh: code,
      categoryId: k.c,
      subcategoryId: k.s,
      amount,
      currency,
      pricingMethod: 'per_device_month',
    });
  const gps = await pkg('GPS-M', '15.00', 'CNY');
  const usd = await pkg('GPS-USD', '3.00', 'USD');
  const track = await pkg('TRACK', '5.00', 'CNY', vas);
  const ids: Record<string, string> = {};
  const device = async (companyId: string, deviceNo: string, expiresOn: string | null, packageId = gps) => {
    const id = await registerDevice(deps, sys, {
      companyId,
      deviceNo,
      type: 'GPS',
      ...(expiresOn ? { expiresOn } : {}),
    });
    await bindRenewalPackage(deps, sys, { packageId, deviceIds: [id] });
    ids[deviceNo] = id;
    return id;
  };
  const addValueAdded = (deviceNo: string) =>
    changeValueAdded(deps, sys, { packageIds: [track], deviceIds: [ids[deviceNo] ?? ''] });
  const fund = (companyId: string, yuan: bigint) =>
    fundCompany(database.db, clock, companyId, yuan * 100n, `fund-${companyId}`);
  /** quote and confirm in one go, as the console's second confirmation does */
  const place = async (
    p: Principal,
    deviceNos: string[],
    months: number,
    extra: Partial<PlaceRenewalInput> = {},
  ) => {
    const deviceIds = deviceNos.map((n) => ids[n] ?? n);
    clock.advance({ seconds: 1 });
    const q = await quoteRenewal(deps, p, { deviceIds, months });
    return placeRenewal(deps, p, {
      deviceIds,
      months,
      expectedTotal: formatAmount(q.total, q.currency),
      quotedAt: q.quotedAt.toString(),
      ...extra,
    });
  };
  return {
    clock,
    deps,
    sys,
    root,
    east,
    hangzhou,
    south,
    gps,
    usd,
    track,
    ids,
    device,
    addValueAdded,
    fund,
    place,
  };
}
