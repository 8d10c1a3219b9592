-- 长期坚持 measures recur after sign-off: each period (month, quarter, half-year, year) needs fresh
-- evidence from the owner; a period that ends without it is a lapse the ledger shows (issue 15).
alter table ledger_measure add column recur_period text
  check (recur_period in ('month', 'quarter', 'half_year', 'year'));
comment on column ledger_measure.recur_period is '长期坚持: how often fresh evidence is due after sign-off (null = quarter); ignored for other kinds';

-- 移交线索 per finding (ledger_inspection.leads_referred stays for leads not tied to one finding).
create table ledger_lead (
  id            uuid not null default gen_random_uuid(),
  region_code   text not null references region(code),
  inspection_id uuid not null references ledger_inspection(id) on delete cascade,
  finding_id    uuid references ledger_finding(id),
  count         integer not null check (count > 0),
  date          date not null,
  receiver      text not null default '',
  note          text not null default '',
  primary key (region_code, id)
);
comment on table ledger_lead is '移交问题线索 per finding: how many leads went to whom (纪检监察机关 …) and when';
create index ledger_lead_inspection_idx on ledger_lead (inspection_id);
