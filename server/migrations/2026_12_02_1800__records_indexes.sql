-- Issue #13 slice 5 (R39, seed 003 订单管理): finance's list names a device order `value_added` when any of
-- its items carries a value-added charge, and every list shows the value-added share. An order may hold
-- 100 000 items: the test stops at the first, and the share sums only the charged items, index-only.
create index device_order_items_value_added on device_order_items (order_id) include (value_added_amount)
  where value_added_amount > 0;
-- Paid device orders by payment time, the billing list's default order.
create index device_orders_paid on device_orders (paid_at, id) where state = 'paid';
