-- Issue #12, R29 (ADR 0020): an order paid by bank transfer is a payment attempt with provider 'offline':
-- whoever recorded it gives the bank reference (R43 evidence) and finance — never the recorder — confirms
-- (paid) or declines (failed) it with a comment.
alter table payment_attempts
  add column bank_reference text,
  add column evidence_note text,
  add column decided_by text,
  add column decision_comment text,
  add constraint payment_attempts_offline_check
    check (provider <> 'offline' or (bank_reference is not null and purpose = 'order'));
-- One open offline transfer per order: finance decides it before another is recorded.
create unique index payment_attempts_offline_open on payment_attempts (order_id)
  where provider = 'offline' and state = 'pending';
