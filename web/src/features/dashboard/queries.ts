import type * as R from '@kaidan/shared/contracts/reports';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client';

// Wire shapes of GET /dashboard, taken from the shared contract as types only (no zod in the bundle).
export type DashboardData = z.infer<typeof R.Dashboard>;
export type MoneySeries = z.infer<typeof R.MoneySeries>;
export type ExpiringComponent = z.infer<typeof R.ExpiringComponent>;
export type QueueCount = z.infer<typeof R.QueueCount>;

export function useDashboard() {
  return useQuery({
    queryKey: ['dashboard'],
    queryFn: () => api.get<DashboardData>('/dashboard'),
    // what waits changes as others decide; refresh when the user comes back to the tab
    refetchOnWindowFocus: true,
  });
}
