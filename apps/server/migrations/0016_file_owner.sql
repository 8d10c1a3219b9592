-- Issue 12, point 4: a stored file was readable by any signed-in staff of any region or department.
-- A file is now readable only by those who may read the record it belongs to, so each attachment
-- records its owner. Content addressing stores the same bytes once, so one file may have several
-- owners; reading any one of them is enough.
create table stored_file_owner (
  region_code text not null references region(code),
  sha256      text not null references stored_file(sha256),
  owner_kind  text not null check (owner_kind in ('case', 'case_draft', 'ledger_measure', 'staff_photo')),
  owner_id    uuid not null,
  created_at  timestamptz not null default now(),
  primary key (region_code, sha256, owner_kind, owner_id)
);
create index stored_file_owner_sha256_idx on stored_file_owner (sha256);
comment on table stored_file_owner is 'which record a stored file is attached to; GET /files/<sha256> asks the owner''s module whether the reader may read that record';
comment on column stored_file_owner.owner_kind is 'case (case_material), case_draft (online materials; readable once the draft became a case), ledger_measure (progress evidence), staff_photo (public 公示牌)';

-- The files attached before this migration, from the records that name them.
insert into stored_file_owner (region_code, sha256, owner_kind, owner_id)
select distinct m.region_code, m.file_sha256, 'case', m.case_id
from case_material m
where m.file_sha256 is not null
on conflict do nothing;

insert into stored_file_owner (region_code, sha256, owner_kind, owner_id)
select distinct d.region_code, f.value ->> 'sha256', 'case_draft', d.id
from case_draft d cross join lateral jsonb_array_elements(d.files) f
where f.value ->> 'sha256' in (select sha256 from stored_file)
on conflict do nothing;

insert into stored_file_owner (region_code, sha256, owner_kind, owner_id)
select distinct p.region_code, e.sha256, 'ledger_measure', p.measure_id
from ledger_progress p cross join lateral unnest(p.evidence_files) as e(sha256)
where e.sha256 in (select sha256 from stored_file)
on conflict do nothing;

insert into stored_file_owner (region_code, sha256, owner_kind, owner_id)
select distinct s.region_code, s.photo, 'staff_photo', s.id
from staff s
where s.photo is not null and s.photo in (select sha256 from stored_file)
on conflict do nothing;
