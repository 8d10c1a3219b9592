import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql, type Executor } from './db';
import { badRequest } from './errors';

export type FilePolicy = {
  maxBytes: number;
  mediaTypes: readonly string[];
  /**
   * Served without sign-in (staff photos for the 公示牌); everything else only to those who may read
   * the record it is attached to.
   */
  public?: boolean;
};
export const IMAGE_POLICY: FilePolicy = {
  maxBytes: 2 * 1024 * 1024,
  mediaTypes: ['image/png', 'image/jpeg', 'image/webp'],
};

// Magic numbers: the declared type must match the bytes, so a renamed file is refused.
const SIGNATURES: Record<string, (b: Buffer) => boolean> = {
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/webp': (b) =>
    b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
};

export function filesDir(dataDir: string): string {
  return path.join(dataDir, 'files');
}

/** The record a file is attached to (issue 12, point 4): whoever may read it may read the file. */
export type FileOwner = {
  kind:
    | 'case'
    | 'case_draft'
    | 'ledger_measure'
    | 'staff_photo'
    | 'hall_patrol_problem'
    | 'eval_bad_review'
    | 'complaint';
  id: string;
  regionCode: string;
};

/**
 * Stores a file by its SHA-256 under DATA_DIR/files (content-addressed: the same bytes are stored
 * once) and records it with the record it is attached to. Files are assumed virus-free: uploads come
 * from signed-in staff or are limited in type and size; a scanner would hook in here.
 */
export async function storeFile(
  db: Executor,
  dataDir: string,
  file: { bytes: Buffer; mediaType: string; name: string },
  policy: FilePolicy,
  owner: FileOwner,
): Promise<string> {
  if (file.bytes.length === 0) throw badRequest('文件为空');
  if (file.bytes.length > policy.maxBytes)
    throw badRequest(`文件不能超过 ${Math.round(policy.maxBytes / 1024 / 1024)} MB`);
  if (!policy.mediaTypes.includes(file.mediaType)) throw badRequest(`不支持的文件类型：${file.mediaType}`);
  const sig = SIGNATURES[file.mediaType];
  if (sig && !sig(file.bytes)) throw badRequest('文件内容与类型不符');
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const dir = filesDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const target = path.join(dir, sha256);
  if (!existsSync(target)) writeFileSync(target, file.bytes);
  await db
    .insertInto('storedFile')
    .values({
      sha256,
      mediaType: file.mediaType,
      size: file.bytes.length,
      name: file.name.slice(0, 200),
      public: policy.public ?? false,
    })
    // The same bytes stored again: public once any upload of them was public, never the reverse.
    .onConflict((oc) =>
      oc.column('sha256').doUpdateSet({ public: sql<boolean>`stored_file.public or excluded.public` }),
    )
    .execute();
  await db
    .insertInto('storedFileOwner')
    .values({ regionCode: owner.regionCode, sha256, ownerKind: owner.kind, ownerId: owner.id })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return sha256;
}

export function findFileMeta(db: Executor, sha256: string) {
  return db.selectFrom('storedFile').selectAll().where('sha256', '=', sha256).executeTakeFirst();
}

/**
 * The records a file is attached to; with `regionCode`, those of one region (a module checking its
 * own record's files names the region, ADR 0006).
 */
export function listFileOwners(db: Executor, sha256: string, regionCode?: string): Promise<FileOwner[]> {
  let q = db
    .selectFrom('storedFileOwner')
    .select(['ownerKind as kind', 'ownerId as id', 'regionCode'])
    .where('sha256', '=', sha256);
  if (regionCode !== undefined) q = q.where('regionCode', '=', regionCode);
  return q.execute();
}
