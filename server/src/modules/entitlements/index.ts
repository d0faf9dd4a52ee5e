// Entitlements own what each customer may use: subscriptions, their components (edition, add-on,
// pass-through licence) with seats and end dates, the contiguous service periods bought, and the
// append-only events that explain every change. They change only through paid orders, approved
// requests and refunds.

export { applyPaidOrder, type PaidLine, type PaidOrder } from './apply-order';
export { reduceSeats, transferComponents } from './change-component';
export type { DurationRule, DurationUnit, Period, PricingMethod } from './entitlement';
export { addDays, daysBetween, isBefore, linePrice } from './entitlement';
export type { ComponentView, EventRow, PeriodRow } from './entitlement-store';
export { componentsOf, eventsByCause, eventsOf, periodsOf } from './entitlement-store';
export type { LinePlan, LinePlanInput } from './plan-line';
export { checkCoterm, checkEffectiveDate, effectiveDateOf, planLine } from './plan-line';
export type { RollbackLine, RollbackOrder } from './roll-back-line';
export { byLatest, rollBackLine } from './roll-back-line';
export { companyEntitlements, recordExternalEnd } from './view-entitlements';
