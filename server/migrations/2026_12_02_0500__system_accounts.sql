-- Issue #11: the vendor's own accounts exist from the start, so the one statement that debits a
-- wallet and posts the capture (wallet-store debitAndPost) can name them without an upsert first.
insert into ledger_accounts (id, code, currency, owner_id, created_at)
select 'acc_sys_' || c.code || '_' || lower(cur.currency), c.code, cur.currency, null, now()
from (values ('revenue'), ('pass_through_payable'), ('offline_cash'), ('offline_settlement')) as c (code)
cross join (values ('CNY'), ('USD')) as cur (currency)
on conflict (code, currency, coalesce(owner_id, '')) do nothing;
