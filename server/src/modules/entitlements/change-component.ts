import type { Clock } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { componentsOf, insertEvents, lockComponent, updateComponent } from './entitlement-store';

/** An approved seat-reduction request (R13's second fix): fewer seats from now, same end date. */
export async function reduceSeats(
  ex: Exec,
  clock: Clock,
  componentId: string,
  seats: number,
  cause: { type: string; id: string },
): Promise<void> {
  const c = await lockComponent(ex, componentId);
  if (!c) throw new Error(`component ${componentId} missing`);
  if (seats < 0 || seats >= c.seats) {
    throw new AppError({
      status: 409,
      code: 'SEATS_CHANGED',
      message: {
        zh: `当前人数已变为 ${c.seats}，无法减到 ${seats}`,
        en: `The component now has ${c.seats} seats; it cannot be reduced to ${seats}`,
      },
    });
  }
  await updateComponent(ex, c.id, { seats });
  await insertEvents(ex, clock, [
    {
      componentId: c.id,
      companyId: c.company_id,
      kind: 'seats_reduced',
      cause,
      seatsBefore: c.seats,
      seatsAfter: seats,
      endBefore: c.end_date,
      endAfter: c.end_date,
    },
  ]);
}

/** R17: the history stays with the customer; each component records the move. */
export async function transferComponents(
  ex: Exec,
  clock: Clock,
  companyId: string,
  cause: { type: string; id: string },
): Promise<void> {
  const comps = await componentsOf(ex, companyId);
  await insertEvents(
    ex,
    clock,
    comps.map((c) => ({
      componentId: c.id,
      companyId,
      kind: 'transferred' as const,
      cause,
      seatsBefore: c.seats,
      seatsAfter: c.seats,
      endBefore: c.end_date,
      endAfter: c.end_date,
    })),
  );
}
