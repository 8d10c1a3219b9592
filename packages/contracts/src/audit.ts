import { z } from 'zod';

/**
 * A signed checkpoint of one audit chain (TRUTH-1, docs/DATABASE.md "Audit"): the chain
 * (regionCode, lane) had `entries` entries, the last one `lastSeq` with hash `headHash`.
 * `signature` is HMAC-SM3 under a server key the database does not hold.
 */
export const AuditCheckpoint = z.object({
  regionCode: z.string().max(12),
  lane: z.number().int().min(0).max(32767),
  entries: z.number().int().min(1),
  lastSeq: z.number().int().min(1),
  headHash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.iso.datetime(),
  signature: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditCheckpoint = z.infer<typeof AuditCheckpoint>;

export const AUDIT_CHECKPOINTS_FORMAT = 'tongban.audit-checkpoints/1';

/** What is exported to be kept outside the database: the newest checkpoint of each chain. */
export const AuditCheckpointExport = z.object({
  format: z.literal(AUDIT_CHECKPOINTS_FORMAT),
  exportedAt: z.iso.datetime(),
  checkpoints: z.array(AuditCheckpoint),
});
export type AuditCheckpointExport = z.infer<typeof AuditCheckpointExport>;

/** Writing checkpoints takes no input: the chains are the actor's region's. */
export const AuditCheckpointRequest = z.object({}).strict();
export type AuditCheckpointRequest = z.infer<typeof AuditCheckpointRequest>;

export const AuditCheckpointResult = z.object({
  /** Chains looked at (those of the actor's region that have entries). */
  chains: z.number().int(),
  /** New checkpoints: chains that grew since their last one. */
  written: z.number().int(),
  at: z.iso.datetime(),
});
export type AuditCheckpointResult = z.infer<typeof AuditCheckpointResult>;

/** `GET /api/audit`: entries of the reader's region, newest first (summary as written). */
export const AuditEntry = z.object({
  seq: z.number(),
  regionCode: z.string(),
  lane: z.number(),
  at: z.iso.datetime(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  clientIp: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  summary: z.unknown(),
  prevHash: z.string(),
  hash: z.string(),
  /** This entry's place in the list: pass it as `before` for the next page (ADR 0006: by time). */
  cursor: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditEntryList = z.object({ items: z.array(AuditEntry) });
export type AuditEntryList = z.infer<typeof AuditEntryList>;
