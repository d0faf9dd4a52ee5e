import type { DurationUnit, OrderInput, OrderType } from '../../api/types';

export interface LineValues {
  planId?: string;
  seats?: number | null;
  unit?: DurationUnit;
  value?: number | null;
}
export interface OrderValues {
  companyId?: string;
  productId?: string;
  orderType?: OrderType;
  cotermTo?: string;
  lines?: LineValues[];
}

/** The request body for the form as it stands, or null while it is too incomplete to quote. */
export function toOrderInput(v: OrderValues): OrderInput | null {
  if (!v.companyId || !v.productId || !v.orderType) return null;
  const lines = (v.lines ?? []).filter((l): l is LineValues & { planId: string } => Boolean(l?.planId));
  if (lines.length === 0) return null;
  // Co-terming sets the end date, so the duration is not sent (R15); add-seats run to the current end (R16).
  const withDuration = !v.cotermTo && v.orderType !== 'add_seats';
  return {
    companyId: v.companyId,
    productId: v.productId,
    orderType: v.orderType,
    ...(v.cotermTo ? { cotermTo: v.cotermTo } : {}),
    lines: lines.map((l) => ({
      planId: l.planId,
      ...(l.seats ? { seats: l.seats } : {}),
      ...(withDuration && l.unit && l.value ? { duration: { unit: l.unit, value: l.value } } : {}),
    })),
  };
}
