import { newId } from '@kaidan/shared';
import { toDate } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import type { FieldError } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { findCompanyInScope } from './company-scope';
import { insertContact } from './contact-store';
import { MANAGE_CONTACTS } from './roles';
import { checkEmail, clean, fieldError, refuseIfAny } from './validation';

export interface ContactInput {
  name: string;
  email: string;
  phone?: string | null;
  isPayer?: boolean;
  isInvoice?: boolean;
}

/** A contact of a company in scope; the trail lives on the company (contacts have no page of their own). */
export async function createContact(
  deps: Deps,
  p: Principal,
  companyId: string,
  input: ContactInput,
): Promise<string> {
  requireRole(p, MANAGE_CONTACTS, { zh: '添加联系人', en: 'add contacts' });
  const errors: FieldError[] = [];
  if (!clean(input.name))
    errors.push(fieldError('name', 'required', '联系人姓名必填', 'Contact name is required'));
  checkEmail('email', input.email, errors);
  refuseIfAny(errors);
  const at = deps.clock.now();
  const row = {
    id: newId('con', at.epochMilliseconds),
    company_id: companyId,
    name: input.name.trim(),
    email: input.email.trim(),
    phone: clean(input.phone),
    is_payer: input.isPayer ?? false,
    is_invoice: input.isInvoice ?? false,
    created_at: toDate(at),
  };
  return transact(deps.database.db, async (tx) => {
    await findCompanyInScope(tx, p, companyId);
    await insertContact(tx, row);
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'company',
      objectId: companyId,
      action: 'add_contact',
      after: row,
    });
    return row.id;
  });
}
