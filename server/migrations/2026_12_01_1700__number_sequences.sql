-- Issue #11: document numbers from a sequence per kind instead of one counter row per (kind, day) that
-- every order queued on until COMMIT. Numbers stay unique and sortable by day; gaps are allowed
-- (docs/numbering.md). Each sequence starts above every number its kind was ever given by the counters,
-- so no new number can equal an old one.
create sequence order_number_seq;
create sequence request_number_seq;
select setval('order_number_seq', coalesce((select max(last) from number_counters where kind = 'order'), 0) + 1, false);
select setval('request_number_seq', coalesce((select max(last) from number_counters where kind = 'request'), 0) + 1, false);
drop table number_counters;
