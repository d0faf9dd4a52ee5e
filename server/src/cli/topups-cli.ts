import { parseArgs } from 'node:util';
import { formatAmount } from '@kaidan/shared';
import { principalOfUser } from '../modules/parties';
import { decideRequest, listQueue, type Verdict } from '../modules/requests';
import type { Deps } from '../platform/deps';
import { AppError } from '../platform/errors';

const USAGE = `kaidan topups list [--state submitted] --as <email>
kaidan topups approve|return|decline <request-id> --as <email> --comment <text>`;

/** Finance works the offline top-up queue from a terminal (R25: never their own application). */
export async function topupsCli(deps: Deps, argv: string[], out: (line: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { as: { type: 'string' }, comment: { type: 'string' }, state: { type: 'string' } },
  });
  const [verb, id] = positionals;
  const p = values.as ? await principalOfUser(deps.database.db, { email: values.as }, 'cli') : null;
  if (!p) {
    out(`--as must name an active user\n${USAGE}`);
    return 2;
  }
  try {
    if (verb === 'list') {
      const state = values.state as 'submitted' | undefined;
      const rows = await listQueue(deps, p, { category: 'topup', state, limit: 200 });
      for (const { request: r, topup: t } of rows) {
        const amount = t ? `${formatAmount(t.amount, t.currency)} ${t.currency}` : '';
        out(
          [
            r.id,
            r.number,
            r.state,
            amount,
            t?.payer ?? '',
            t?.bank_ref ?? '',
            r.due_at?.toISOString() ?? '',
          ].join('\t'),
        );
      }
      return 0;
    }
    if ((verb === 'approve' || verb === 'return' || verb === 'decline') && id) {
      const { state } = await decideRequest(deps, p, {
        id,
        verdict: verb as Verdict,
        comment: values.comment ?? '',
      });
      out(`${id}\t${state}`);
      return 0;
    }
    out(USAGE);
    return 2;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    out(`${e.code}: ${e.text.zh} / ${e.text.en}${e.fixes.map((f) => `\n  → ${f.zh} / ${f.en}`).join('')}`);
    return 1;
  }
}
