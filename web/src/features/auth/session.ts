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
  | 'order'
  | 'customers'
  | 'orders'
  | 'wallet'
  | 'refunds'
  | 'queue'
  | 'ledgers'
  | 'notifications';

// Which screens each role works in; the server still enforces scope on every call.
const NAV_BY_ROLE: Record<Role, NavKey[]> = {
  partner_agent: ['order', 'customers', 'orders', 'wallet', 'refunds', 'notifications'],
  order_desk: ['queue', 'orders', 'notifications'],
  finance: ['queue', 'ledgers', 'orders', 'notifications'],
  sales: ['orders', 'ledgers', 'notifications'],
  support: ['orders', 'notifications'],
  admin: ['queue', 'orders', 'ledgers', 'notifications'],
  customer: ['orders', 'notifications'],
};
const ORDER: NavKey[] = [
  'order',
  'customers',
  'queue',
  'orders',
  'wallet',
  'refunds',
  'ledgers',
  'notifications',
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
