import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditRoutes } from './modules/audit';
import { authRoutes, sessionHook } from './modules/auth';
import { calendarRoutes } from './modules/calendar';
import { casesRoutes, casesService } from './modules/cases';
import { catalogRoutes } from './modules/catalog';
import { inboxRoutes } from './modules/inbox';
import { supervisionRoutes } from './modules/supervision';
import { evaluationsRoutes, mayReadBadReview } from './modules/evaluations';
import { complaintsRoutes, mayReadComplaint } from './modules/complaints';
import { hallRoutes, mayReadPatrolProblem } from './modules/hall';
import { bundlesRoutes } from './modules/bundles';
import { tradingRoutes } from './modules/trading';
import { intermediariesRoutes } from './modules/intermediaries';
import { reviewsRoutes } from './modules/reviews';
import { ledgerRoutes, ledgerService } from './modules/ledger';
import { orgRoutes } from './modules/org';
import type { AppInstance, Deps } from './platform/app-types';
import type { Actor } from './platform/access';
import { notFound, registerErrorHandler, registerNulGuard } from './platform/errors';
import { filesDir, findFileMeta, listFileOwners, type FileOwner } from './platform/files';
import { withRedaction } from './platform/log';
import { currentMigration } from './platform/migrate';
import { registerRateLimit } from './platform/rate-limit';
import { registerSecurityHeaders } from './platform/security-headers';

/** What a route declares (tests read it to check that every /api route has a reply schema). */
export type RouteSchema = { response?: Record<string, unknown>; hide?: boolean; consumes?: string[] };

export type BuildOptions = {
  logger?: FastifyServerOptions['logger'];
  /** Called for every route as it is added (tests use it to check that every route is covered). */
  onRoute?: (route: { method: string; url: string; schema?: RouteSchema }) => void;
};

// Who may read a stored file: whoever may read a record it is attached to (issue 12 point 4).
const FILE_READERS: Record<FileOwner['kind'], (deps: Deps, actor: Actor, id: string) => Promise<boolean>> = {
  case: casesService.mayReadCase,
  case_draft: casesService.mayReadDraftCase,
  ledger_measure: ledgerService.mayReadMeasure,
  // 公示牌 photos are stored public anyway.
  staff_photo: async () => true,
  hall_patrol_problem: mayReadPatrolProblem,
  eval_bad_review: mayReadBadReview,
  complaint: mayReadComplaint,
};

async function mayReadAnyOwner(deps: Deps, actor: Actor, sha256: string): Promise<boolean> {
  for (const owner of await listFileOwners(deps.db, sha256)) {
    if (await FILE_READERS[owner.kind](deps, actor, owner.id)) return true;
  }
  return false;
}

/** Builds the Fastify app from platform plugins and modules; main.ts and tests both call this. */
export async function buildApp(deps: Deps, opts: BuildOptions = {}): Promise<AppInstance> {
  const app = Fastify({
    // Issue 12 point 7: whatever logger is asked for, it redacts personal data and secrets.
    logger: withRedaction(opts.logger ?? false),
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('deps', deps);
  const onRoute = opts.onRoute;
  if (onRoute)
    app.addHook('onRoute', (r) =>
      [r.method].flat().forEach((m) => onRoute({ method: m, url: r.url, schema: r.schema as RouteSchema })),
    );
  registerErrorHandler(app);
  registerNulGuard(app);

  await app.register(cookie);
  // Issue 12 point 9: CSP, frame-ancestors, nosniff, referrer policy; HSTS behind TLS.
  await registerSecurityHeaders(app);
  await registerRateLimit(app, deps.config.rateLimitScale);
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 20 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: '通办 Tongban API',
        version: '0.1.0',
        description: '政务服务中心办件、监督与整改闭环系统',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  // Called directly, not registered: its hook must reach every route, outside plugin encapsulation.
  await sessionHook(app);

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['platform'],
        summary: '健康检查',
        response: {
          200: z.object({
            status: z.literal('ok'),
            database: z.enum(['pglite', 'postgres']),
            migration: z.number(),
          }),
        },
      },
    },
    async () => ({
      status: 'ok' as const,
      database: deps.dbKind,
      migration: await currentMigration(deps.db),
    }),
  );

  await app.register(authRoutes);
  await app.register(orgRoutes);
  await app.register(auditRoutes);
  await app.register(calendarRoutes);
  await app.register(catalogRoutes);
  await app.register(ledgerRoutes);
  await app.register(casesRoutes);
  await app.register(inboxRoutes);
  await app.register(supervisionRoutes);
  await app.register(evaluationsRoutes);
  await app.register(complaintsRoutes);
  await app.register(hallRoutes);
  await app.register(bundlesRoutes);
  await app.register(tradingRoutes);
  await app.register(intermediariesRoutes);
  await app.register(reviewsRoutes);

  // Stored files (staff photos, evidence, application materials) by content hash.
  app.get(
    '/files/:sha256',
    { schema: { hide: true, params: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }) } },
    async (req, reply) => {
      const meta = await findFileMeta(deps.db, req.params.sha256);
      const file = path.join(filesDir(deps.config.dataDir), req.params.sha256);
      // Issue 12 point 4: an unknown file, a file the reader may not read and a signed-out request
      // for a non-public file get one answer, so nobody learns whether a hash exists.
      const hidden = () => notFound('文件');
      if (!meta || !existsSync(file)) throw hidden();
      if (!meta.public && !(req.actor && (await mayReadAnyOwner(deps, req.actor, req.params.sha256))))
        throw hidden();
      void reply
        .header('content-type', meta.mediaType)
        .header('cache-control', meta.public ? 'public, max-age=31536000, immutable' : 'private, no-store');
      return reply.send(createReadStream(file));
    },
  );

  // The built web app, with the SPA's index.html for every other GET outside /api.
  const hasWeb = existsSync(path.join(deps.config.webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: deps.config.webDist,
      wildcard: false,
      // The build writes .br and .gz beside each asset (apps/web/scripts/precompress.mjs).
      preCompressed: true,
      // Hashed file names change with their content: cache them for a year; index.html never.
      setHeaders: (reply, filePath) => {
        void reply.header(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.method === 'GET' && hasWeb && !req.url.startsWith('/api/') && !req.url.startsWith('/files/')) {
      return reply.sendFile('index.html');
    }
    return reply.status(404).send({ code: 'NOT_FOUND', message: '请求的地址不存在' });
  });

  return app;
}
