-- Issue #12: an order is paid by one method (R28, R29). 'wallet' captures from the payer's wallet as
-- before; any other method pays through payment attempts that name the order (purpose 'order'), each a
-- payment that a refund goes back through (R35). An order waiting for such a payment is 'approved' with
-- payment_due_at: nothing is granted until a payment settles it, and it expires at that time.
alter table orders
  add column payment_method text not null default 'wallet'
    check (payment_method in ('wallet', 'offline', 'sandbox', 'wechatpay', 'alipay', 'paypal')),
  add column payment_due_at timestamptz;

alter table payment_attempts drop constraint payment_attempts_purpose_check;
alter table payment_attempts
  add column order_id text references orders (id),
  add constraint payment_attempts_purpose_check check (purpose in ('topup', 'order')),
  add constraint payment_attempts_order_check check ((purpose = 'order') = (order_id is not null));
create index payment_attempts_order on payment_attempts (order_id) where order_id is not null;
