-- Orders, entitlements, the request queue (top-ups, refunds, seat reductions, transfers) and in-app
-- notifications. Lifecycles are CHECK-listed states moved by conditional UPDATEs.

create table orders (
  id text primary key,
  number text not null unique,
  channel text not null check (channel in ('partner', 'direct', 'self_service')),
  order_type text not null check (order_type in ('new', 'add_seats', 'renew')),
  -- the partner billed (R17: the owner at the time of the order)
  partner_id text references partners (id),
  company_id text not null references companies (id),
  product_id text not null references products (id),
  currency text not null check (currency in ('CNY', 'USD')),
  total bigint not null check (total >= 0),
  effective_date date not null,
  coterm_to date,
  state text not null check (state in ('draft', 'submitted', 'approved', 'paid', 'rejected', 'voided', 'deleted')),
  settled_offline_at timestamptz,
  created_by text references users (id),
  created_at timestamptz not null,
  submitted_at timestamptz,
  received_at timestamptz,
  contract_arrived_at timestamptz,
  decided_by text references users (id),
  decided_at timestamptz,
  paid_at timestamptz,
  decision_comment text,
  version int not null default 1
);
create index orders_partner on orders (partner_id, created_at);
create index orders_company on orders (company_id, created_at);
create index orders_state on orders (state, submitted_at);

create table order_lines (
  id text primary key,
  order_id text not null references orders (id),
  line_no int not null,
  plan_id text not null references plans (id),
  seats int not null check (seats >= 1),
  duration_unit text check (duration_unit in ('day', 'month', 'year')),
  duration_value int check (duration_value >= 1),
  days int not null check (days >= 1),
  period_start date not null,
  period_end date not null,
  unit_amount bigint not null check (unit_amount >= 0),
  amount bigint not null check (amount >= 0),
  pass_through boolean not null,
  refundable boolean not null,
  refunded bigint not null default 0,
  unique (order_id, line_no),
  check (period_end >= period_start),
  -- invariant 3: refunded ≤ paid, per line
  check (refunded >= 0 and refunded <= amount)
);

create table subscriptions (
  id text primary key,
  company_id text not null references companies (id),
  product_id text not null references products (id),
  created_at timestamptz not null,
  unique (company_id, product_id)
);

-- R12: each component (edition, add-on, pass-through licence) has its own seats and end date.
create table components (
  id text primary key,
  subscription_id text not null references subscriptions (id),
  company_id text not null references companies (id),
  plan_id text not null references plans (id),
  seats int not null check (seats >= 0),
  start_date date not null,
  end_date date not null,
  -- R15: the related external licence (e.g. WeCom interop) end date, when known
  external_end date,
  version int not null default 1,
  unique (subscription_id, plan_id),
  check (end_date >= start_date - 1)
);

-- Time coverage bought by new/renew lines: contiguous, no gap, no overlap (invariant 4).
create table entitlement_periods (
  id text primary key,
  component_id text not null references components (id),
  order_line_id text not null references order_lines (id),
  start_date date not null,
  end_date date not null,
  state text not null default 'active' check (state in ('active', 'revoked')),
  check (end_date >= start_date - 1)
);
create index entitlement_periods_component on entitlement_periods (component_id, start_date);

create table entitlement_events (
  id text primary key,
  component_id text not null references components (id),
  company_id text not null references companies (id),
  kind text not null check (kind in ('granted', 'extended', 'seats_added', 'seats_reduced', 'shortened',
    'revoked', 'transferred', 'coterm')),
  cause_type text not null,
  cause_id text not null,
  seats_before int,
  seats_after int,
  end_before date,
  end_after date,
  at timestamptz not null
);
create index entitlement_events_component on entitlement_events (component_id, at);
create trigger entitlement_events_append_only before update or delete on entitlement_events
  for each row execute function forbid_change();

-- One review queue (R11): every category has an owning team.
create table requests (
  id text primary key,
  number text not null unique,
  category text not null check (category in ('topup', 'refund', 'seat_reduction', 'transfer')),
  owner_team text not null check (owner_team in ('finance', 'order_desk')),
  state text not null check (state in ('draft', 'submitted', 'approved', 'returned', 'declined', 'withdrawn')),
  partner_id text references partners (id),
  company_id text references companies (id),
  payload jsonb not null default '{}',
  created_by text references users (id),
  created_at timestamptz not null,
  submitted_by text references users (id),
  submitted_at timestamptz,
  decided_by text references users (id),
  decided_at timestamptz,
  due_at timestamptz,
  version int not null default 1
);
create index requests_queue on requests (owner_team, state, submitted_at);
create index requests_partner on requests (partner_id, created_at);

create table request_comments (
  id text primary key,
  request_id text not null references requests (id),
  author_id text references users (id),
  action text not null,
  body text not null,
  at timestamptz not null
);
create index request_comments_request on request_comments (request_id, at);

-- R25 offline top-up application details; the request row carries the lifecycle.
create table topups (
  request_id text primary key references requests (id),
  wallet_owner_type text not null check (wallet_owner_type in ('partner', 'company')),
  wallet_owner_id text not null,
  company_id text references companies (id),
  payer text not null,
  currency text not null check (currency in ('CNY', 'USD')),
  amount bigint not null check (amount > 0),
  bank_ref text not null
);

-- R32 / R27: refund (返款) lines; mode 'refund' rolls back entitlements, 'settled_offline' keeps them.
create table refund_lines (
  id text primary key,
  request_id text not null references requests (id),
  order_id text not null references orders (id),
  order_line_id text not null references order_lines (id),
  mode text not null check (mode in ('refund', 'settled_offline')),
  amount bigint not null check (amount >= 0),
  unique (request_id, order_line_id)
);
create index refund_lines_order on refund_lines (order_id);

create table notifications (
  id text primary key,
  user_id text not null references users (id),
  kind text not null,
  title_zh text not null,
  title_en text not null,
  ref_type text not null,
  ref_id text not null,
  read_at timestamptz,
  created_at timestamptz not null
);
create index notifications_user on notifications (user_id, created_at);
