import type { Exec } from '../../platform/db/database';
import { type AppError, conflict } from '../../platform/errors';
import { holderOf } from './request-store';

/** 409 naming who holds the request, so the reviewer knows whom to ask (issue #3). */
export const heldBy = (holder: { id: string; name: string }): AppError =>
  conflict(
    'REQUEST_CLAIMED',
    {
      zh: `该申请已由 ${holder.name} 认领处理`,
      en: `${holder.name} is already handling this request`,
    },
    { holder },
  );

/** Why a conditional claim UPDATE found no row: a colleague holds it, or it is no longer waiting. */
export async function claimRefusal(ex: Exec, id: string, state: string): Promise<AppError> {
  const holder = await holderOf(ex, id);
  if (holder) return heldBy(holder);
  return conflict('REQUEST_NOT_SUBMITTED', {
    zh: `申请当前为 ${state}，不能认领`,
    en: `The request is ${state} and cannot be claimed`,
  });
}
