-- A bank-transfer payment of an order (R29 offline) is refunded by finance's own bank transfer (R35: the
-- original channel); its refund payment is owed ('processing') from the approval, with no provider job.
alter table refund_payments drop constraint refund_payments_channel_check;
alter table refund_payments add constraint refund_payments_channel_check
  check (channel in ('wallet', 'offline', 'sandbox', 'wechatpay', 'alipay', 'paypal'));
