import { type ActionChannel, type ActorKind, ROLES, type Role } from '@kaidan/shared';
import { AppError, type Text } from './errors';

// Who is acting. Set by the HTTP auth middleware (session cookie or API key), by the CLI, or by a job.
export { ROLES, type Role };
export type Channel = ActionChannel;

export interface Principal {
  /** null only for the system principal (jobs, CLI without a user). */
  userId: string | null;
  kind: ActorKind;
  roles: readonly Role[];
  /** Set for partner agents: the partner whose customers and wallet they work with. */
  partnerId: string | null;
  /** Set for customer users: their company (they also see its subsidiaries). */
  companyId: string | null;
  channel: Channel;
}

export function systemPrincipal(channel: Channel): Principal {
  return { userId: null, kind: 'system', roles: ['admin'], partnerId: null, companyId: null, channel };
}

export function hasRole(p: Principal, ...roles: Role[]): boolean {
  return p.roles.some((r) => roles.includes(r));
}

/** 403 when the principal holds none of the roles; scope misses are 404s and handled by the stores. */
export function requireRole(p: Principal, roles: Role[], action: Text): void {
  if (hasRole(p, ...roles)) return;
  throw new AppError({
    status: 403,
    code: 'FORBIDDEN',
    message: { zh: `无权${action.zh}`, en: `Not allowed to ${action.en}` },
    details: { requiredRoles: roles },
  });
}

/** The audit actor for a principal (R40). */
export function actorOf(p: Principal): { kind: Principal['kind']; id: string | null; channel: Channel } {
  return { kind: p.kind, id: p.userId, channel: p.channel };
}
