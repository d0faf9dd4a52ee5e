import { parseArgs } from 'node:util';
import { type DailyStep, runBillingDayNow } from '../modules/billing';
import { principalOfUser } from '../modules/parties';
import type { Deps } from '../platform/deps';
import { AppError } from '../platform/errors';
import { systemPrincipal } from '../platform/principal';

const USAGE = 'kaidan billing run --day YYYY-MM-DD [--as <admin email>]';

/**
 * `kaidan billing run --day D` (R38, R46): an operator runs the daily renewal job for a missed day, with
 * the worker's own steps, and sees what each step made; a day already run makes nothing (all zeros).
 * Without `--as` it acts as the system, as the job does.
 */
export async function billingCli(
  deps: Deps,
  steps: readonly DailyStep[],
  argv: string[],
  out: (line: string) => void,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { day: { type: 'string' }, as: { type: 'string' } },
  });
  if (positionals[0] !== 'run' || !values.day) {
    out(USAGE);
    return 2;
  }
  const p = values.as
    ? await principalOfUser(deps.database.db, { email: values.as }, 'cli')
    : systemPrincipal('cli');
  if (!p) {
    out(`--as must name an active user\n${USAGE}`);
    return 2;
  }
  try {
    const r = await runBillingDayNow(deps, p, values.day, steps);
    for (const s of r.steps)
      out([r.day, s.step, ...Object.entries(s.created).map(([k, v]) => `${k}=${v}`)].join('\t'));
    return 0;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    out(`${e.code}: ${e.text.zh} / ${e.text.en}`);
    return 1;
  }
}
