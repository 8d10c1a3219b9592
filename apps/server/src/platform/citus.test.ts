import { describe, expect, it } from 'vitest';
import { checkTable, citusPlan, foreignKeyOrder, isRowGuard, type TableShape } from './citus';

const table = (name: string, over: Partial<TableShape> = {}): TableShape => ({
  name,
  columns: ['region_code', 'id'],
  primaryKey: ['region_code', 'id'],
  uniques: [],
  foreignKeys: [],
  triggers: [],
  sequenced: [],
  ...over,
});

describe('distribution by region (issue 23)', () => {
  it('a business table keyed by (region_code, id) with region-scoped foreign keys passes', () => {
    const t = table('complaint', {
      uniques: [{ name: 'complaint_no', columns: ['region_code', 'no'] }],
      foreignKeys: [
        {
          name: 'fk',
          columns: ['region_code', 'case_id'],
          references: 'service_case',
          referencedColumns: [],
        },
        { name: 'fk_region', columns: ['region_code'], references: 'region', referencedColumns: ['code'] },
      ],
    });
    expect(checkTable(t)).toEqual([]);
  });

  it('each broken rule is named: key, unique, foreign key, trigger, sequence, missing column', () => {
    const rules = (t: TableShape) => checkTable(t).map((v) => v.rule);
    expect(rules(table('a', { primaryKey: ['id'] }))).toEqual(['primary-key']);
    expect(rules(table('a', { uniques: [{ name: 'u', columns: ['no'] }] }))).toEqual(['unique-key']);
    expect(
      rules(
        table('a', {
          foreignKeys: [{ name: 'f', columns: ['b_id'], references: 'b', referencedColumns: ['id'] }],
        }),
      ),
    ).toEqual(['foreign-key']);
    expect(
      rules(table('a', { triggers: [{ name: 't', body: 'begin update b set n = n + 1; return new; end' }] })),
    ).toEqual(['trigger']);
    expect(rules(table('a', { sequenced: ['id'] }))).toEqual(['sequence']);
    expect(rules(table('a', { columns: ['id'], primaryKey: ['id'] }))).toEqual(['no-region-column']);
  });

  it('an append-only guard trigger (only raises) is allowed; one that reads another table is not', () => {
    expect(isRowGuard(`begin raise exception '% is append-only', tg_table_name; end`)).toBe(true);
    expect(
      isRowGuard(`begin if tg_op = 'UPDATE' then raise exception 'no update'; end if; return null; end`),
    ).toBe(true);
    expect(isRowGuard(`begin perform 1 from other; raise exception 'x'; end`)).toBe(false);
    expect(isRowGuard(`begin update catalog_revision set n = n + 1; return new; end`)).toBe(false);
  });

  it('reference tables may not point at business tables; foreign keys between business tables order the plan', () => {
    expect(
      checkTable(
        table('region', {
          columns: ['code'],
          foreignKeys: [{ name: 'f', columns: ['x'], references: 'service_case', referencedColumns: ['id'] }],
        }),
      ).map((v) => v.rule),
    ).toEqual(['reference-fk']);
    const tables = [
      table('c', {
        foreignKeys: [{ name: 'f', columns: ['region_code', 'b'], references: 'b', referencedColumns: [] }],
      }),
      table('b', {
        foreignKeys: [{ name: 'f', columns: ['region_code', 'a'], references: 'a', referencedColumns: [] }],
      }),
      table('a'),
      table('region', { columns: ['code'], primaryKey: ['code'] }),
    ];
    expect(foreignKeyOrder(tables)).toEqual(['a', 'b', 'c']);
    const plan = citusPlan(tables);
    expect(plan).toContain(`select create_reference_table('region');`);
    expect(plan).toContain(`select create_distributed_table('a', 'region_code');`);
    expect(plan.indexOf(`'b', 'region_code', colocate_with => 'a'`)).toBeLessThan(
      plan.indexOf(`'c', 'region_code', colocate_with => 'a'`),
    );
  });
});
