-- Sessions and API keys (issue #2). Only sha256 digests of the secrets are stored, so a copy of these
-- tables signs nobody in. Rows are keyed by the owning user; disabling the user ends both at once.

create table sessions (
  id text primary key,
  user_id text not null references users (id),
  token_hash text not null unique,
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  -- Sliding: moved forward on use, but never past created_at + the absolute lifetime (docs/auth.md).
  expires_at timestamptz not null
);
create index sessions_user on sessions (user_id);

create table api_keys (
  id text primary key,
  user_id text not null references users (id),
  name text not null,
  -- The first characters of the secret, shown in lists so an operator can tell keys apart.
  prefix text not null,
  key_hash text not null unique,
  created_by text references users (id),
  created_at timestamptz not null,
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_keys_user on api_keys (user_id);
