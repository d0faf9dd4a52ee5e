-- Issue #13 slice 4 (R38, R46, seed 003 账户配置 / 收费账户配置): a company's billing account
-- configuration, the daily renewal job's reminders and the statements its billing cycle produces
-- (ADR 0026, docs/billing.md). Every table carries company_id (Citus distribution key, docs/scaling.md)
-- except the run log, which is per business day.

-- R38: one configuration per company; a company without a row has none (no reminders, no statements).
create table billing_configs (
  company_id text primary key references companies (id),
  billing_cycle text not null check (billing_cycle in ('monthly', 'quarterly', 'yearly')),
  auto_renew boolean not null,
  notify boolean not null,
  email_language text not null check (email_language in ('zh-CN', 'en-US')),
  -- several notification emails (邮箱支持多配), validated by the use case; at most 10
  emails text[] not null check (cardinality(emails) <= 10),
  created_at timestamptz not null,
  updated_by text references users (id),
  updated_at timestamptz not null,
  version int not null default 1
);

-- What the billing job emails to a company's notification addresses: rendered once in the company's
-- language when the job decides to send it, then sent by the outbox job `billing.email`.
create table billing_emails (
  id text primary key,
  company_id text not null references companies (id),
  kind text not null check (kind ~ '^[a-z_]{1,40}$'),
  language text not null check (language in ('zh-CN', 'en-US')),
  recipients text[] not null check (cardinality(recipients) between 1 and 10),
  subject text not null,
  body text not null,
  -- set by a sender that must not email twice for one event (e.g. auto-renew refused for a company and day)
  dedupe_key text unique,
  created_at timestamptz not null
);
create index billing_emails_company on billing_emails (company_id, created_at);

-- An expiry reminder per device, expiry and threshold: the key that makes a re-run of a day send nothing
-- twice, while the email itself lists all of a company's devices for the threshold (one email each).
create table billing_reminders (
  device_id text not null references devices (id),
  expires_on date not null,
  days_before int not null check (days_before in (30, 7, 1)),
  company_id text not null references companies (id),
  email_id text references billing_emails (id),
  day date not null,
  primary key (device_id, expires_on, days_before)
);
create index billing_reminders_email on billing_reminders (email_id);

-- R46: the statement of one company for one closed period of its billing cycle, with its figures frozen
-- when the job made it (opening/closing balances and movements per currency, the paid orders, renewals,
-- top-ups, payments and refunds); PDF and XLSX are rendered from these figures on download.
create table billing_statements (
  id text primary key,
  company_id text not null references companies (id),
  billing_cycle text not null check (billing_cycle in ('monthly', 'quarterly', 'yearly')),
  period_start date not null,
  period_end date not null,
  figures jsonb not null,
  created_at timestamptz not null,
  check (period_end >= period_start),
  unique (company_id, period_start, period_end)
);
create index billing_statements_created on billing_statements (company_id, period_end desc);

-- What each step of the daily job made for a business day, last run first: the CLI prints it and an
-- operator sees that a day ran. Re-running a day updates its row; the work itself is keyed above.
create table billing_runs (
  day date not null,
  step text not null check (step ~ '^[a-zA-Z_]{1,40}$'),
  created jsonb not null,
  runs int not null default 1,
  finished_at timestamptz not null,
  primary key (day, step)
);
