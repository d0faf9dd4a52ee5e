import { type OrderInput, placeOrder } from '../modules/orders';
import { FakeClock } from '../platform/clock';
import type { Database } from '../platform/db/database';
import type { Principal } from '../platform/principal';
import { buildWorld, W } from './world';

/** A fresh seed-000 world on the test database, with helpers the scenario tests share. */
export async function scenario(database: Database) {
  const clock = new FakeClock('2026-11-20T02:00:00Z'); // 10:00 in Shanghai
  await buildWorld(database.db);
  const deps = { database, clock };
  const order = (
    p: Principal,
    input: Partial<OrderInput> & Pick<OrderInput, 'orderType' | 'lines'>,
    submit = true,
  ) => placeOrder(deps, p, { companyId: W.huihuang, productId: W.product, ...input, submit });
  return { clock, deps, order };
}

/** The seed-000 subscription of 辉煌有限公司 as a new order: edition 30, archive 30, interop 20, one year. */
export const firstYear: Pick<OrderInput, 'orderType' | 'lines'> = {
  orderType: 'new',
  lines: [
    { planId: W.edition, seats: 30, duration: { unit: 'year', value: 1 } },
    { planId: W.archive, seats: 30, duration: { unit: 'year', value: 1 } },
    { planId: W.interop, seats: 20, duration: { unit: 'year', value: 1 } },
  ],
};
