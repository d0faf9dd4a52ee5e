-- R29 / R35: money that arrives for an attempt that no longer waits (its order voided or expired, its QR code
-- closed) is returned by its channel without anyone filing a refund: a refund payment with no request and
-- no order, only the attempt it returns. At most one per attempt, however often the provider redelivers.
alter table refund_payments alter column request_id drop not null, alter column order_id drop not null;
alter table refund_payments add constraint refund_payments_requested_or_late
  check ((request_id is null) = (order_id is null) and (request_id is not null or attempt_id is not null));
create unique index refund_payments_late_once on refund_payments (attempt_id) where request_id is null;
