-- Issue #13 slice 1 (R18, R19, seed 003): the device package taxonomy, devices per company, their bound
-- renewal package and value-added packages. ADR 0023 explains why this is its own taxonomy and not
-- catalog products.

-- 套餐大类 (level 'category') and 套餐小类 (level 'subcategory', under one category). `type` says whether
-- the packages filed under it are renewal (续费) or value-added (增值) packages.
create table package_classes (
  id text primary key,
  level text not null check (level in ('category', 'subcategory')),
  code text not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$'),
  name_zh text not null check (length(name_zh) between 1 and 100),
  name_en text check (length(name_en) <= 100),
  type text not null check (type in ('renewal', 'value_added')),
  parent_id text references package_classes (id),
  created_at timestamptz not null,
  version int not null default 1,
  unique (level, code),
  check ((level = 'category') = (parent_id is null))
);
create index package_classes_parent on package_classes (parent_id);

-- 套餐: a renewal or value-added package, priced per device-month in one currency (minor units).
create table device_packages (
  id text primary key,
  code text not null unique check (code ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$'),
  name_zh text not null check (length(name_zh) between 1 and 100),
  name_en text check (length(name_en) <= 100),
  kind text not null check (kind in ('renewal', 'value_added')),
  category_id text not null references package_classes (id),
  subcategory_id text not null references package_classes (id),
  amount bigint not null check (amount >= 0),
  pricing_method text not null check (pricing_method in ('per_device_month')),
  currency text not null check (currency in ('CNY', 'USD')),
  created_at timestamptz not null,
  version int not null default 1
);
create index device_packages_category on device_packages (category_id);
create index device_packages_subcategory on device_packages (subcategory_id);

-- A device is a licensed unit of one company (R18); `device_no` is the customer's own id for it, unique
-- within the company. Every tenant table carries company_id (Citus distribution key, docs/scaling.md).
create table devices (
  id text primary key,
  company_id text not null references companies (id),
  device_no text not null check (device_no ~ '^[^[:space:],;]{1,64}$'),
  type text not null check (type ~ '^[^[:space:],;]{1,64}$'),
  state text not null default 'active' check (state in ('active', 'deactivated')),
  renewal_package_id text references device_packages (id),
  expires_on date,
  state_changed_at timestamptz,
  created_at timestamptz not null,
  version int not null default 1,
  unique (company_id, device_no)
);
create index devices_company_type on devices (company_id, type);
create index devices_package on devices (renewal_package_id) where renewal_package_id is not null;
create index devices_expiry on devices (expires_on, id);

-- Value-added packages on top of a device's renewal package (R18).
create table device_value_added (
  device_id text not null references devices (id),
  company_id text not null references companies (id),
  package_id text not null references device_packages (id),
  created_at timestamptz not null,
  primary key (device_id, package_id)
);
create index device_value_added_package on device_value_added (package_id);
