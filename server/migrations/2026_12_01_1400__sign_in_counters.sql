-- Issue #10 item 12: sign-in attempts are counted before the password is checked, one row per scope and
-- key, taken with a conditional upsert so a concurrent burst cannot read a stale count. Scopes: 'pair'
-- (account + client address, progressive: each window that ended locked doubles the next, `strikes`),
-- 'address' (every account from one address) and 'account' (every address, a high ceiling against
-- distributed guessing). Replaces sign_in_failures, whose rows were read and then inserted.
create table sign_in_counters (
  scope text not null check (scope in ('pair', 'address', 'account')),
  key text not null,
  count int not null,
  strikes int not null default 0,
  window_until timestamptz not null,
  primary key (scope, key)
);
create index sign_in_counters_window on sign_in_counters (window_until);
drop table sign_in_failures;
