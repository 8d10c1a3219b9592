import {
  AuditCheckpointExport,
  AuditCheckpointRequest,
  AuditCheckpointResult,
  AuditEntryList,
} from '@tongban/contracts';
import { z } from 'zod';
import type { AppInstance } from '../../platform/app-types';
import { requireActor } from '../../platform/request-context';
import { checkpointNow, exportCheckpointsFor, listAuditEntries } from './audit.service';

export async function auditRoutes(app: AppInstance) {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志（本区划）',
        querystring: z.object({
          entityType: z.string().max(50).optional(),
          entityId: z.string().max(100).optional(),
          limit: z.coerce.number().int().min(1).max(200).optional(),
          // The `cursor` of the previous page's last entry: the list pages by time (ADR 0006).
          before: z.string().max(60).optional(),
        }),
        response: { 200: AuditEntryList },
      },
    },
    async (req) => ({ items: await listAuditEntries(app.deps.db, requireActor(req), req.query) }),
  );

  // TRUTH-1: signed checkpoints of the chain heads, to be kept outside the database as well.
  app.get(
    '/api/audit/checkpoints',
    {
      schema: {
        tags: ['audit'],
        summary: '导出审计链检查点（本区划各链最新一个，JSON，供库外保存）',
        response: { 200: AuditCheckpointExport },
      },
    },
    async (req) => exportCheckpointsFor(app.deps, requireActor(req)),
  );

  app.post(
    '/api/audit/checkpoints',
    {
      schema: {
        tags: ['audit'],
        summary: '立即为本区划各审计链写入签名检查点',
        body: AuditCheckpointRequest,
        response: { 200: AuditCheckpointResult },
      },
    },
    async (req) => checkpointNow(app.deps, requireActor(req)),
  );
}
