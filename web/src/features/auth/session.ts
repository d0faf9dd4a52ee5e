import { useQuery } from '@tanstack/react-query';
import { ApiProblem, api } from '../../api/client';
import type { Me, Role } from '../../api/types';

export const ME_KEY = ['me'] as const;

/** The signed-in user; `null` when there is no session (401), so the shell shows the sign-in form. */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await api.get<Me>('/me');
      } catch (e) {
        if (e instanceof ApiProblem && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
  });
}

export type NavKey =
  | 'dashboard'
  | 'order'
  | 'customers'
  | 'queue'
  | 'orders'
  | 'wallet'
  | 'refunds'
  | 'invoices'
  | 'ledgers'
  | 'catalog'
  | 'partners'
  | 'companies'
  | 'users'
  | 'webhooks'
  | 'calendar'
  | 'devices'
  | 'packages'
  | 'notifications'
  | 'billing'
  | 'statements'
  | 'device-orders'
  | 'billing-orders'
  | 'topup-records'
  | 'renewals';

// Which screens each role works in; the server still enforces scope on every call. A partner's and a
// customer's `queue` is their own requests; staff see their team's queue.
const NAV_BY_ROLE: Record<Role, NavKey[]> = {
  partner_agent: [
    'dashboard',
    'order',
    'customers',
    'orders',
    'queue',
    'wallet',
    'refunds',
    'webhooks',
    'devices',
    'notifications',
    'billing',
    'statements',
    'device-orders',
    'topup-records',
  ],
  order_desk: [
    'dashboard',
    'queue',
    'orders',
    'companies',
    'devices',
    'notifications',
    'billing',
    'statements',
    'device-orders',
    'topup-records',
  ],
  finance: [
    'dashboard',
    'queue',
    'ledgers',
    'orders',
    'invoices',
    'devices',
    'notifications',
    'billing',
    'statements',
    'device-orders',
    'billing-orders',
    'topup-records',
  ],
  sales: [
    'dashboard',
    'orders',
    'ledgers',
    'companies',
    'devices',
    'notifications',
    'billing',
    'statements',
    'device-orders',
    'topup-records',
  ],
  support: [
    'dashboard',
    'orders',
    'companies',
    'devices',
    'packages',
    'notifications',
    'billing',
    'statements',
    'device-orders',
  ],
  admin: [
    'dashboard',
    'queue',
    'orders',
    'ledgers',
    'catalog',
    'partners',
    'companies',
    'users',
    'webhooks',
    'calendar',
    'devices',
    'packages',
    'notifications',
    'billing',
    'statements',
    'device-orders',
    'billing-orders',
    'topup-records',
  ],
  customer: [
    'dashboard',
    'order',
    'customers',
    'orders',
    'queue',
    'wallet',
    'refunds',
    'invoices',
    'devices',
    'notifications',
    'billing',
    'statements',
    'device-orders',
    'topup-records',
    'renewals',
  ],
};
const ORDER: NavKey[] = [
  'dashboard',
  'order',
  'customers',
  'queue',
  'orders',
  'wallet',
  'refunds',
  'invoices',
  'ledgers',
  'catalog',
  'partners',
  'companies',
  'users',
  'webhooks',
  'calendar',
  'devices',
  'packages',
  'notifications',
  'billing',
  'statements',
  'device-orders',
  'billing-orders',
  'topup-records',
  'renewals',
];

export function navFor(roles: readonly Role[]): NavKey[] {
  const set = new Set(roles.flatMap((r) => NAV_BY_ROLE[r]));
  return ORDER.filter((k) => set.has(k));
}

/** The team whose queue a staff member works: finance owns top-ups and refunds, the desk the rest. */
export function teamOf(roles: readonly Role[]): 'finance' | 'order_desk' | undefined {
  if (roles.includes('order_desk')) return 'order_desk';
  if (roles.includes('finance')) return 'finance';
  return undefined;
}
