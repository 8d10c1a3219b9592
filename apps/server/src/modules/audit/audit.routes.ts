import { z } from 'zod';
import type { AppInstance } from '../../platform/app-types';
import { requireActor } from '../../platform/request-context';
import { listAuditEntries } from './audit.service';

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
          beforeSeq: z.coerce.number().int().min(1).optional(),
        }),
      },
    },
    async (req) => ({ items: await listAuditEntries(app.deps.db, requireActor(req), req.query) }),
  );
}
