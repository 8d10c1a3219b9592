-- The public catalog's search index also carries department names, so renaming a department must
-- move the revision that tells each process to reload it (see 0008).
create trigger department_catalog_revision
  after update on department
  for each statement execute function bump_catalog_revision();
