-- Core tables of the partner order-to-refund loop (issue #2). Money is bigint minor units + currency.
-- Every tenant-scoped table carries company_id or partner_id so a Citus layout stays possible.

-- Parties ------------------------------------------------------------------------------------------
create table partners (
  id text primary key,
  code text not null unique,
  name_zh text not null,
  name_en text,
  state text not null default 'active' check (state in ('active', 'suspended')),
  created_at timestamptz not null,
  version int not null default 1
);

create table companies (
  id text primary key,
  name_zh text not null,
  name_en text,
  -- WeCom corp id or similar external tenant id; unique across the vendor.
  tenant_id text unique check (tenant_id ~ '^ww[0-9a-f]{16}$'),
  parent_id text references companies (id),
  -- null = a direct customer of the vendor.
  partner_id text references partners (id),
  region text not null default 'CN' check (region ~ '^[A-Z]{2}$'),
  address_en text,
  applicant_name text,
  landline text,
  tax_id text,
  created_at timestamptz not null,
  version int not null default 1
);
create index companies_partner on companies (partner_id);
create index companies_parent on companies (parent_id);

create table contacts (
  id text primary key,
  company_id text not null references companies (id),
  name text not null,
  email text not null,
  phone text,
  is_payer boolean not null default false,
  is_invoice boolean not null default false,
  created_at timestamptz not null
);
create index contacts_company on contacts (company_id);

create table users (
  id text primary key,
  email text not null,
  name text not null,
  password_hash text,
  roles text[] not null check (roles <@ array['admin', 'order_desk', 'finance', 'sales', 'support',
    'partner_agent', 'customer']::text[] and cardinality(roles) > 0),
  partner_id text references partners (id),
  company_id text references companies (id),
  state text not null default 'active' check (state in ('active', 'disabled')),
  locale text not null default 'zh-CN' check (locale in ('zh-CN', 'en-US')),
  created_at timestamptz not null,
  version int not null default 1,
  check (not ('partner_agent' = any (roles)) or partner_id is not null),
  check (not ('customer' = any (roles)) or company_id is not null)
);
create unique index users_email on users (lower(email));

-- Catalog ------------------------------------------------------------------------------------------
create table products (
  id text primary key,
  code text not null unique,
  name_zh text not null,
  name_en text,
  kind text not null check (kind in ('seat_app', 'device_plan', 'quota_feature', 'service')),
  category text,
  subcategory text,
  channels text[] not null default array['partner', 'direct', 'self_service']
    check (channels <@ array['partner', 'direct', 'self_service']::text[]),
  state text not null default 'active' check (state in ('active', 'retired')),
  created_at timestamptz not null,
  version int not null default 1
);

-- A plan is anything sold under a product: an edition (with its seat tier), an add-on, a pass-through
-- fee or a bundle. Each becomes its own subscription component (R12).
create table plans (
  id text primary key,
  product_id text not null references products (id),
  code text not null,
  name_zh text not null,
  name_en text,
  kind text not null check (kind in ('edition', 'addon', 'pass_through', 'bundle', 'service')),
  pricing_method text not null check (pricing_method in ('seat_year', 'seat_day', 'device_month', 'unit', 'flat')),
  -- R14: 'days' converts a year to 365 days and a month to 30; 'calendar' uses calendar months.
  duration_rule text not null default 'days' check (duration_rule in ('days', 'calendar')),
  seat_min int not null default 1 check (seat_min >= 1),
  seat_max int check (seat_max is null or seat_max >= seat_min),
  pass_through boolean not null default false,
  refundable boolean not null default true,
  valid_from date,
  valid_to date,
  created_at timestamptz not null,
  version int not null default 1,
  unique (product_id, code),
  check (valid_to is null or valid_from is null or valid_to >= valid_from),
  -- A pass-through fee is passed on at cost and never refunded (R32).
  check (not pass_through or not refundable)
);

-- Price per currency and seat tier: the row with the greatest min_seats ≤ the ordered seats applies.
create table plan_prices (
  plan_id text not null references plans (id),
  currency text not null check (currency in ('CNY', 'USD')),
  min_seats int not null default 1 check (min_seats >= 1),
  unit_amount bigint not null check (unit_amount >= 0),
  primary key (plan_id, currency, min_seats)
);

create table bundle_items (
  bundle_plan_id text not null references plans (id),
  item_plan_id text not null references plans (id),
  seats_per_bundle int not null default 1 check (seats_per_bundle >= 1),
  primary key (bundle_plan_id, item_plan_id)
);

-- R3: per product × order type × channel; missing row = manual review.
create table review_policies (
  product_id text not null references products (id),
  order_type text not null check (order_type in ('new', 'add_seats', 'renew')),
  channel text not null check (channel in ('partner', 'direct', 'self_service')),
  mode text not null check (mode in ('auto', 'manual')),
  primary key (product_id, order_type, channel)
);
