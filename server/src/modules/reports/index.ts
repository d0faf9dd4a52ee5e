// Reports own read-only views across modules: the per-role dashboard (what waits for me, what expires
// soon, wallet money in and out per day this month, orders by state). They never change state; every
// figure comes from the ledger, the request queue, the orders and the entitlements as they are now,
// filtered by the principal's scope.
export { type Dashboard, viewDashboard } from './view-dashboard';
