-- Issue #12 (R34): the business calendar's own days, edited by admins and read before chinese-days.
-- A row overrides one date: a holiday declared on a workday, or a weekend day that counts (调休) before
-- the package ships the year's arrangement.
create table calendar_overrides (
  day date primary key,
  kind text not null check (kind in ('workday', 'holiday')),
  note text not null check (length(note) between 1 and 200),
  updated_by text references users (id),
  updated_at timestamptz not null
);

-- The review deadline counted some day the calendar did not know (a year chinese-days does not cover,
-- not overridden): it is an estimate over Monday–Friday and says so.
alter table requests add column due_provisional boolean not null default false;
