-- R7: one open rename request per company; a second would race the first (the filer is told which one).
create unique index requests_one_open_rename on requests (company_id)
  where category = 'rename' and state in ('draft', 'submitted', 'returned');
