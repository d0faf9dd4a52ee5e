import { formatAmount } from '@kaidan/shared';
import { putBillingConfig } from '../modules/billing';
import {
  bindRenewalPackage,
  changeDeviceStates,
  changeValueAdded,
  createPackage,
  createPackageClass,
  registerDevice,
} from '../modules/devices';
import { createCompany, createUser } from '../modules/parties';
import { payRenewalFromWallet, placeRenewal, quoteRenewal } from '../modules/renewals';
import { creditWallet } from '../modules/wallets';
import { today } from '../platform/clock';
import { transact } from '../platform/db/transact';
import type { Deps } from '../platform/deps';
import { type Principal, systemPrincipal } from '../platform/principal';

// Seed 003 as a working demo (issue #13): 灵韵's company tree three levels deep (灵韵 → 华东分公司 → 杭州门店,
// and the sibling 华南分公司; 辉煌 gets devices but no subsidiaries, so seed 000's walks stay as they were), devices of several types, bound and unbound, expired and expiring, one
// deactivated; the package taxonomy with renewal and value-added packages; a tech support user scoped to
// 华东 (sees 华东 and 杭州, never 华南) and an unscoped one; 灵韵's billing configuration (R38). Everything
// goes through the use cases.
export const DEVICE_DEMO = {
  supportEmail: 'support@kaidan.demo',
  eastSupportEmail: 'support-east@kaidan.demo',
  /** 灵韵's own IT user: renews the tree's devices (R20) and pays from 灵韵's wallet */
  customerEmail: 'it@lingyun.demo',
};

export async function seedDeviceDemo(deps: Deps, password: string): Promise<void> {
  const sys = systemPrincipal('cli');
  const company = (nameZh: string, nameEn: string, parentId: string) =>
    createCompany(deps, sys, { nameZh, nameEn, parentId, partnerId: 'prt_demo_liyan' });
  const root = 'cmp_demo_lingyun';
  const huihuang = 'cmp_demo_huihuang';
  const east = await company('灵韵华东分公司', 'Lingyun East China', root);
  const hangzhou = await company('灵韵杭州门店', 'Lingyun Hangzhou Store', east);
  const south = await company('灵韵华南分公司', 'Lingyun South China', root);
  await createUser(deps, {
    email: DEVICE_DEMO.supportEmail,
    name: '技术支持 刘洋',
    roles: ['support'],
    password,
  });
  await createUser(deps, {
    email: DEVICE_DEMO.eastSupportEmail,
    name: '华东技术支持 孙强',
    roles: ['support'],
    companyId: east,
    password,
  });

  const cls = (
    level: 'category' | 'subcategory',
    code: string,
    nameZh: string,
    type: 'renewal' | 'value_added',
    parentId?: string,
  ) =>
    createPackageClass(deps, sys, { level, code, nameZh, type, parentId: parentId ?? null }).then(
      (r) => r.id,
    );
  const svc = await cls('category', 'DEV-SVC', '设备服务', 'renewal');
  const loc = await cls('subcategory', 'LOC', '定位服务', 'renewal', svc);
  const video = await cls('subcategory', 'VIDEO', '视频服务', 'renewal', svc);
  const vas = await cls('category', 'VAS', '增值服务', 'value_added');
  const track = await cls('subcategory', 'TRACK', '轨迹回放', 'value_added', vas);
  const pkg = (
    code: string,
    nameZh: string,
    categoryId: string,
    subcategoryId: string,
    amount: string,
    currency: 'CNY' | 'USD' = 'CNY',
  ) =>
    createPackage(deps, sys, {
      code,
      nameZh,
      categoryId,
      subcategoryId,
      amount,
      currency,
      pricingMethod: 'per_device_month',
    });
  const gps = await pkg('GPS-M', 'GPS 定位月费', svc, loc, '15.00');
  await pkg('GPS-M-USD', 'GPS tracking (USD)', svc, loc, '3.00', 'USD');
  const cam = await pkg('CAM-M', '摄像头云存储月费', svc, video, '30.00');
  const trail = await pkg('TRACK-180', '180 天轨迹回放', vas, track, '5.00');

  const day = today(deps.clock);
  const on = (days: number | null) => (days === null ? null : day.add({ days }).toString());
  const devices: [string, string, string, number | null][] = [
    [huihuang, 'HH-0001', 'GPS', 200],
    [huihuang, 'HH-0002', 'GPS', 5],
    [huihuang, 'HH-0003', 'CAM', -12],
    [huihuang, 'HH-0004', 'CAM', null],
    [root, 'LY-0001', 'GPS', 150],
    [root, 'LY-0002', 'CAM', -20],
    [east, 'HD-1001', 'GPS', 25],
    [east, 'HD-1002', 'GPS', -3],
    [east, 'HD-1003', 'CAM', 90],
    [east, 'HD-1004', 'POS', null],
    [hangzhou, 'HZ-2001', 'GPS', 1],
    [hangzhou, 'HZ-2002', 'POS', 40],
    [hangzhou, 'HZ-2003', 'POS', -40],
    [south, 'HN-3001', 'GPS', 60],
    [south, 'HN-3002', 'CAM', 7],
    ['cmp_demo_jushi', 'JS-0001', 'GPS', 120],
  ];
  const ids: Record<string, string> = {};
  for (const [companyId, deviceNo, type, days] of devices)
    ids[deviceNo] = await registerDevice(deps, sys, { companyId, deviceNo, type, expiresOn: on(days) });
  // R18: per type for 辉煌, 灵韵 and 华东 directly; 华南 and 杭州 stay unbound so the unbound tab has rows.
  for (const companyId of [huihuang, root])
    await bindRenewalPackage(deps, sys, {
      packageId: gps,
      byType: { companyId, depth: 'direct', type: 'GPS' },
    });
  await bindRenewalPackage(deps, sys, {
    packageId: gps,
    byType: { companyId: east, depth: 'direct', type: 'GPS' },
  });
  await bindRenewalPackage(deps, sys, {
    packageId: cam,
    deviceIds: [ids['HH-0003'] ?? '', ids['HD-1003'] ?? ''],
  });
  await changeValueAdded(deps, sys, { packageIds: [trail], deviceIds: [ids['HH-0001'] ?? ''] });
  await changeDeviceStates(deps, sys, {
    companyId: east,
    depth: 'all',
    deviceNos: ['HZ-2003'],
    state: 'deactivated',
  });
  await renewalDemo(deps, root, password, ids);
  await billingDemo(deps, sys, root);
}

/**
 * R38: 灵韵 is billed monthly, reminders in Chinese to two addresses. Its subsidiaries have no configuration
 * yet: the list shows both states, and 华东's support user configures its own subtree (docs/billing.md).
 */
async function billingDemo(deps: Deps, sys: Principal, root: string) {
  await putBillingConfig(deps, sys, {
    companyId: root,
    billingCycle: 'monthly',
    autoRenew: false,
    notify: true,
    emailLanguage: 'zh-CN',
    emails: ['finance@lingyun.demo', 'it@lingyun.demo'],
  });
}

/** R20: 灵韵's IT user with a funded wallet and one paid renewal of an expired device in its records. */
async function renewalDemo(deps: Deps, root: string, password: string, ids: Record<string, string>) {
  const userId = await createUser(deps, {
    email: DEVICE_DEMO.customerEmail,
    name: '灵韵 IT',
    roles: ['customer'],
    companyId: root,
    password,
  });
  await transact(deps.database.db, (tx) =>
    creditWallet(tx, deps.clock, {
      ownerType: 'company',
      ownerId: root,
      currency: 'CNY',
      amount: 5_000_00n,
      kind: 'topup',
      from: 'offline_cash',
      ref: { type: 'demo', id: 'lingyun-wallet' },
    }),
  );
  const it: Principal = {
    userId,
    kind: 'customer',
    roles: ['customer'],
    partnerId: null,
    companyId: root,
    channel: 'console',
  };
  const deviceIds = [ids['HD-1002'] ?? ''];
  const quote = await quoteRenewal(deps, it, { deviceIds, months: 12 });
  const order = await placeRenewal(deps, it, {
    deviceIds,
    months: 12,
    expectedTotal: formatAmount(quote.total, quote.currency),
    quotedAt: quote.quotedAt.toString(),
  });
  await payRenewalFromWallet(deps, it, order.id);
}
