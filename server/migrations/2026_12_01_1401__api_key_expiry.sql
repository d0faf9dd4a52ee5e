-- Issue #10 item 16: an API key may carry an expiry; after it the key is refused with API_KEY_EXPIRED.
-- Null keeps today's meaning: valid until revoked.
alter table api_keys add column expires_at timestamptz;
