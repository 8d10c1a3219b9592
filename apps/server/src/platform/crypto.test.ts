import { describe, expect, it } from 'vitest';
import { uuidv7 } from './crypto';

describe('uuidv7', () => {
  it('is a well-formed version 7 UUID whose first 48 bits are the milliseconds given', () => {
    const ms = Date.UTC(2026, 11, 5, 1, 2, 3, 456);
    const id = uuidv7(ms);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(ms);
  });

  it('orders by time across milliseconds and is unique within one', () => {
    const earlier = uuidv7(1_000_000);
    const later = uuidv7(1_000_001);
    expect(earlier < later).toBe(true);
    const same = new Set(Array.from({ length: 10_000 }, () => uuidv7(5)));
    expect(same.size).toBe(10_000);
  });
});
