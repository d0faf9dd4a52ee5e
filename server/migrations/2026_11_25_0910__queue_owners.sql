-- Issue #3: every item of the review queue has a named owner. Orders record who took them (R5);
-- requests can be claimed by one member of the owning team so two colleagues do not work on the same one.
alter table orders add column received_by text references users (id);
alter table requests add column claimed_by text references users (id);
alter table requests add column claimed_at timestamptz;
create index requests_claimed_by on requests (claimed_by) where claimed_by is not null;
