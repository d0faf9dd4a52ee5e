import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { FakeClock } from '../../platform/clock';
import type { Principal } from '../../platform/principal';
import { systemPrincipal } from '../../platform/principal';
import { countedTestDatabase } from '../../testing/counted-db';
import { customerPrincipal as customer, staffPrincipal } from '../../testing/principals';
import { refusal } from '../../testing/refusal';
import { listAudit } from '../audit/audit-store';
import { createCompany } from '../parties';
import {
  bindRenewalPackage,
  changeDeviceStates,
  changeValueAdded,
  createPackage,
  createPackageClass,
  deletePackage,
  deletePackageClass,
  registerDevice,
  setDeviceState,
  updateDevice,
  updatePackage,
  viewDevice,
  viewDevices,
  viewPackage,
} from '.';

// Issue #13 slice 1 on both engines: scope three levels deep, bindings (R18), deactivation (R19),
// version-checked edits and the package catalog's refusals.
describe('devices: hierarchy scope, bindings (R18), deactivation (R19)', async () => {
  const { database, statements, reset } = await countedTestDatabase();
  const clock = new FakeClock('2026-12-02T02:00:00Z');
  const deps = { database, clock };
  const sys = systemPrincipal('cli');
  const co = (nameZh: string, parentId: string | null = null) =>
    createCompany(deps, sys, { nameZh, parentId });
  const root = await co('根公司');
  const east = await co('华东分公司', root);
  const hangzhou = await co('杭州门店', east);
  const south = await co('华南分公司', root);
  const other = await co('别家公司');
  const eastSupport = staffPrincipal(['support'], east);
  const support = staffPrincipal(['support'], null);

  const svc = (
    await createPackageClass(deps, sys, {
      level: 'category',
      code: 'SVC',
      nameZh: '设备服务',
      type: 'renewal',
    })
  ).id;
  const loc = (
    await createPackageClass(deps, sys, {
      level: 'subcategory',
      code: 'LOC',
      nameZh: '定位',
      type: 'renewal',
      parentId: svc,
    })
  ).id;
  const vas = (
    await createPackageClass(deps, sys, {
      level: 'category',
      code: 'VAS',
      nameZh: '增值',
      type: 'value_added',
    })
  ).id;
  const track = (
    await createPackageClass(deps, sys, {
      level: 'subcategory',
      code: 'TRK',
      nameZh: '轨迹',
      type: 'value_added',
      parentId: vas,
    })
  ).id;
  const pkg = (code: string, c: string, s: string) =>
    createPackage(deps, sys, {
      code,
      nameZh: code,
      categoryId: c,
      subcategoryId: s,
      amount: '15.00',
      currency: 'CNY',
      pricingMethod: 'per_device_month',
    });
  const gps = await pkg('GPS-M', svc, loc);
  const trail = await pkg('TRACK', vas, track);

  const ids: Record<string, string> = {};
  const add = async (companyId: string, deviceNo: string, type: string) => {
    ids[deviceNo] = await registerDevice(deps, sys, { companyId, deviceNo, type, expiresOn: '2027-01-31' });
  };
  await add(root, 'R-1', 'GPS');
  await add(east, 'E-1', 'GPS');
  await add(east, 'E-2', 'CAM');
  await add(hangzhou, 'H-1', 'GPS');
  await add(hangzhou, 'H-2', 'GPS');
  await add(south, 'S-1', 'GPS');
  await add(other, 'O-1', 'GPS');
  const id = (no: string) => ids[no] ?? no;
  const nos = async (p: Principal, w: { companyId?: string; depth?: 'direct' | 'all' }, f = {}) =>
    (await viewDevices(deps, p, w, { limit: 100, ...f })).map((d) => d.device_no).sort();

  it('R21 scope three levels deep: staff scoped to 华东 see 华东 and 杭州, never the sibling 华南 or the parent', async () => {
    assert.deepEqual(await nos(eastSupport, {}), ['E-1', 'E-2', 'H-1', 'H-2']);
    assert.deepEqual(await nos(eastSupport, { depth: 'direct' }), ['E-1', 'E-2'], 'direct: 华东 alone');
    assert.deepEqual(await nos(eastSupport, { companyId: hangzhou, depth: 'direct' }), ['H-1', 'H-2']);
    assert.deepEqual(await nos(customer(root), {}), ['E-1', 'E-2', 'H-1', 'H-2', 'R-1', 'S-1']);
    assert.deepEqual(await nos(customer(root), { depth: 'direct' }), ['R-1']);
    assert.equal((await refusal(nos(eastSupport, { companyId: south }))).status, 404, 'a sibling is a 404');
    assert.equal((await refusal(nos(eastSupport, { companyId: root }))).status, 404, 'so is the parent');
    assert.equal((await refusal(viewDevice(deps, eastSupport, id('S-1')))).status, 404);
    const row = await viewDevice(deps, sys, id('S-1'));
    const edit = await refusal(
      updateDevice(deps, eastSupport, { id: id('S-1'), version: row.version, type: 'CAM' }),
    );
    assert.equal(edit.status, 404, "a sibling's device is not editable");
    const bind = await refusal(
      bindRenewalPackage(deps, eastSupport, { packageId: gps, deviceIds: [id('E-1'), id('S-1')] }),
    );
    assert.equal(bind.code, 'DEVICES_NOT_FOUND');
    assert.deepEqual(bind.details.deviceIds, [id('S-1')]);
    assert.equal((await viewDevice(deps, sys, id('E-1'))).renewal_package_id, null, 'nothing applied');
    assert.equal((await refusal(nos(support, { depth: 'direct' }))).code, 'company_required');
  });

  it('R18 binds a package to every device of a type in one set-based statement, within the chosen tree', async () => {
    reset();
    const r = await bindRenewalPackage(deps, eastSupport, {
      packageId: gps,
      byType: { type: 'GPS', depth: 'all' },
    });
    const updates = statements.filter((s) => /update devices/i.test(s));
    assert.equal(updates.length, 1, `one UPDATE for the whole type, got ${updates.length}`);
    assert.equal(r.changed, 3);
    assert.deepEqual(await nos(sys, {}, { bound: true }), ['E-1', 'H-1', 'H-2']);
    assert.ok(
      (await nos(sys, {}, { bound: false })).includes('S-1'),
      "the sibling's GPS device stays unbound",
    );
    const again = await bindRenewalPackage(deps, eastSupport, { packageId: gps, byType: { type: 'GPS' } });
    assert.equal(again.changed, 0, 'binding what is bound is no change');
    const trailRows = await listAudit(database.db, 'device', id('H-1'));
    assert.ok(
      trailRows.some((a) => a.action === 'bind_renewal'),
      'R40 each device has its trail row',
    );
    const va = await changeValueAdded(deps, eastSupport, { packageIds: [trail], deviceIds: [id('E-1')] });
    assert.equal(va.changed, 1);
    assert.deepEqual(
      (await viewDevice(deps, sys, id('E-1'))).value_added.map((v) => v.code),
      ['TRACK'],
    );
    const wrong = await refusal(
      changeValueAdded(deps, eastSupport, { packageIds: [gps], deviceIds: [id('E-1')] }),
    );
    assert.equal(wrong.code, 'not_value_added');
  });

  it('R18 a bound package cannot be deleted: the refusal says how many devices hold it', async () => {
    const p = await viewPackage(deps, sys, trail);
    const e = await refusal(deletePackage(deps, support, trail, p.version));
    assert.equal(e.code, 'PACKAGE_BOUND');
    assert.equal(e.details.boundDevices, 1);
    await changeValueAdded(deps, support, { packageIds: [trail], deviceIds: [id('E-1')], remove: true });
    await deletePackage(deps, support, trail, p.version);
    assert.equal((await refusal(viewPackage(deps, sys, trail))).status, 404);
    const cls = await refusal(deletePackageClass(deps, support, svc, 1));
    assert.equal(cls.code, 'PACKAGE_CLASS_IN_USE');
    assert.equal((await refusal(deletePackage(deps, staffPrincipal(['finance'], null), gps, 1))).status, 403);
  });

  it('R18 a delete racing a binding of the same package: exactly one wins, and no device names a missing package', async () => {
    for (let round = 0; round < 3; round++) {
      const race = await pkg(`RACE-${round}`, svc, loc);
      const [del, bind] = await Promise.allSettled([
        deletePackage(deps, support, race, 1),
        bindRenewalPackage(deps, support, { packageId: race, deviceIds: [id('S-1')] }),
      ]);
      assert.equal([del, bind].filter((r) => r.status === 'fulfilled').length, 1, `round ${round}`);
      const bound = (await viewDevice(deps, sys, id('S-1'))).renewal_package_id;
      const exists = await viewPackage(deps, sys, race).then(
        () => true,
        () => false,
      );
      assert.equal(bound === race, exists, 'bound exactly when the package survived');
      await bindRenewalPackage(deps, support, { packageId: null, deviceIds: [id('S-1')] });
    }
  });

  it('R19 a batch naming unknown and foreign ids is refused whole, naming each; nothing is deactivated', async () => {
    const e = await refusal(
      changeDeviceStates(deps, eastSupport, {
        deviceNos: ['E-1', 'NOPE-9', 'S-1', 'O-1', 'H-1'],
        state: 'deactivated',
      }),
    );
    assert.equal(e.code, 'DEVICES_NOT_FOUND');
    assert.deepEqual(e.details.deviceIds, ['NOPE-9', 'S-1', 'O-1']);
    assert.match(e.text.zh, /NOPE-9, S-1, O-1/);
    assert.deepEqual(await nos(sys, {}, { state: 'deactivated' }), [], 'nothing applied');
    const ok = await changeDeviceStates(deps, eastSupport, {
      deviceNos: ['E-1', ' H-1 ', 'E-1'],
      state: 'deactivated',
    });
    assert.deepEqual(ok, { changed: ['E-1', 'H-1'], unchanged: [] });
    assert.deepEqual(
      await nos(eastSupport, {}, { state: 'deactivated' }),
      ['E-1', 'H-1'],
      'the deactivated tab',
    );
    const twice = await changeDeviceStates(deps, eastSupport, { deviceNos: ['E-1'], state: 'deactivated' });
    assert.deepEqual(twice, { changed: [], unchanged: ['E-1'] });
  });

  it('R19 reactivation, in batch and one at a time (version-checked), brings devices back to renewal', async () => {
    const back = await changeDeviceStates(deps, customer(root), { deviceNos: ['E-1'], state: 'active' });
    assert.deepEqual(back.changed, ['E-1']);
    const h = await viewDevice(deps, sys, id('H-1'));
    const stale = await refusal(
      setDeviceState(deps, eastSupport, { id: h.id, version: h.version - 1, state: 'active' }),
    );
    assert.equal(stale.code, 'VERSION_CONFLICT');
    assert.equal(
      await setDeviceState(deps, eastSupport, { id: h.id, version: h.version, state: 'active' }),
      true,
    );
    assert.deepEqual(
      await nos(eastSupport, {}, { state: 'active' }).then((l) =>
        l.filter((n) => n === 'E-1' || n === 'H-1'),
      ),
      ['E-1', 'H-1'],
    );
    const trailRows = await listAudit(database.db, 'device', h.id);
    assert.deepEqual(
      trailRows.filter((a) => a.state_after).map((a) => [a.state_before, a.state_after]),
      [
        [null, 'active'],
        ['active', 'deactivated'],
        ['deactivated', 'active'],
      ],
    );
  });

  it('version conflict: a stale device or package edit changes nothing and names the current version', async () => {
    const d = await viewDevice(deps, sys, id('E-2'));
    await updateDevice(deps, eastSupport, { id: d.id, version: d.version, type: 'CAM2' });
    const e = await refusal(updateDevice(deps, eastSupport, { id: d.id, version: d.version, type: 'CAM3' }));
    assert.equal(e.code, 'VERSION_CONFLICT');
    assert.equal(e.details.currentVersion, d.version + 1);
    assert.equal((await viewDevice(deps, sys, d.id)).type, 'CAM2');
    const p = await viewPackage(deps, sys, gps);
    await updatePackage(deps, support, { id: gps, version: p.version, amount: '16.50' });
    assert.equal((await viewPackage(deps, sys, gps)).amount, 1650n, 'bigint minor units');
    assert.equal(
      (await refusal(updatePackage(deps, support, { id: gps, version: p.version, amount: '1' }))).code,
      'VERSION_CONFLICT',
    );
  });

  it('the server derives what it can: a package kind follows its category; a customer sets no expiry or package', async () => {
    const kind = await refusal(
      createPackage(deps, support, {
        code: 'X-1',
        nameZh: 'x',
        kind: 'value_added',
        categoryId: svc,
        subcategoryId: loc,
        amount: '1.00',
        currency: 'CNY',
        pricingMethod: 'per_device_month',
      }),
    );
    assert.equal(kind.fields[0]?.code, 'kind_mismatch');
    assert.match(kind.fields[0]?.message.en ?? '', /"renewal"/);
    const money = await refusal(
      createPackage(deps, support, {
        code: 'X-2',
        nameZh: 'x',
        categoryId: svc,
        subcategoryId: track,
        amount: '1.005',
        currency: 'CNY',
        pricingMethod: 'per_device_month',
      }),
    );
    assert.deepEqual(money.fields.map((f) => f.code).sort(), ['amount_invalid', 'not_in_category']);
    const mine = await registerDevice(deps, customer(hangzhou), { deviceNo: 'H-9', type: 'POS' });
    assert.equal((await viewDevice(deps, sys, mine)).company_id, hangzhou, 'its own company by default');
    const exp = await refusal(
      registerDevice(deps, customer(hangzhou), { deviceNo: 'H-10', type: 'POS', expiresOn: '2030-01-01' }),
    );
    assert.equal(exp.fields[0]?.code, 'staff_only');
    const dup = await refusal(
      registerDevice(deps, eastSupport, { companyId: hangzhou, deviceNo: 'H-9', type: 'POS' }),
    );
    assert.equal(dup.fields[0]?.code, 'taken');
    const out = await refusal(
      registerDevice(deps, customer(hangzhou), { companyId: south, deviceNo: 'Z', type: 'POS' }),
    );
    assert.equal(out.status, 404);
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from devices where device_no = 'Z'`.execute(database.db);
    assert.equal(rows[0]?.n, 0);
  });
});
