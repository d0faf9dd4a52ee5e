import { ROLES } from '@kaidan/shared/vocabulary';
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

const EVERYONE = ROLES;
const PAYERS: readonly Role[] = ['partner_agent', 'customer'];

// Which screens each role works in, in the menu's order; the server still enforces scope on every call. A
// partner's and a customer's `queue` is their own requests; staff see their team's queue.
const NAV = {
  dashboard: EVERYONE,
  order: PAYERS,
  customers: PAYERS,
  queue: ['partner_agent', 'order_desk', 'finance', 'admin', 'customer'],
  orders: EVERYONE,
  wallet: PAYERS,
  refunds: PAYERS,
  invoices: ['finance', 'customer'],
  'refund-payments': ['finance', 'admin'],
  ledgers: ['finance', 'sales', 'admin'],
  catalog: ['admin'],
  partners: ['admin'],
  companies: ['order_desk', 'sales', 'support', 'admin'],
  users: ['admin'],
  webhooks: ['partner_agent', 'admin'],
  calendar: ['admin'],
  devices: EVERYONE,
  packages: ['support', 'admin'],
  notifications: EVERYONE,
  billing: EVERYONE,
  statements: EVERYONE,
  'device-orders': EVERYONE,
  'billing-orders': ['finance', 'admin'],
  'topup-records': ['partner_agent', 'order_desk', 'finance', 'sales', 'admin', 'customer'],
  renewals: ['customer'],
} as const satisfies Record<string, readonly Role[]>;

export type NavKey = keyof typeof NAV;
const ROLES_OF: Record<NavKey, readonly Role[]> = NAV;
const NAV_KEYS = Object.keys(NAV) as NavKey[];

export function navFor(roles: readonly Role[]): NavKey[] {
  return NAV_KEYS.filter((k) => roles.some((r) => ROLES_OF[k].includes(r)));
}

/** The user acts for a company of its own (a customer, a company-scoped staff user), not a partner. */
export const hasOwnCompany = (me: Me | null | undefined): boolean => me?.kind !== 'partner' && !!me?.company;

/** The team whose queue a staff member works: finance owns top-ups and refunds, the desk the rest. */
export function teamOf(roles: readonly Role[]): 'finance' | 'order_desk' | undefined {
  if (roles.includes('order_desk')) return 'order_desk';
  if (roles.includes('finance')) return 'finance';
  return undefined;
}
