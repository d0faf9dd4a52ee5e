-- Issue #10 item 10: a request is visible to the party that filed it (and to staff), so the filing party is
-- kept on the request as it was when filed: its kind and its partner or company id. Earlier requests take
-- it from their creator; a request without one (a job, a fixture) is staff's.
alter table requests add column filer_kind text not null default 'staff'
  check (filer_kind in ('partner', 'customer', 'staff'));
alter table requests add column filer_party_id text;
update requests r set
    filer_kind = case when u.partner_id is not null then 'partner' when u.company_id is not null then 'customer'
      else 'staff' end,
    filer_party_id = coalesce(u.partner_id, u.company_id)
  from users u where u.id = r.created_by;
create index requests_company on requests (company_id, created_at);
