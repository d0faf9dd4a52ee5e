-- Issue #10 item 6: a company can be suspended like a partner. A suspended company is not ordered for and
-- its users commit no money; they still sign in and read.
alter table companies add column state text not null default 'active' check (state in ('active', 'suspended'));
