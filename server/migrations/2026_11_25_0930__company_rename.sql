-- R7: a renewal may carry the customer's new company name while it is a draft or submitted; approving
-- the order renames the company. After approval a rename is a request to the order desk.
alter table orders add column rename_to_zh text;
alter table orders add column rename_to_en text;
alter table orders add constraint orders_rename_on_renewals
  check (rename_to_zh is null or order_type = 'renew');

alter table requests drop constraint requests_category_check;
alter table requests add constraint requests_category_check
  check (category in ('topup', 'refund', 'seat_reduction', 'transfer', 'void', 'rename'));
