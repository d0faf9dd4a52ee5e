-- Keyset lists (ADR 0005): a page of the busiest lists in their sort orders is an index range scan on
-- (sort column, id), not a sort of the whole table.
create index orders_created_keyset on orders (created_at, id);
create index orders_total_keyset on orders (total, id);
create index requests_created_keyset on requests (created_at, id);
create index requests_due_keyset on requests ((coalesce(due_at, 'infinity'::timestamptz)), id);
