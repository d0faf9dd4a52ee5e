import { parseArgs } from 'node:util';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { ROLES, type Role, systemPrincipal } from '../../platform/principal';
import { companyByTenant } from './company-store';
import { createUser } from './create-user';
import { partnerByCode } from './partner-store';
import { listUsers } from './user-store';

const USAGE = `kaidan users create --email E --name N --roles admin,finance [--partner CODE] [--company TENANT] --password P
kaidan users list [--q TEXT]`;

/** Operators create and list users from a terminal, as the system principal (channel 'cli'). */
export async function usersCli(deps: Deps, argv: string[], out: (line: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      roles: { type: 'string' },
      partner: { type: 'string' },
      company: { type: 'string' },
      password: { type: 'string' },
      q: { type: 'string' },
    },
  });
  try {
    if (positionals[0] === 'list') {
      for (const u of await listUsers(deps.database.db, { limit: 1000, q: values.q })) {
        out(
          [u.id, u.email, u.name, u.roles.join(','), u.partner_id ?? '', u.company_id ?? '', u.state].join(
            '\t',
          ),
        );
      }
      return 0;
    }
    if (positionals[0] === 'create' && values.email && values.name && values.roles) {
      const roles = values.roles.split(',').map((r) => r.trim()) as Role[];
      const bad = roles.filter((r) => !ROLES.includes(r));
      if (bad.length > 0) {
        out(`unknown role ${bad.join(', ')}; roles: ${ROLES.join(', ')}`);
        return 2;
      }
      const db = deps.database.db;
      const partner = values.partner ? await partnerByCode(db, values.partner.toUpperCase()) : undefined;
      if (values.partner && !partner) return refuse(out, `no partner with code ${values.partner}`);
      const company = values.company ? await companyByTenant(db, values.company) : undefined;
      if (values.company && !company) return refuse(out, `no company with tenant id ${values.company}`);
      const id = await createUser(
        deps,
        {
          email: values.email,
          name: values.name,
          roles,
          partnerId: partner?.id ?? null,
          companyId: company?.id ?? null,
          password: values.password ?? null,
        },
        systemPrincipal('cli'),
      );
      out(`${id}\t${values.email}`);
      return 0;
    }
    out(USAGE);
    return 2;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const fields = e.fields.map((f) => `\n  ${f.field}: ${f.message.zh} / ${f.message.en}`).join('');
    out(
      `${e.code}: ${e.text.zh} / ${e.text.en}${fields}${e.fixes.map((f) => `\n  → ${f.zh} / ${f.en}`).join('')}`,
    );
    return 1;
  }
}

function refuse(out: (line: string) => void, msg: string): number {
  out(msg);
  return 1;
}
