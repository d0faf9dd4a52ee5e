-- Failed sign-ins per email, so repeated guessing is slowed down (counted over a sliding window).
create table sign_in_failures (
  email_key text not null,
  at timestamptz not null
);
create index sign_in_failures_key on sign_in_failures (email_key, at);
