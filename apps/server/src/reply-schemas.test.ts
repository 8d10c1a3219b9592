import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type RouteSchema } from './app';
import type { AppInstance, Deps } from './platform/app-types';
import { fixedClock } from './platform/clock';
import { loadConfig } from './platform/config';

/**
 * Routes that answer without a JSON reply schema, each with its reason. Everything else under /api
 * declares its success reply in packages/contracts (issue 13): the schema checks the reply and
 * drops what it does not name, so the web's types and the wire cannot drift apart.
 */
const WITHOUT_REPLY_SCHEMA: Record<string, string> = {
  'GET /api/catalog/export.xlsx': 'file download (.xlsx)',
  'GET /api/public/catalog/items/:id/guide.docx': 'file download (.docx)',
  'GET /api/public/catalog/items/:id/qr.svg': 'image (SVG)',
  'GET /api/ledger/inspections/:id/report.docx': 'file download (.docx)',
  'GET /api/ledger/inspections/:id/ledger.xlsx': 'file download (.xlsx)',
  'GET /api/cases/:id/notices/:noticeId/docx': 'file download (.docx)',
  'GET /api/public/licenses/:token/qr.svg': 'image (SVG)',
  'POST /api/public/cases/track/notice-docx':
    'file download (.docx; POST so the 查询码 stays out of the URL)',
  'GET /api/supervision/figures.xlsx': 'file download (.xlsx)',
  'GET /api/evaluations/windows/:id/qr.svg': 'image (SVG)',
  'GET /api/evaluations/figures.xlsx': 'file download (.xlsx)',
  'GET /api/complaints/hotline/template.xlsx': 'file download (.xlsx)',
  'GET /api/complaints/figures.xlsx': 'file download (.xlsx)',
  'GET /api/public/hall/halls/:hallId/calls/stream': 'server-sent events stream',
  'GET /api/hall/halls/:hallId/patrol-report.docx': 'file download (.docx)',
  'GET /api/public/bundles/definitions/:id/guide.docx': 'file download (.docx)',
  'GET /api/reviews/plans/:id/report.docx': 'file download (.docx)',
  'GET /api/reviews/assessments/:id/report.docx': 'file download (.docx)',
  'PATCH /api/reviews/assessments/:id':
    'never succeeds: scores are computed, not edited (ASSESS-1), always a 4xx',
};

type Route = { method: string; url: string; schema?: RouteSchema };

const key = (r: Route) => `${r.method} ${r.url}`;
const hasSuccessReply = (r: Route) => Object.keys(r.schema?.response ?? {}).some((code) => /^2/.test(code));

describe('reply schemas (issue 13)', () => {
  let app: AppInstance;
  let dataDir: string;
  const routes: Route[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'tongban-routes-'));
    const config = loadConfig(
      { DATA_DIR: dataDir, TONGBAN_LOOKUP_KEY: 'a'.repeat(64), TONGBAN_SM4_KEY: 'b'.repeat(32) },
      [],
    );
    // Building the route table touches no database: a stand-in is enough.
    const deps = { db: {} as Deps['db'], dbKind: 'pglite', clock: fixedClock(new Date()), config } as Deps;
    app = await buildApp(deps, { onRoute: (r) => routes.push(r) });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const apiRoutes = () =>
    routes.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD');

  it('every /api route declares a reply schema for its success code, or is a listed file or stream', () => {
    expect(apiRoutes().length).toBeGreaterThan(100);
    const missing = apiRoutes()
      .filter((r) => !hasSuccessReply(r) && !(key(r) in WITHOUT_REPLY_SCHEMA))
      .map(key);
    expect(missing).toEqual([]);
  });

  it('the list of exceptions holds only routes that exist and still lack a reply schema', () => {
    const byKey = new Map(apiRoutes().map((r) => [key(r), r]));
    const stale = Object.keys(WITHOUT_REPLY_SCHEMA).filter((k) => {
      const r = byKey.get(k);
      return !r || hasSuccessReply(r);
    });
    expect(stale).toEqual([]);
  });
});
