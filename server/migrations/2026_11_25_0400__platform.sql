-- Outbox job queue: enqueued in the transaction that makes the change, claimed with SKIP LOCKED.
create table jobs (
  id text primary key,
  kind text not null,
  payload jsonb not null,
  state text not null default 'pending' check (state in ('pending', 'running', 'done', 'dead')),
  run_at timestamptz not null,
  attempts int not null default 0,
  locked_until timestamptz,
  last_error text,
  created_at timestamptz not null,
  done_at timestamptz
);
create index jobs_due on jobs (run_at) where state in ('pending', 'running');

-- Idempotency-Key per principal: one effect per key, the same response for the same body.
create table idempotency_keys (
  principal text not null,
  key text not null,
  request_hash text not null,
  state text not null check (state in ('pending', 'done')),
  status int,
  body text,
  created_at timestamptz not null,
  primary key (principal, key)
);

-- Append-only audit trail (R40): who, when, through which channel, state before and after, reason.
create table audit_log (
  id text primary key,
  object_type text not null,
  object_id text not null,
  action text not null,
  actor_kind text not null check (actor_kind in ('staff', 'partner', 'customer', 'system')),
  actor_id text,
  channel text not null check (channel in ('console', 'api', 'cli', 'job')),
  state_before text,
  state_after text,
  before jsonb,
  after jsonb,
  reason text,
  at timestamptz not null
);
create index audit_log_object on audit_log (object_type, object_id, at);

create function forbid_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only', tg_table_name using errcode = '55000';
end $$;
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function forbid_change();
