-- Double-entry ledger and prepaid wallets. Balances are derived from postings; the wallet row caches
-- them so a balance decision is one conditional UPDATE (never read-then-write).

create table ledger_accounts (
  id text primary key,
  -- e.g. 'wallet', 'offline_cash', 'revenue', 'pass_through_payable', 'offline_settlement'
  code text not null,
  currency text not null check (currency in ('CNY', 'USD')),
  -- the party an account belongs to; null for the vendor's own accounts
  owner_id text,
  created_at timestamptz not null
);
create unique index ledger_accounts_key on ledger_accounts (code, currency, coalesce(owner_id, ''));

create table journal_entries (
  id text primary key,
  kind text not null,
  currency text not null check (currency in ('CNY', 'USD')),
  ref_type text not null,
  ref_id text not null,
  memo text,
  created_at timestamptz not null
);
create index journal_entries_ref on journal_entries (ref_type, ref_id);
-- R27: an order is settled offline at most once.
create unique index journal_entries_once on journal_entries (kind, ref_id) where kind in ('settled_offline', 'topup');

-- Signed postings: debit positive, credit negative. An entry's postings sum to zero per currency.
create table postings (
  id bigint generated always as identity primary key,
  entry_id text not null references journal_entries (id),
  account_id text not null references ledger_accounts (id),
  amount bigint not null check (amount <> 0)
);
create index postings_account on postings (account_id);
create index postings_entry on postings (entry_id);

create trigger journal_entries_append_only before update or delete on journal_entries
  for each row execute function forbid_change();
create trigger postings_append_only before update or delete on postings
  for each row execute function forbid_change();

-- Checked at commit, once all of an entry's postings are in: unbalanced or mixed-currency entries fail.
create function check_entry_balanced() returns trigger language plpgsql as $$
declare
  total numeric;
  mixed int;
begin
  select coalesce(sum(p.amount), 0), count(*) filter (where a.currency <> e.currency)
    into total, mixed
    from postings p join ledger_accounts a on a.id = p.account_id join journal_entries e on e.id = p.entry_id
    where p.entry_id = new.entry_id;
  if total <> 0 or mixed > 0 then
    raise exception 'journal entry % does not balance (sum %, foreign-currency postings %)',
      new.entry_id, total, mixed using errcode = '23514';
  end if;
  return null;
end $$;
create constraint trigger postings_balanced after insert on postings
  deferrable initially deferred for each row execute function check_entry_balanced();

create table wallets (
  id text primary key,
  owner_type text not null check (owner_type in ('partner', 'company')),
  owner_id text not null,
  currency text not null check (currency in ('CNY', 'USD')),
  account_id text not null references ledger_accounts (id),
  -- caches of −Σ postings on account_id and Σ active holds
  balance bigint not null default 0,
  held bigint not null default 0 check (held >= 0),
  created_at timestamptz not null,
  version int not null default 1,
  unique (owner_type, owner_id, currency),
  check (balance - held >= 0)
);

create table holds (
  id text primary key,
  wallet_id text not null references wallets (id),
  ref_type text not null,
  ref_id text not null,
  amount bigint not null check (amount > 0),
  state text not null default 'active' check (state in ('active', 'captured', 'released')),
  created_at timestamptz not null,
  settled_at timestamptz
);
create unique index holds_active_ref on holds (ref_type, ref_id) where state = 'active';
create index holds_wallet on holds (wallet_id) where state = 'active';
