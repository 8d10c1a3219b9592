import { CompiledQuery } from 'kysely';
import { describe, expect, it } from 'vitest';
import { combineWrites, poolSize, shiftPlaceholders } from './db';

describe('one round trip for several writes', () => {
  it('shifts placeholders but not text inside quotes', () => {
    expect(shiftPlaceholders(`update "t" set "a" = $1, "b$2" = '$3 ''$4''' where "id" = $2`, 5)).toBe(
      `update "t" set "a" = $6, "b$2" = '$3 ''$4''' where "id" = $7`,
    );
    expect(shiftPlaceholders('select $10, $9', 1)).toBe('select $11, $10');
  });

  it('combines statements into one with a shared parameter list, in order', () => {
    const q = combineWrites([
      CompiledQuery.raw('insert into a (x, y) values ($1, $2)', [1, 2]),
      CompiledQuery.raw('update b set z = $1 where id = $2', ['z', 'id']),
    ]);
    expect(q.sql).toBe(
      'with w0 as (insert into a (x, y) values ($1, $2)), w1 as (update b set z = $3 where id = $4) select 1',
    );
    expect(q.parameters).toEqual([1, 2, 'z', 'id']);
  });

  it('leaves a single statement as it is', () => {
    const one = CompiledQuery.raw('delete from a where id = $1', [7]);
    expect(combineWrites([one])).toBe(one);
  });
});

describe('the PostgreSQL pool size', () => {
  it('defaults to twice the cores, at least two', () => {
    expect(poolSize({}, 2)).toEqual({ max: 4, min: 4 });
    expect(poolSize({}, 16)).toEqual({ max: 32, min: 32 });
    expect(poolSize({}, 1)).toEqual({ max: 2, min: 2 });
    expect(poolSize({ DB_POOL_MIN: '1' }, 2)).toEqual({ max: 4, min: 1 });
  });

  it('keeps every connection it opened unless DB_POOL_MIN says fewer', () => {
    expect(poolSize({ DB_POOL_MAX: '20' })).toEqual({ max: 20, min: 20 });
    expect(poolSize({ DB_POOL_MAX: '20', DB_POOL_MIN: '4' })).toEqual({ max: 20, min: 4 });
    expect(poolSize({ DB_POOL_MAX: '5', DB_POOL_MIN: '8' })).toEqual({ max: 5, min: 5 });
    expect(poolSize({ DB_POOL_MAX: '', DB_POOL_MIN: '0' }, 5)).toEqual({ max: 10, min: 0 });
  });

  it('refuses sizes that are not whole numbers in range, naming the setting', () => {
    expect(() => poolSize({ DB_POOL_MAX: '0' })).toThrow(/DB_POOL_MAX/);
    expect(() => poolSize({ DB_POOL_MAX: 'ten' })).toThrow(/DB_POOL_MAX/);
    expect(() => poolSize({ DB_POOL_MIN: '-1' })).toThrow(/DB_POOL_MIN/);
    expect(() => poolSize({ DB_POOL_MIN: '2.5' })).toThrow(/DB_POOL_MIN/);
  });
});
