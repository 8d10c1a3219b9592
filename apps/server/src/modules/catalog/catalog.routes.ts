import {
  CatalogDiff,
  CatalogFigures,
  CatalogImportResult,
  CatalogItemDetail,
  CatalogItemHistory,
  CatalogItemSummary,
  CatalogPublicHit,
  CatalogVersion,
  CatalogItemVersionSummary,
  ItemsOf,
  PageOf,
  PublicGuide,
  CatalogDraftCreate,
  CatalogItemCreate,
  CatalogPublicQuery,
  CatalogPublish,
  CatalogRetire,
  CatalogStaffQuery,
  CatalogVersionPatch,
  GuideLang,
  Id,
  RegionCode,
} from '@tongban/contracts';
import { z } from 'zod';
import { assertAccess } from '../../platform/access';
import type { AppInstance } from '../../platform/app-types';
import { badRequest } from '../../platform/errors';
import { limitPerClient } from '../../platform/rate-limit';
import { requireActor } from '../../platform/request-context';
import { shellTemplate } from '../../platform/web-shell';
import { CatalogError } from './catalog.errors';
import * as svc from './catalog.service';

const IdParams = z.object({ id: Id });
const VersionParams = z.object({ versionId: Id });
const RegionQuery = z.object({ regionCode: RegionCode.optional() });
const LangQuery = z.object({ lang: GuideLang.default('zh') });
const tags = ['catalog'];
const publicTags = ['public'];

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** attachment; filename="ascii"; filename*=UTF-8''percent-encoded (RFC 6266 / 5987). */
const attachment = (name: string, fallback: string) =>
  `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export async function catalogRoutes(app: AppInstance) {
  const d = app.deps;

  // ── Staff ───────────────────────────────────────────────────────────────
  app.get(
    '/api/catalog/items',
    {
      schema: {
        tags,
        summary: '事项列表（含草稿、已取消），可按名称/拼音/编码搜索',
        querystring: CatalogStaffQuery,
        response: { 200: PageOf(CatalogItemSummary) },
      },
    },
    async (req) => svc.listItems(d, requireActor(req), req.query),
  );
  app.post(
    '/api/catalog/items',
    {
      schema: {
        tags,
        summary: '新建事项（生成第 1 版草稿）',
        body: CatalogItemCreate,
        response: { 201: CatalogVersion },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.createItem(d, requireActor(req), req.body)),
  );
  app.get(
    '/api/catalog/items/:id',
    {
      schema: {
        tags,
        summary: '事项详情：当前发布版本、待发布草稿和版本列表',
        params: IdParams,
        response: { 200: CatalogItemDetail },
      },
    },
    async (req) => svc.getItem(d, requireActor(req), req.params.id),
  );
  app.get(
    '/api/catalog/items/:id/versions',
    {
      schema: {
        tags,
        summary: '事项版本列表',
        params: IdParams,
        response: { 200: ItemsOf(CatalogItemVersionSummary) },
      },
    },
    async (req) => ({ items: await svc.listVersions(d, requireActor(req), req.params.id) }),
  );
  app.get(
    '/api/catalog/items/:id/diff',
    {
      schema: {
        tags,
        summary: '两个版本的差异',
        params: IdParams,
        querystring: z.object({ from: Id, to: Id }),
        response: { 200: CatalogDiff },
      },
    },
    async (req) => svc.diffVersions(d, requireActor(req), req.params.id, req.query.from, req.query.to),
  );
  app.post(
    '/api/catalog/items/:id/drafts',
    {
      schema: {
        tags,
        summary: '修改已发布事项：基于发布版本新建草稿',
        params: IdParams,
        body: CatalogDraftCreate,
        response: { 201: CatalogVersion },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await svc.createDraft(d, requireActor(req), req.params.id, req.body)),
  );
  app.post(
    '/api/catalog/items/:id/publish',
    {
      schema: {
        tags,
        summary: '发布草稿版本（替代原发布版本）',
        params: IdParams,
        body: CatalogPublish,
        response: { 200: CatalogVersion },
      },
    },
    async (req) => svc.publish(d, requireActor(req), req.params.id, req.body.versionId),
  );
  app.post(
    '/api/catalog/items/:id/retire',
    {
      schema: {
        tags,
        summary: '取消事项',
        params: IdParams,
        body: CatalogRetire,
        response: { 200: CatalogItemHistory },
      },
    },
    async (req) => svc.retire(d, requireActor(req), req.params.id, req.body.reason),
  );
  app.get(
    '/api/catalog/versions/:versionId',
    {
      schema: {
        tags,
        summary: '事项版本全文（含材料）',
        params: VersionParams,
        response: { 200: CatalogVersion },
      },
    },
    async (req) => svc.getVersionFor(d, requireActor(req), req.params.versionId),
  );
  app.patch(
    '/api/catalog/versions/:versionId',
    {
      schema: {
        tags,
        summary: '修改草稿版本',
        params: VersionParams,
        body: CatalogVersionPatch,
        response: { 200: CatalogVersion },
      },
    },
    async (req) => svc.updateDraft(d, requireActor(req), req.params.versionId, req.body),
  );
  app.get(
    '/api/catalog/figures',
    {
      schema: {
        tags,
        summary: '事项清单统计（按已发布版本计算）',
        querystring: RegionQuery,
        response: { 200: CatalogFigures },
      },
    },
    async (req) => svc.getFigures(d, requireActor(req), req.query.regionCode),
  );
  app.get(
    '/api/catalog/export.xlsx',
    {
      schema: {
        tags,
        summary: '导出本区划事项清单（.xlsx，docs/catalog-sheet.md）',
        querystring: RegionQuery,
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const bytes = await svc.exportWorkbook(d, actor, req.query.regionCode);
      const region = req.query.regionCode ?? actor.regionCode;
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(`事项清单-${region}.xlsx`, `catalog-${region}.xlsx`))
        .send(bytes);
    },
  );
  app.post(
    '/api/catalog/import',
    {
      schema: {
        tags,
        summary: '导入事项清单（multipart，字段 file；全部成功或全部不导入）',
        querystring: RegionQuery,
        response: { 200: CatalogImportResult },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      // Refuse before reading an upload the actor may not make.
      assertAccess(actor, 'catalog.publish');
      if (!req.isMultipart()) throw badRequest('请以 multipart/form-data 上传 .xlsx 文件（字段 file）');
      const file = await req.file();
      if (!file) throw badRequest('缺少文件（字段 file）');
      const bytes = await file.toBuffer();
      if (bytes.length === 0) throw new CatalogError('CATALOG_IMPORT_FILE');
      return svc.importWorkbook(d, actor, bytes, req.query.regionCode);
    },
  );

  // ── Public (no sign-in) ─────────────────────────────────────────────────
  app.get(
    '/api/public/catalog/items',
    {
      schema: {
        tags: publicTags,
        summary: '公开事项检索：名称、拼音首字母（如 spjy）或全拼，按部门、类型、网办深度、到现场次数筛选',
        querystring: CatalogPublicQuery,
        response: { 200: PageOf(CatalogPublicHit) },
      },
      // SEC-2: public search is limited per client address, generously (bench:catalog raises RATE_LIMIT_SCALE).
      config: { rateLimit: limitPerClient(300, 60_000) },
    },
    async (req) => svc.searchPublic(d, req.query),
  );
  app.get(
    '/api/public/catalog/items/:id/guide',
    {
      schema: {
        tags: publicTags,
        summary: '办事指南（?lang=zh|en|ru|ko）',
        params: IdParams,
        querystring: LangQuery,
        response: { 200: PublicGuide },
      },
      config: { rateLimit: limitPerClient(120, 60_000) },
    },
    async (req) => svc.getPublicGuide(d, req.params.id, req.query.lang),
  );
  // The guide's page itself (outside /api): the web app's HTML with the guide's first screen and
  // its data, so the name is on screen before the scripts run (issue 14 point 16). Unbuilt web app:
  // the usual 404.
  app.get(
    '/guide/:id',
    { schema: { hide: true }, config: { rateLimit: limitPerClient(120, 60_000) } },
    async (req, reply) => {
      const template = shellTemplate(d.config.webDist);
      if (!template) return reply.callNotFound();
      const { id } = req.params as { id: string };
      const { lang } = req.query as { lang?: unknown };
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(await svc.renderGuidePage(d, template, id, lang));
    },
  );
  app.get(
    '/api/public/catalog/items/:id/guide.docx',
    {
      schema: { tags: publicTags, summary: '办事指南 Word 下载', params: IdParams, querystring: LangQuery },
      config: { rateLimit: limitPerClient(60, 60_000) },
    },
    async (req, reply) => {
      const guide = await svc.getPublicGuide(d, req.params.id, req.query.lang);
      const { renderGuideDocx } = await import('./guide-docx');
      const bytes = await renderGuideDocx(guide);
      return reply
        .header('content-type', DOCX)
        .header(
          'content-disposition',
          attachment(`${guide.guide.name}-办事指南.docx`, `guide-${guide.item.itemCode}-${guide.lang}.docx`),
        )
        .send(bytes);
    },
  );
  app.get(
    '/api/public/catalog/items/:id/qr.svg',
    {
      schema: { tags: publicTags, summary: '在线办事指南二维码（SVG）', params: IdParams },
      config: { rateLimit: limitPerClient(120, 60_000) },
    },
    async (req, reply) => {
      // 404 unless the item is live: a printed code never points at a draft.
      await svc.getPublishedVersion(d, req.params.id);
      // Host header: public links come from PUBLIC_BASE_URL, never from the request.
      const url = `${d.config.publicBaseUrl}${svc.guidePathOf(req.params.id)}`;
      const { default: QRCode } = await import('qrcode');
      const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
      return reply
        .header('content-type', 'image/svg+xml; charset=utf-8')
        .header('x-guide-url', url)
        .send(svg);
    },
  );
}
