import { useMe } from '../auth/session';
import type { Role } from './types';

// What each role may do on the admin screens (docs/auth.md, docs/catalog.md). The server enforces the
// same rules; these only keep a role from being offered what would answer 403.
const CAN = {
  catalogWrite: ['admin'],
  partnersWrite: ['admin'],
  companiesRead: ['admin', 'order_desk', 'sales', 'support'],
  companiesWrite: ['admin', 'order_desk', 'sales'],
  users: ['admin'],
  auditRead: ['admin', 'order_desk', 'finance', 'sales', 'support'],
  seatReduce: ['admin', 'order_desk', 'sales'],
} satisfies Record<string, Role[]>;
export type Ability = keyof typeof CAN;

export function useCan(): (a: Ability) => boolean {
  const me = useMe();
  const roles: readonly Role[] = me.data?.roles ?? [];
  return (a) => roles.some((r) => (CAN[a] as Role[]).includes(r));
}
