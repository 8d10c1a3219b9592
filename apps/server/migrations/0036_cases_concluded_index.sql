-- Issue 21 (FR-1): a 卷宗评查 draws from each department's concluded cases of a period, and the plan
-- checks that every department has some. Without this the period was found by reading each
-- department's whole history; with it, one range per department, answered from the index alone.
create index service_case_concluded on service_case (department_id, decided_at) include (id, case_no, region_code)
  where status in ('decided', 'delivered');
