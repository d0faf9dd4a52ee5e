-- Issue #13 slice 3 (R21, seed 003 设备到期维护): an Excel expiry import is staged first. The upload is
-- parsed into device_import_rows with each bad row's reason; nothing touches devices until the uploader
-- confirms, and the confirm is a conditional UPDATE on the import's state so it applies at most once
-- (ADR 0025). company_id is the chosen root company (Citus distribution key, docs/scaling.md).
create table device_imports (
  id text primary key,
  company_id text not null references companies (id),
  depth text not null check (depth in ('direct', 'all')),
  allow_past boolean not null,
  file_name text not null check (length(file_name) between 1 and 200),
  state text not null default 'previewed' check (state in ('previewed', 'applied')),
  total_rows int not null default 0,
  valid_rows int not null default 0,
  error_rows int not null default 0,
  applied_rows int,
  created_by text references users (id),
  created_at timestamptz not null,
  applied_by text references users (id),
  applied_at timestamptz,
  version int not null default 1
);
create index device_imports_company on device_imports (company_id, created_at);

-- One row per spreadsheet row as read (the report repeats them with their error). device_id is the
-- resolved device when the row names exactly one in the chosen tree; before_on/changed are filled when
-- the import is applied, so the trail can say what each expiry was.
create table device_import_rows (
  import_id text not null references device_imports (id),
  company_id text not null references companies (id),
  row_no int not null,
  device_no text,
  company_ref text,
  expiry_text text,
  expires_on date,
  device_id text references devices (id),
  error text check (error in ('empty_row', 'device_missing', 'not_found', 'ambiguous', 'duplicate',
    'date_missing', 'date_invalid', 'date_past')),
  first_row int,
  before_on date,
  changed boolean not null default false,
  primary key (import_id, row_no)
);
create index device_import_rows_errors on device_import_rows (import_id, row_no) where error is not null;
