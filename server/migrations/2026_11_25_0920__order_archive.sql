-- R5: an order whose countersigned contract has gone back to the customer is archived (归档). From then on
-- its creator cannot void it and the desk cannot cancel the contract arrival: only a void request carrying
-- the customer's signed void document or a manager's approval, decided by the order desk, voids it.
alter table orders add column archived_at timestamptz;
alter table orders add column archived_by text references users (id);
alter table orders add constraint orders_archived_after_contract
  check (archived_at is null or contract_arrived_at is not null);

alter table requests drop constraint requests_category_check;
alter table requests add constraint requests_category_check
  check (category in ('topup', 'refund', 'seat_reduction', 'transfer', 'void'));
-- At most one open void request per order: a second would only race the first.
create unique index requests_one_open_void on requests ((payload ->> 'orderId'))
  where category = 'void' and state in ('draft', 'submitted', 'returned');
