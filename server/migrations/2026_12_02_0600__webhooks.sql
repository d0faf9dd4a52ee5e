-- Issue #12 outbound webhooks (docs/webhooks.md, ADR 0016).
-- An endpoint a partner's agent registers for its own partner, or an admin registers vendor-wide
-- (partner_id null: every partner's events and the vendor's own).
create table webhook_endpoints (
  id text primary key,
  partner_id text references partners (id),
  url text not null,
  description text not null default '',
  event_types text[] not null check (cardinality(event_types) > 0),
  enabled boolean not null default true,
  -- `whsec_…`: kept in clear because every delivery is signed with it (HMAC needs the key itself).
  secret text not null,
  version int not null default 1,
  created_by text,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index webhook_endpoints_partner on webhook_endpoints (partner_id, created_at);

-- The outbox: written in the business transaction, only when some endpoint wants the event.
-- Its id is the `webhook-id` header (Standard Webhooks), the same on every retry and replay.
create table webhook_events (
  id text primary key,
  type text not null,
  partner_id text,
  payload jsonb not null,
  created_at timestamptz not null
);

-- One delivery per event and matching endpoint, fanned out in the same statement as the event.
create table webhook_deliveries (
  id text primary key,
  event_id text not null references webhook_events (id),
  endpoint_id text not null references webhook_endpoints (id) on delete cascade,
  state text not null default 'pending' check (state in ('pending', 'delivered', 'failed')),
  attempts int not null default 0,
  last_status int,
  next_attempt_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (event_id, endpoint_id)
);
create index webhook_deliveries_endpoint on webhook_deliveries (endpoint_id, created_at desc, id desc);

-- The delivery log: every POST, retries and replays alike.
create table webhook_attempts (
  id text primary key,
  delivery_id text not null references webhook_deliveries (id) on delete cascade,
  n int not null,
  replay boolean not null default false,
  status_code int,
  error text,
  response_excerpt text not null default '',
  duration_ms int not null,
  attempted_at timestamptz not null
);
create index webhook_attempts_delivery on webhook_attempts (delivery_id, attempted_at);
