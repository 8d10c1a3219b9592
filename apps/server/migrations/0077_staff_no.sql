-- 工号: the number a stationed person wears on the badge and the window pad shows with the photo
-- (issue 17, EVAL-3), unique in the region; optional (older records have none).
alter table staff add column staff_no text;
create unique index staff_no_unique on staff (region_code, staff_no) where staff_no is not null;
comment on column staff.staff_no is '工号: shown on the badge, the 公示牌 and the window pad; unique in the region';
