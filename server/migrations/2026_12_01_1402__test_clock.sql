-- Issue #10 item 18: the test clock's offset from real time (KAIDAN_TEST_CLOCK=1 only), kept so that a
-- restart does not send the server's time back behind rows it already wrote. One row at most.
create table test_clock (
  id int primary key check (id = 1),
  offset_ms int8 not null,
  updated_at timestamptz not null
);
