import type { Channel, Principal, Role } from '../platform/principal';

// Principals for tests, written once (they were restated in each device, billing and records test): a staff
// user scoped to a company or to none, a customer's user, a partner's user. No user row behind them unless
// the test makes one and passes its id.

export const staffPrincipal = (
  roles: Role[],
  companyId: string | null = null,
  channel: Channel = 'api',
  userId: string | null = null,
): Principal => ({ userId, kind: 'staff', roles, partnerId: null, companyId, channel });

export const customerPrincipal = (companyId: string, userId: string | null = null): Principal => ({
  ...staffPrincipal(['customer'], companyId, 'api', userId),
  kind: 'customer',
});

export const partnerPrincipal = (partnerId: string, userId: string | null = null): Principal => ({
  ...staffPrincipal(['partner_agent'], null, 'api', userId),
  kind: 'partner',
  partnerId,
});
