-- Issue 17 (bench:evaluations): the figures counted every rating of the period on each call, 477 ms
-- at p99 over 1,000,000 ratings. They now read this rollup: one row per region, Shanghai day,
-- channel, rated clerk, window, department and item, updated in the transaction that changes what it
-- counts (a rating submitted, a 差评 opened, rectified or called back, an appeal upheld). TRUTH-1:
-- the counts are still computed from the ratings, only earlier; `npm run truth:verify` counts them
-- again from eval_rating and eval_bad_review and names each row that disagrees.
create table eval_rating_day (
  -- A row key of its own: the subject columns may be null (a rating of no clerk), so they key the
  -- row through the unique constraint below, and a primary key needs region_code (ADR 0006).
  id              uuid not null default gen_random_uuid(),
  region_code     text not null references region(code),
  day             date not null,
  channel         text not null check (channel in ('site', 'online', 'sms')),
  staff_id        uuid,
  window_id       uuid,
  department_id   uuid,
  item_id         uuid,
  -- The greatest name each was rated under that day (the figures show max(name), as before).
  staff_name      text,
  window_name     text,
  department_name text,
  item_name       text,
  ratings         integer not null default 0,
  good            integer not null default 0,
  bad             integer not null default 0,
  bad_reviews     integer not null default 0,
  rectified       integer not null default 0,
  called_back     integer not null default 0,
  primary key (region_code, id),
  constraint eval_rating_day_key unique nulls not distinct
    (region_code, day, channel, staff_id, window_id, department_id, item_id)
);
create index eval_rating_day_department_idx on eval_rating_day (region_code, department_id, day);
comment on table eval_rating_day is
  'EVAL-4 figures per Shanghai day and rated subject, counting ratings not excluded on appeal (TRUTH-1: kept equal to eval_rating and eval_bad_review; truth:verify checks)';

-- 主动评价率 counts the rated cases concluded in the period: read from the ratings that have a case.
create index eval_rating_concluded_idx on eval_rating (region_code, case_concluded_at)
  where case_id is not null;

insert into eval_rating_day (region_code, day, channel, staff_id, window_id, department_id, item_id,
  staff_name, window_name, department_name, item_name, ratings, good, bad, bad_reviews, rectified, called_back)
select r.region_code, (r.created_at at time zone 'Asia/Shanghai')::date, r.channel, r.staff_id, r.window_id,
  r.department_id, r.item_id, max(r.staff_name), max(r.window_name), max(r.department_name), max(r.item_name),
  count(*) filter (where not r.excluded),
  count(*) filter (where not r.excluded and r.level >= 4),
  count(*) filter (where not r.excluded and r.level <= 2),
  count(b.id) filter (where not r.excluded),
  count(b.rectified_at) filter (where not r.excluded),
  count(b.called_back_at) filter (where not r.excluded)
from eval_rating r
left join eval_bad_review b on b.region_code = r.region_code and b.rating_id = r.id
group by 1, 2, 3, 4, 5, 6, 7;
