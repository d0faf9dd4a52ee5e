// Reports own read-only views across modules: the per-role dashboard (what waits for me, what expires
// soon, money in and out this month). They never change state; every figure comes from the ledger,
// the request queue and the entitlements as they are now, filtered by the principal's scope.
export { type Dashboard, viewDashboard } from './view-dashboard';
