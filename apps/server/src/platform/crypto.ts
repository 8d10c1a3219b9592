import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createSecretKey,
  randomBytes,
  randomFillSync,
  scrypt,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (
  pw: string,
  salt: Buffer,
  len: number,
  opts: object,
) => Promise<Buffer>;
/** scrypt's cost N for new password hashes unless the configuration says otherwise (PASSWORD_SCRYPT_N). */
export const DEFAULT_SCRYPT_N = 16384;
/** The highest N configuration accepts: 128 MiB per hash at r = 8. */
export const MAX_SCRYPT_N = 1 << 17;
const SCRYPT = { r: 8, p: 1 };
/** scrypt needs 128·N·r bytes; Node refuses more than 32 MiB unless told (N = 32768 would fail). */
const maxmem = (n: number, r: number) => 256 * n * r;

/**
 * scrypt password hash, self-describing: `scrypt$N$r$p$salt$hash` (base64); verifying reads N from
 * the hash, so hashes made at another cost keep working.
 */
export async function hashPassword(password: string, cost = DEFAULT_SCRYPT_N): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password.normalize('NFKC'), salt, 32, {
    N: cost,
    ...SCRYPT,
    maxmem: maxmem(cost, SCRYPT.r),
  });
  return `scrypt$${cost}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltB64, hashB64] = stored.split('$');
  if (scheme !== 'scrypt' || !saltB64 || !hashB64) return false;
  const expected = Buffer.from(hashB64, 'base64');
  const key = await scryptAsync(password.normalize('NFKC'), Buffer.from(saltB64, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: maxmem(Number(n), Number(r)),
  });
  return timingSafeEqual(key, expected);
}

export function sm3Hex(data: string | Buffer): string {
  return createHash('sm3').update(data).digest('hex');
}

/** Keyed SM3 (HMAC-SM3): lookup hashes that cannot be reversed by enumerating identity numbers. */
export function hmacSm3Hex(key: string, data: string): string {
  return createHmac('sm3', secretKey(key)).update(data).digest('hex');
}

/** The configured keys as key objects, made once each (a process has one or two). */
const secretKeys = new Map<string, KeyObject>();
function secretKey(hex: string): KeyObject {
  let key = secretKeys.get(hex);
  if (!key) {
    if (secretKeys.size >= 16) secretKeys.clear();
    secretKeys.set(hex, (key = createSecretKey(Buffer.from(hex, 'hex'))));
  }
  return key;
}

/** SM4-CBC with a random IV; output `iv:ciphertext` in base64. For personal data at rest. */
export function sm4Encrypt(keyHex: string, plain: string): string {
  const iv = randomBytes(16);
  const c = createCipheriv('sm4-cbc', Buffer.from(keyHex, 'hex'), iv);
  return `${iv.toString('base64')}:${Buffer.concat([c.update(plain, 'utf8'), c.final()]).toString('base64')}`;
}

export function sm4Decrypt(keyHex: string, sealed: string): string {
  const [ivB64, ctB64] = sealed.split(':');
  const d = createDecipheriv('sm4-cbc', Buffer.from(keyHex, 'hex'), Buffer.from(ivB64 ?? '', 'base64'));
  return Buffer.concat([d.update(Buffer.from(ctB64 ?? '', 'base64')), d.final()]).toString('utf8');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Random bytes for ids, drawn from the system a pool at a time (one draw per id cost ~1.5%). */
const POOL_IDS = 256;
const v7Pool = Buffer.alloc(16 * POOL_IDS);
let v7Next = POOL_IDS;
const v7Bytes = Buffer.alloc(16);
/**
 * A time-ordered UUID (version 7, RFC 9562): 48 bits of Unix milliseconds, then 74 random bits.
 * For the ids of rows written in volume (cases, notices, ratings, visits): new rows go to the right
 * edge of their indexes instead of a random page of them, so a write touches pages already in
 * memory and WAL carries far fewer full-page images after each checkpoint. The random bits keep
 * ids unguessable as v4's do; nothing may read meaning into the time part.
 */
export function uuidv7(ms: number = Date.now()): string {
  if (v7Next === POOL_IDS) {
    randomFillSync(v7Pool);
    v7Next = 0;
  }
  const b = v7Bytes;
  // Each id's random bytes are used once: copied out and then zeroed in the pool.
  v7Pool.copy(b, 0, v7Next * 16, v7Next * 16 + 16);
  v7Pool.fill(0, v7Next * 16, v7Next * 16 + 16);
  v7Next++;
  b.writeUIntBE(ms, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
