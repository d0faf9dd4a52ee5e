import type { ResolvePrincipal } from '../../http/auth';
import type { Deps } from '../../platform/deps';
import { principalOfApiKey, principalOfSession } from './resolve-principal';
import { SESSION_COOKIE } from './session';

/**
 * The parties' answer to "who is this request": `Authorization: Bearer kd_live_…` (channel 'api') wins
 * over the `kaidan_session` cookie (channel 'console'). The wiring root hands it to the HTTP kit.
 */
export function principalOfRequest(deps: Deps): ResolvePrincipal {
  return async ({ bearer, cookie }) => {
    if (bearer) return principalOfApiKey(deps, bearer);
    const token = cookie(SESSION_COOKIE);
    return token ? principalOfSession(deps, token) : null;
  };
}
