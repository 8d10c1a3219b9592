-- Stored files were served to anyone who knew their hash. Only files meant for the public (staff
-- photos on the 公示牌) stay public; evidence and application materials need a staff sign-in.
alter table stored_file add column public boolean not null default false;
comment on column stored_file.public is 'true: served without sign-in (公示牌 photos); false: staff only';
update stored_file set public = true where sha256 in (select photo from staff where photo is not null);
