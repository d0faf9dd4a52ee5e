import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import type { KeyedRow } from '../../platform/keyset';
import type { Principal } from '../../platform/principal';
import { resolveTreeWhere as resolveWhere, type TreeWhereInput as WhereInput } from '../parties';
import { STATEMENT } from './billing';
import type { StatementRow } from './statement';
import { renderStatementPdf } from './statement-pdf';
import { listStatements, type StatementFilter, statementInScope } from './statement-store';
import type { Lang } from './statement-text';
import { renderStatementXlsx } from './statement-xlsx';

// Statements are read by every signed-in principal within the company scope (R46): a customer its own
// company's tree, a partner its customers', staff all or their company's tree.
export async function viewStatements(
  deps: Deps,
  p: Principal,
  w: WhereInput,
  f: StatementFilter,
): Promise<(StatementRow & KeyedRow)[]> {
  const where = await resolveWhere(deps.database.db, p, w);
  return listStatements(deps.database.db, p, where, f);
}

export async function viewStatement(deps: Deps, p: Principal, id: string): Promise<StatementRow> {
  const row = await statementInScope(deps.database.db, p, id);
  if (!row) throw notFound(STATEMENT);
  return row;
}

export async function statementFile(
  deps: Deps,
  p: Principal,
  id: string,
  format: 'pdf' | 'xlsx',
  lang: Lang,
): Promise<{ statement: StatementRow; body: Uint8Array }> {
  const statement = await viewStatement(deps, p, id);
  const body =
    format === 'pdf'
      ? new Uint8Array(await renderStatementPdf(statement, lang))
      : await renderStatementXlsx(statement, lang);
  return { statement, body };
}
