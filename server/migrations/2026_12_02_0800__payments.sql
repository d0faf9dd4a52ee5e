-- Issue #12 slice 1: online payment attempts and the provider notifications about them.
create table payment_attempts (
  id text primary key,
  -- what the money is for: 'topup' credits the wallet of (owner_type, owner_id)
  purpose text not null check (purpose in ('topup')),
  owner_type text not null check (owner_type in ('partner', 'company')),
  owner_id text not null,
  provider text not null,
  -- WeChat Pay out_trade_no: 6–32 of [A-Za-z0-9_-|*]; unique per merchant, so unique here
  merchant_order_no text not null unique check (merchant_order_no ~ '^[A-Za-z0-9_|*-]{6,32}$'),
  amount bigint not null check (amount > 0),
  currency text not null,
  state text not null default 'pending' check (state in ('pending', 'paid', 'closed', 'failed')),
  code_url text,
  provider_txn_id text,
  created_by text,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  paid_at timestamptz,
  closed_at timestamptz,
  version integer not null default 1,
  check ((state = 'paid') = (paid_at is not null))
);
create index payment_attempts_owner on payment_attempts (owner_type, owner_id, created_at, id);
create index payment_attempts_created on payment_attempts (created_at, id);

create table payment_notifications (
  id text primary key,
  provider text not null,
  -- the provider's id of the notification (WeChat Pay: the body's "id"); null when unreadable
  notification_id text,
  attempt_id text references payment_attempts (id),
  headers jsonb not null,
  raw_body text not null,
  verified boolean not null,
  -- settled | already_settled | late | amount_mismatch | unknown_attempt | not_paid | refused:<reason>
  outcome text not null,
  received_at timestamptz not null
);
-- Only a verified notification claims its id: a forged one carrying a real id must not make the genuine
-- delivery look like a duplicate. A duplicate of a verified one is not stored again.
create unique index payment_notifications_once on payment_notifications (provider, notification_id)
  where verified;

-- Money received through a provider and not yet paid out to us: the debit side of an online top-up.
insert into ledger_accounts (id, code, currency, owner_id, created_at)
select 'acc_sys_provider_clearing_' || lower(cur.currency), 'provider_clearing', cur.currency, null, now()
from (values ('CNY'), ('USD')) as cur (currency)
on conflict (code, currency, coalesce(owner_id, '')) do nothing;
