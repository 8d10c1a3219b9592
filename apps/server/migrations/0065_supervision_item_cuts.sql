-- 电子监察 at the scale of a province (issue 16): 可办率 counts distinct items, which do not add up,
-- so a cut by department, hall or channel counted them from the full grain (region × month ×
-- department × item × channel × basis), millions of rows at 10 million cases; a province's
-- dashboard read all of them twice. These keep the distinct items received per department and per
-- channel, kept by the supervision job like the other aggregates (by each recomputed case's
-- difference) and checked by truth:verify (TRUTH-1).

create table supervision_rollup_item_department (
  region_code     text not null references region(code),
  month           text not null,
  department_id   uuid not null,
  item_id         uuid not null,
  cases           integer not null,
  zero_visit_item integer not null,
  primary key (region_code, month, department_id, item_id)
);
comment on table supervision_rollup_item_department is 'RATE-1 可办率: the cases received per region, month, department and item (and those of a 零跑动 item): the distinct items a department received';

create table supervision_rollup_item_channel (
  region_code     text not null references region(code),
  month           text not null,
  channel         text not null,
  item_id         uuid not null,
  cases           integer not null,
  zero_visit_item integer not null,
  primary key (region_code, month, channel, item_id)
);
comment on table supervision_rollup_item_channel is 'RATE-1 可办率: the cases received per region, month, channel and item (and those of a 零跑动 item): the distinct items received through a channel';

-- What the full grain already counts (the received basis), so an existing installation's figures
-- stay whole without a rebuild.
insert into supervision_rollup_item_department (region_code, month, department_id, item_id, cases, zero_visit_item)
select region_code, month, department_id, item_id, sum(cases), sum(zero_visit_item)
from supervision_rollup where basis = 'received'
group by region_code, month, department_id, item_id;

insert into supervision_rollup_item_channel (region_code, month, channel, item_id, cases, zero_visit_item)
select region_code, month, channel, item_id, sum(cases), sum(zero_visit_item)
from supervision_rollup where basis = 'received'
group by region_code, month, channel, item_id;
