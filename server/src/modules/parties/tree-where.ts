import type { DeviceDepth } from '@kaidan/shared';
import { type RawBuilder, sql } from 'kysely';
import type { Exec } from '../../platform/db/database';
import { invalid } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import { findCompanyInScope } from './company-scope';
import { inCompanyScope, inCompanyTree } from './company-store';

/** Where a list or batch action looks: a root company (checked to be in scope) and the depth. */
export interface TreeWhere {
  rootId: string | null;
  depth: DeviceDepth;
}

export interface TreeWhereInput {
  companyId?: string | undefined;
  depth?: DeviceDepth | undefined;
}

/**
 * The direct/all switch of every company-tree list (devices, billing configurations, statements; seed
 * 003's 直属/全部子公司): the chosen company must be in scope (else the same 404 as a missing one); without
 * one, a customer or a company-scoped staff user looks from its own company, and an unscoped user over its
 * whole scope — where "direct" has no company to mean, so it is refused with the fix, never widened.
 */
export async function resolveTreeWhere(ex: Exec, p: Principal, w: TreeWhereInput): Promise<TreeWhere> {
  const depth = w.depth ?? 'all';
  if (w.companyId) {
    await findCompanyInScope(ex, p, w.companyId);
    return { rootId: w.companyId, depth };
  }
  const own = p.kind === 'partner' ? null : p.companyId;
  if (own) return { rootId: own, depth };
  if (depth === 'direct')
    throw invalid(
      'companyId',
      'company_required',
      { zh: '“直属”需要先选择公司', en: 'Depth "direct" needs a company' },
      [{ zh: '选择一家公司，或改为“全部”', en: 'Choose a company, or use depth "all"' }],
    );
  return { rootId: null, depth };
}

/** Scope ∧ the direct/all switch on a company id column. Without a root the whole scope is meant. */
export function inTreeWhere(p: Principal, w: TreeWhere, col: RawBuilder<unknown>): RawBuilder<unknown> {
  const scope = inCompanyScope(p, col);
  if (w.rootId === null) return scope;
  const depth = w.depth === 'direct' ? sql`${col} = ${w.rootId}` : inCompanyTree(col, w.rootId);
  return sql`${scope} and ${depth}`;
}
