import { describe, expect, it } from 'vitest';
import { containsNul, toApiError } from './errors';

describe('errors: input-caused failures are 4xx (issue 12, point 6)', () => {
  it('PostgreSQL 22021 (a NUL byte in text) is a 400 with a Chinese message', () => {
    const err = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
      code: '22021',
    });
    const { status, body } = toApiError(err);
    expect(status).toBe(400);
    expect(body.code).toBe('VALIDATION');
    expect(body.message).toMatch(/字符/);
  });

  it('the multipart parser’s errors (no boundary, cut-off body) are 400; any other plain error stays 500', () => {
    for (const m of [
      'Multipart: Boundary not found',
      'Unexpected end of multipart data',
      'Part terminated early due to unexpected end of multipart data',
    ])
      expect(toApiError(new Error(m)).status, m).toBe(400);
    expect(
      toApiError(Object.assign(new Error('x'), { code: 'FST_MP_PREMATURE_CLOSE', statusCode: 400 })).body
        .message,
    ).toMatch(/上传/);
    expect(toApiError(new Error('Cannot read properties of undefined')).status).toBe(500);
  });

  it('a NUL is found in any string or key, however deep', () => {
    expect(containsNul({ a: [{ b: 'x\u0000' }] })).toBe(true);
    expect(containsNul({ ['k\u0000']: 1 })).toBe(true);
    expect(containsNul({ a: ['x', 1, null, { b: '正常文本' }] })).toBe(false);
  });
});
