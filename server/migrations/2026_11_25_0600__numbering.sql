-- Human document numbers (KD-20261125-0001): one counter per kind and Asia/Shanghai business day.
create table number_counters (
  kind text not null,
  day date not null,
  last int not null,
  primary key (kind, day)
);
