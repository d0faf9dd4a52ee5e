-- Issue #11 (ADR 0011): API servers cache what a credential resolves to (user, roles, partner or company,
-- key expiry). Any write that changes it notifies channel kaidan_principal with the user id, inside the
-- writing transaction, so every listening process drops that user's entries when it commits — whatever
-- wrote it (a use case, the CLI in another process, an operator in psql). Payload '' means "drop all".
-- The WHEN clauses keep the per-request writes (last_used_at, a session's sliding expiry) silent.
create function kaidan_principal_changed() returns trigger language plpgsql as $$
begin
  if tg_table_name = 'users' then
    perform pg_notify('kaidan_principal', old.id);
  else
    perform pg_notify('kaidan_principal', old.user_id);
  end if;
  return null;
end;
$$;

create trigger users_principal_update after update on users for each row
  when (old.state is distinct from new.state or old.roles is distinct from new.roles
    or old.partner_id is distinct from new.partner_id or old.company_id is distinct from new.company_id
    or old.id is distinct from new.id)
  execute function kaidan_principal_changed();
create trigger users_principal_delete after delete on users for each row
  execute function kaidan_principal_changed();

create trigger api_keys_principal_update after update on api_keys for each row
  when (old.revoked_at is distinct from new.revoked_at or old.expires_at is distinct from new.expires_at
    or old.key_hash is distinct from new.key_hash or old.user_id is distinct from new.user_id)
  execute function kaidan_principal_changed();
create trigger api_keys_principal_delete after delete on api_keys for each row
  execute function kaidan_principal_changed();

create trigger sessions_principal_update after update on sessions for each row
  when (new.expires_at < old.expires_at or old.token_hash is distinct from new.token_hash
    or old.user_id is distinct from new.user_id)
  execute function kaidan_principal_changed();
create trigger sessions_principal_delete after delete on sessions for each row
  execute function kaidan_principal_changed();
