import type { Entry } from './authz-matrix.entry';

// Cells of the authorization matrix for the business calendar (R34, issue #12): admins alone read and
// edit the overrides. Kept apart so the one table stays under the file-size rule; spread into MATRIX.
export const CALENDAR_MATRIX: Record<string, Entry> = {
  'GET /api/v1/calendar/overrides': { allow: ['admin'], req: () => ({ query: { year: '2026' } }) },
  'PUT /api/v1/calendar/overrides/{day}': {
    allow: ['admin'],
    req: () => ({ path: { day: '2030-01-01' }, body: { kind: 'holiday', note: '矩阵测试' } }),
  },
  // A removal uses up its override: each cell gets a fresh one.
  'DELETE /api/v1/calendar/overrides/{day}': {
    allow: ['admin'],
    req: async ({ w }) => ({ path: { day: await w.fresh.calendarDay() } }),
  },
};
