-- Issue #12, R35: a refund goes back by the original channel. One row per payment a refund touches: the
-- wallet (credited at once, in the approving transaction) or a provider payment (an order's paid
-- payment attempt), refunded by the `refund.execute` job. Our refund number is saved here, with the row,
-- before any provider call, and every retry sends the same one (WeChat Pay out_refund_no), so the provider
-- refunds once. Arrival (the money back with the payer) is tracked apart from the approval.
create table refund_payments (
  id text primary key,
  request_id text not null references requests (id),
  order_id text not null references orders (id),
  attempt_id text references payment_attempts (id),
  channel text not null check (channel in ('wallet', 'sandbox', 'wechatpay', 'alipay', 'paypal')),
  refund_no text not null unique,
  currency text not null check (currency in ('CNY', 'USD')),
  amount bigint not null check (amount > 0),
  state text not null default 'pending' check (state in ('pending', 'processing', 'succeeded', 'failed')),
  provider_refund_id text,
  failure text,
  created_at timestamptz not null,
  submitted_at timestamptz,
  arrived_at timestamptz,
  version integer not null default 0,
  check ((channel = 'wallet') = (attempt_id is null)),
  check ((state = 'succeeded') = (arrived_at is not null))
);
create index refund_payments_request on refund_payments (request_id);
create index refund_payments_attempt on refund_payments (attempt_id) where attempt_id is not null;

-- The money a provider refund owes the payer between approval (Dr revenue / Cr refunds payable) and its
-- arrival (Dr refunds payable / Cr provider clearing).
insert into ledger_accounts (id, code, currency, owner_id, created_at)
select 'acc_sys_refunds_payable_' || lower(cur.currency), 'refunds_payable', cur.currency, null, now()
from (values ('CNY'), ('USD')) as cur (currency)
on conflict (code, currency, coalesce(owner_id, '')) do nothing;
