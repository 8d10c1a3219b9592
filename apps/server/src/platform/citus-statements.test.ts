import { describe, expect, it } from 'vitest';
import { namesRegion, offendingTables, regionFreeName, tablesOf } from './citus-statements';

const known = new Set(['service_case', 'case_event', 'region', 'user_session']);

describe('the statement check (issue 23: every statement on a business table names its region_code)', () => {
  it('finds the tables of selects, joins, updates, inserts and deletes', () => {
    expect(
      tablesOf('select * from "service_case" as "c" inner join "case_event" as "e" on e.case_id = c.id'),
    ).toEqual(['service_case', 'case_event']);
    expect(tablesOf('update "service_case" set "status" = $1 where "id" = $2')).toEqual(['service_case']);
    expect(tablesOf('delete from user_session where token_hash = $1')).toEqual(['user_session']);
  });

  it('a condition on region_code or an inserted region_code names the region', () => {
    expect(namesRegion('select * from "service_case" where "region_code" = $1 and "id" = $2')).toBe(true);
    expect(namesRegion('select * from service_case where region_code like $1')).toBe(true);
    expect(namesRegion('select id from service_case where region_code >= $1 and region_code < $2')).toBe(
      true,
    );
    expect(namesRegion('insert into "case_event" ("region_code", "case_id") values ($1, $2)')).toBe(true);
    expect(namesRegion('select "region_code" from "service_case" where "id" = $1')).toBe(false);
  });

  it('reports business tables touched without a region; reference and local tables never', () => {
    expect(offendingTables('select * from "service_case" where "id" = $1', known)).toEqual(['service_case']);
    expect(
      offendingTables('select * from "service_case" where "region_code" = $1 and "id" = $2', known),
    ).toEqual([]);
    expect(offendingTables('select * from "region" where "code" = $1', known)).toEqual([]);
    expect(offendingTables('delete from "user_session" where "token_hash" = $1', known)).toEqual([]);
    expect(offendingTables('select 1', known)).toEqual([]);
  });

  it('a statement named region-free carries its name at its end, and only there', () => {
    expect(
      regionFreeName(
        'select * from "license" where "verify_token" = $1 /* region-free: cases.license-by-token */',
      ),
    ).toBe('cases.license-by-token');
    expect(regionFreeName('select * from "license" where "verify_token" = $1')).toBeUndefined();
    expect(regionFreeName("select '/* region-free: x */' from license where id = $1")).toBeUndefined();
  });
});
