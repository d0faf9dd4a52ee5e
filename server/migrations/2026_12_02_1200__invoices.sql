-- Issue #12: fapiao (R29, R30, R33). Invoice requests, issued invoices (blue and red-letter), red-letter
-- reversals and the one gap-free number series in Kaidan (docs/invoices.md, ADR 0021).

-- What a product is invoiced as: its 税收分类编码 (19 digits) and VAT rate in basis points. The default
-- is 3040201 (信息技术服务 › 软件服务) padded to 19 digits, at the 6% rate of modern services.
alter table products
  add column tax_code text not null default '3040201000000000000' check (tax_code ~ '^[0-9]{19}$'),
  add column tax_rate_bp int not null default 600 check (tax_rate_bp between 0 and 10000);

-- A customer's (or finance's, on its behalf) request for one invoice over paid orders of one payer and
-- currency. Lines are derived by the server from the order lines; amounts are tax-inclusive.
create table invoice_requests (
  id text primary key,
  -- the buyer company (scope: its users and its partner see it); a Citus distribution key
  company_id text not null references companies (id),
  payer_type text not null check (payer_type in ('partner', 'company')),
  payer_id text not null,
  currency text not null check (currency in ('CNY', 'USD')),
  invoice_type text not null check (invoice_type in ('normal', 'special')),
  -- R6: a foreign buyer is invoiced in English
  language text not null check (language in ('zh', 'en')),
  buyer_name text not null,
  buyer_tax_id text,
  buyer_address text,
  buyer_phone text,
  buyer_bank text,
  buyer_account text,
  email text,
  total bigint not null check (total > 0),
  tax_total bigint not null check (tax_total >= 0 and tax_total <= total),
  state text not null default 'requested' check (state in ('requested', 'issued', 'withdrawn', 'refused')),
  requested_by text references users (id),
  requested_at timestamptz not null,
  decided_by text references users (id),
  decided_at timestamptz,
  comment text,
  version int not null default 1,
  -- a 专票 carries the buyer's full tax registration (address, phone, bank and account)
  check (invoice_type = 'normal' or (buyer_tax_id is not null and buyer_address is not null
    and buyer_phone is not null and buyer_bank is not null and buyer_account is not null)),
  check ((state in ('requested')) = (decided_at is null))
);
create index invoice_requests_company on invoice_requests (company_id, requested_at, id);
create index invoice_requests_state on invoice_requests (state, requested_at, id);

create table invoice_request_lines (
  id text primary key,
  request_id text not null references invoice_requests (id),
  line_no int not null,
  order_id text not null references orders (id),
  order_line_id text not null references order_lines (id),
  item_name text not null,
  tax_code text not null check (tax_code ~ '^[0-9]{19}$'),
  tax_rate_bp int not null check (tax_rate_bp between 0 and 10000),
  amount bigint not null check (amount > 0),
  tax bigint not null check (tax >= 0 and tax <= amount),
  unique (request_id, line_no)
);
create index invoice_request_lines_order on invoice_request_lines (order_id);
create index invoice_request_lines_line on invoice_request_lines (order_line_id);

-- The gap-free series: one row per (series, year), incremented inside the issuing transaction. Its row lock
-- is held until commit, so a rolled-back issue gives its number back (a sequence would not: nextval is
-- never rolled back, and a fapiao series may have no holes).
create table invoice_series (
  series text not null check (series in ('normal', 'special', 'red_normal', 'red_special')),
  year int not null check (year between 2000 and 9999),
  last_no bigint not null default 0 check (last_no >= 0),
  primary key (series, year)
);

-- Issued invoices, blue (kind 'blue', positive amounts) and red-letter (kind 'red', negative amounts).
-- Append-only: an issued invoice is never edited (R30); reversals live in their own table.
create table invoices (
  id text primary key,
  number text not null unique,
  series text not null,
  year int not null,
  seq bigint not null check (seq > 0),
  kind text not null check (kind in ('blue', 'red')),
  invoice_type text not null check (invoice_type in ('normal', 'special')),
  company_id text not null references companies (id),
  payer_type text not null,
  payer_id text not null,
  request_id text references invoice_requests (id),
  original_id text references invoices (id),
  reversal_id text,
  reason text,
  currency text not null,
  language text not null check (language in ('zh', 'en')),
  buyer_name text not null,
  buyer_tax_id text,
  buyer_address text,
  buyer_phone text,
  buyer_bank text,
  buyer_account text,
  total bigint not null,
  tax_total bigint not null,
  platform_ref text not null,
  issued_by text references users (id),
  issued_at timestamptz not null,
  issue_date date not null,
  unique (series, year, seq),
  check ((kind = 'blue') = (request_id is not null and original_id is null)),
  check (kind = 'blue' or (original_id is not null and reversal_id is not null and reason is not null)),
  check ((kind = 'blue' and total > 0 and tax_total >= 0) or (kind = 'red' and total < 0 and tax_total <= 0))
);
create unique index invoices_one_per_request on invoices (request_id) where request_id is not null;
create index invoices_company on invoices (company_id, issued_at, id);
create index invoices_issued on invoices (issued_at, id);
create index invoices_original on invoices (original_id) where original_id is not null;

create table invoice_lines (
  id text primary key,
  invoice_id text not null references invoices (id),
  line_no int not null,
  order_id text not null references orders (id),
  order_line_id text not null references order_lines (id),
  -- a red line names the blue line it reverses
  original_line_id text references invoice_lines (id),
  item_name text not null,
  tax_code text not null,
  tax_rate_bp int not null,
  amount bigint not null,
  tax bigint not null,
  unique (invoice_id, line_no)
);
create index invoice_lines_order on invoice_lines (order_id);
create index invoice_lines_original on invoice_lines (original_line_id) where original_line_id is not null;

create trigger invoices_append_only before update or delete on invoices
  for each row execute function forbid_change();
create trigger invoice_lines_append_only before update or delete on invoice_lines
  for each row execute function forbid_change();

-- A red-letter reversal (红冲) of one blue invoice. Where the buyer booked a 专票, the 红字发票信息确认单
-- waits for the buyer's confirmation (pending_confirmation) before the red invoice is issued.
create table invoice_reversals (
  id text primary key,
  invoice_id text not null references invoices (id),
  company_id text not null references companies (id),
  reason text not null check (reason in ('invoicing_error', 'sales_return', 'service_stopped', 'sales_allowance')),
  buyer_booked boolean not null,
  state text not null check (state in ('pending_confirmation', 'issued', 'cancelled')),
  red_invoice_id text references invoices (id),
  requested_by text references users (id),
  requested_at timestamptz not null,
  confirmed_by text references users (id),
  confirmed_at timestamptz,
  comment text,
  version int not null default 1,
  check ((state = 'issued') = (red_invoice_id is not null))
);
create index invoice_reversals_invoice on invoice_reversals (invoice_id);

create table invoice_reversal_lines (
  reversal_id text not null references invoice_reversals (id),
  invoice_line_id text not null references invoice_lines (id),
  amount bigint not null check (amount > 0),
  primary key (reversal_id, invoice_line_id)
);
create index invoice_reversal_lines_line on invoice_reversal_lines (invoice_line_id);

-- R30: red-letter totals never exceed the original, per line (hence per invoice). Checked by the database
-- as well as by the use case: the blue line is locked first, so two concurrent reversals queue here and the
-- second sees the first's amount.
create function check_reversal_within_original() returns trigger language plpgsql as $$
declare
  original bigint;
  reversed bigint;
begin
  select amount into original from invoice_lines where id = new.invoice_line_id for update;
  select coalesce(sum(rl.amount), 0) into reversed
    from invoice_reversal_lines rl join invoice_reversals r on r.id = rl.reversal_id
    where rl.invoice_line_id = new.invoice_line_id and r.state <> 'cancelled';
  if original is null or original <= 0 or reversed > original then
    raise exception 'red-letter reversal of line % exceeds the original (% > %)', new.invoice_line_id, reversed, original
      using errcode = '23514';
  end if;
  return new;
end $$;
create trigger invoice_reversal_lines_within after insert on invoice_reversal_lines
  for each row execute function check_reversal_within_original();

create function check_red_line_within_original() returns trigger language plpgsql as $$
declare
  original bigint;
  reversed bigint;
begin
  if new.original_line_id is null then
    if new.amount <= 0 then
      raise exception 'a blue invoice line is positive' using errcode = '23514';
    end if;
    return new;
  end if;
  select amount into original from invoice_lines where id = new.original_line_id for update;
  select coalesce(-sum(amount), 0) into reversed from invoice_lines where original_line_id = new.original_line_id;
  if new.amount >= 0 or reversed > original then
    raise exception 'red-letter line for % exceeds the original (% > %)', new.original_line_id, reversed, original
      using errcode = '23514';
  end if;
  return new;
end $$;
create trigger invoice_lines_red_within after insert on invoice_lines
  for each row execute function check_red_line_within_original();
