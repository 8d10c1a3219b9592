import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { createHmac } from 'node:crypto';
import { DEFAULT_SCRYPT_N, MAX_SCRYPT_N, hashPassword, hmacSm3Hex, uuidv7, verifyPassword } from './crypto';

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

describe('hmacSm3Hex', () => {
  it('is HMAC-SM3 under each key given, with keys made once never mixed up', () => {
    const keys = ['00'.repeat(32), 'ab'.repeat(32)];
    for (const round of [1, 2])
      for (const key of keys)
        expect(hmacSm3Hex(key, `session:${round}`)).toBe(
          createHmac('sm3', Buffer.from(key, 'hex')).update(`session:${round}`).digest('hex'),
        );
    expect(hmacSm3Hex(keys[0]!, 'x')).not.toBe(hmacSm3Hex(keys[1]!, 'x'));
  });
});

describe('password hashes', () => {
  it('record their scrypt cost, and a hash made at one cost verifies whatever the configured cost', async () => {
    const cheap = await hashPassword('Lanshan#Qiao-58', 1024);
    expect(cheap).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyPassword('Lanshan#Qiao-58', cheap)).toBe(true);
    expect(await verifyPassword('Lanshan#Qiao-59', cheap)).toBe(false);
    const standard = await hashPassword('Lanshan#Qiao-58');
    expect(standard.split('$')[1]).toBe(String(DEFAULT_SCRYPT_N));
    expect(await verifyPassword('Lanshan#Qiao-58', standard)).toBe(true);
  });

  it("work at the highest cost configuration accepts (beyond Node's default 32 MiB for scrypt)", async () => {
    const costly = await hashPassword('Lanshan#Qiao-58', MAX_SCRYPT_N);
    expect(costly.split('$')[1]).toBe(String(MAX_SCRYPT_N));
    expect(await verifyPassword('Lanshan#Qiao-58', costly)).toBe(true);
  });
});

describe('PASSWORD_SCRYPT_N', () => {
  const env = (n?: string) => ({
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'tongban-config-')),
    TONGBAN_LOOKUP_KEY: 'a'.repeat(64),
    TONGBAN_SM4_KEY: 'b'.repeat(32),
    ...(n === undefined ? {} : { PASSWORD_SCRYPT_N: n }),
  });
  it('defaults to 16384 and takes a power of two from 1024', () => {
    expect(loadConfig(env(), []).passwordCost).toBe(DEFAULT_SCRYPT_N);
    expect(loadConfig(env('1024'), []).passwordCost).toBe(1024);
    expect(loadConfig(env(String(MAX_SCRYPT_N)), []).passwordCost).toBe(MAX_SCRYPT_N);
  });
  it('refuses a cost that is too low or not a power of two, naming the setting', () => {
    for (const bad of ['512', '1000', '3000', 'abc', String(MAX_SCRYPT_N * 2)])
      expect(() => loadConfig(env(bad), [])).toThrow(/PASSWORD_SCRYPT_N/);
  });
});
