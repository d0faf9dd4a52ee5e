-- Issue #13 slice 2 (R20, seed 003 充值续费): a customer's batch renewal of devices is one device order,
-- with one item per device. Device orders are their own table, not `orders` (ADR 0024): they have no
-- desk review, no seats and no plan lines; they are paid first (R29) by the wallet or an online provider
-- through payment attempts (purpose 'device_order'), and paying one extends its devices' expiries.
create sequence device_order_number_seq;

create table device_orders (
  id text primary key,
  number text not null unique,
  company_id text not null references companies (id),
  -- 'customer': chosen in the console, CLI or API; 'auto_renew': the daily renewal job (R38)
  source text not null check (source in ('customer', 'auto_renew')),
  months int not null check (months between 1 and 120),
  currency text not null check (currency in ('CNY', 'USD')),
  total bigint not null check (total >= 0),
  device_count int not null check (device_count > 0),
  -- awaiting_payment → paid (expiries extended) | expired (unpaid at payment_due_at)
  state text not null check (state in ('awaiting_payment', 'paid', 'expired')),
  payment_method text not null
    check (payment_method in ('wallet', 'sandbox', 'wechatpay', 'alipay', 'paypal')),
  payment_due_at timestamptz,
  created_by text references users (id),
  created_at timestamptz not null,
  paid_at timestamptz,
  closed_at timestamptz,
  version int not null default 1,
  check ((state = 'paid') = (paid_at is not null))
);
create index device_orders_company on device_orders (company_id, created_at, id);
create index device_orders_created on device_orders (created_at, id);

-- One per device: what it costs (its renewal package plus its value-added packages, per month, times the
-- months) and, once paid, the expiry before and after — the device's entitlement event naming the order.
create table device_order_items (
  order_id text not null references device_orders (id),
  device_id text not null references devices (id),
  company_id text not null references companies (id),
  -- the package as it was sold: a package no longer on an open order may be deleted (issue #13)
  package_id text references device_packages (id) on delete set null,
  package_code text not null,
  -- per device-month: the renewal package's amount, and the sum of its value-added packages'
  renewal_amount bigint not null check (renewal_amount >= 0),
  value_added_amount bigint not null check (value_added_amount >= 0),
  amount bigint not null check (amount >= 0),
  -- true while the order awaits payment: a device is on at most one such order (R20, never renewed twice)
  open boolean not null,
  expires_before date,
  expires_after date,
  primary key (order_id, device_id)
);
create index device_order_items_device on device_order_items (device_id);
create index device_order_items_open_package on device_order_items (package_id) where open;
create unique index device_order_items_one_open on device_order_items (device_id) where open;

alter table payment_attempts drop constraint payment_attempts_purpose_check;
alter table payment_attempts drop constraint payment_attempts_order_check;
alter table payment_attempts
  add column device_order_id text references device_orders (id),
  add constraint payment_attempts_purpose_check check (purpose in ('topup', 'order', 'device_order')),
  add constraint payment_attempts_order_check check ((purpose = 'order') = (order_id is not null)),
  add constraint payment_attempts_device_order_check
    check ((purpose = 'device_order') = (device_order_id is not null));
create index payment_attempts_device_order on payment_attempts (device_order_id)
  where device_order_id is not null;
