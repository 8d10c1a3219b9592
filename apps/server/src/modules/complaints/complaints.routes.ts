import {
  ComplaintCallbackInput,
  CatalogPublishInput,
  CatalogVersionList,
  LeaderBoard,
  LeaderDecideInput,
  ComplaintDetail,
  ComplaintFigures,
  ComplaintIntake,
  ComplaintList,
  ComplaintListQuery,
  ComplaintSettings,
  ComplaintSettingsInput,
  ComplaintSummary,
  CoordinateInput,
  DecideReturnInput,
  DispatchCatalog,
  DispatchInput,
  DispatchSuggestion,
  EscalateInput,
  ComplaintFiguresQuery,
  Id,
  ImportResult,
  MergeInput,
  NoteInput,
  Open311PostInput,
  Open311PostReply,
  Open311Request,
  Open311RequestsQuery,
  Open311Service,
  PublicComplaintInput,
  PublicComplaintReply,
  ReopenCaseInput,
  ReopenCaseReply,
  ReplyInput,
  ReturnInput,
  UnresolvedBoard,
  VersionBody,
} from '@tongban/contracts';
import { z } from 'zod';
import { orgService } from '../org';
import { assertAccess, SYSTEM_ACTOR } from '../../platform/access';
import type { AppInstance } from '../../platform/app-types';
import { AppError, badRequest } from '../../platform/errors';
import { limitPerClient } from '../../platform/rate-limit';
import { publicActor, requireActor } from '../../platform/request-context';
import { writeFiguresSheet, writeHotlineSheet } from './complaints-sheet';
import { callbackComplaint } from './use-cases/callback-complaint';
import { closeComplaint } from './use-cases/close-complaint';
import { complaintFigures } from './use-cases/complaint-figures';
import {
  coordinateMatter,
  escalateMatter,
  reopenRefusedCase,
  unresolvedBoard,
} from './use-cases/coordinate-matter';
import { dispatchComplaint, suggestFor } from './use-cases/dispatch-complaint';
import { importHotlineSheet } from './use-cases/import-hotline-sheet';
import { intakeComplaint, submitPublicComplaint } from './use-cases/intake-complaint';
import {
  getCatalog,
  getSettings,
  listCatalogVersions,
  publishCatalog,
  saveSettings,
} from './use-cases/manage-catalog';
import { attachPhoto } from './use-cases/attach-photo';
import { leaderBoard, leaderDecide } from './use-cases/leader-decide';
import { mergeComplaint } from './use-cases/merge-complaint';
import {
  getOpen311Request,
  listOpen311Requests,
  listOpen311Services,
  postOpen311Request,
} from './use-cases/open311';
import { getComplaintDetail, listComplaintsFor } from './use-cases/read-complaints';
import { noteComplaint, replyComplaint } from './use-cases/reply-complaint';
import { decideReturn, returnComplaint } from './use-cases/return-complaint';
import { listOverdueComplaints, superviseComplaint } from './use-cases/supervise-complaint';

const tags = ['complaints'];
const openTags = ['open311'];
const IdParams = z.object({ id: Id });
const VersionQuery = z.object({ version: z.coerce.number().int().min(0).max(1_000_000) });
const Changed = z.object({ id: z.string(), version: z.number().int() });
const MINUTE = 60_000;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function complaintsRoutes(app: AppInstance) {
  const d = app.deps;

  app.get(
    '/api/complaints',
    {
      schema: {
        tags,
        summary: '工单列表',
        querystring: ComplaintListQuery,
        response: { 200: ComplaintList },
      },
    },
    async (req) => listComplaintsFor(d, requireActor(req), req.query),
  );
  app.get(
    '/api/complaints/overdue',
    { schema: { tags, summary: '超期未办结工单（督办）', response: { 200: z.array(ComplaintSummary) } } },
    async (req) => listOverdueComplaints(d, requireActor(req)),
  );
  app.post(
    '/api/complaints',
    {
      schema: {
        tags,
        summary: '受理诉求（窗口、办不成事、吐槽、意见簿、特邀监督员、12345）',
        body: ComplaintIntake,
        response: { 201: z.object({ id: z.string(), orderNo: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await intakeComplaint(d, requireActor(req), req.body)),
  );
  app.post(
    '/api/complaints/hotline',
    {
      schema: {
        tags,
        summary: '12345 热线平台推送工单（保留平台工单号）',
        body: ComplaintIntake.extend({ source: z.literal('hotline_12345') }),
        response: { 201: z.object({ id: z.string(), orderNo: z.string() }) },
      },
    },
    async (req, reply) => {
      if (!req.body.externalNo) throw badRequest('12345 工单须带平台工单号');
      return reply.status(201).send(await intakeComplaint(d, requireActor(req), req.body));
    },
  );
  app.get(
    '/api/complaints/hotline/template.xlsx',
    { schema: { tags, summary: '12345 工单表模板' } },
    async (req, reply) => {
      assertAccess(requireActor(req), 'complaint.intake');
      const bytes = await writeHotlineSheet([]);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', 'attachment; filename="12345-template.xlsx"')
        .send(bytes);
    },
  );
  app.post(
    '/api/complaints/hotline/import.xlsx',
    {
      schema: {
        tags,
        summary: '导入 12345 每日工单表（multipart，字段 file；有错行则全部不导入）',
        response: { 201: ImportResult },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      assertAccess(actor, 'complaint.intake');
      if (!req.isMultipart()) throw badRequest('请以 multipart/form-data 上传 .xlsx 文件（字段 file）');
      let bytes: Buffer;
      try {
        const file = await req.file();
        if (!file) throw badRequest('缺少文件（字段 file）');
        bytes = await file.toBuffer();
      } catch (err) {
        const status = (err as { statusCode?: number }).statusCode;
        if (err instanceof AppError || (status !== undefined && status < 500)) throw err;
        throw badRequest('上传内容格式不正确');
      }
      return reply.status(201).send(await importHotlineSheet(d, actor, bytes));
    },
  );
  app.get(
    '/api/complaints/figures',
    {
      schema: {
        tags,
        summary: '按时办结率、回访率、满意率、重复投诉',
        querystring: ComplaintFiguresQuery,
        response: { 200: ComplaintFigures },
      },
    },
    async (req) => complaintFigures(d, requireActor(req), req.query),
  );
  app.get(
    '/api/complaints/figures.xlsx',
    { schema: { tags, summary: '导出统计（.xlsx）', querystring: ComplaintFiguresQuery } },
    async (req, reply) => {
      const f = await complaintFigures(d, requireActor(req), req.query);
      const labels = {
        department: '承办部门',
        window: '窗口',
        staff: '工作人员',
        type: '类型',
        month: '月份',
        source: '渠道',
      };
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', 'attachment; filename="complaint-figures.xlsx"')
        .send(await writeFiguresSheet(f, labels[f.by]));
    },
  );
  app.get(
    '/api/complaints/catalog',
    { schema: { tags, summary: '派单目录（现行版本）', response: { 200: DispatchCatalog } } },
    async (req) => getCatalog(d, requireActor(req)),
  );
  app.post(
    '/api/complaints/catalog',
    {
      schema: {
        tags,
        summary: '发布派单目录新版本',
        body: CatalogPublishInput,
        response: { 201: z.object({ version: z.number().int() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await publishCatalog(d, requireActor(req), req.body)),
  );
  app.get(
    '/api/complaints/catalog/versions',
    {
      schema: {
        tags,
        summary: '派单目录各版本（新版在前，旧版保留）',
        response: { 200: CatalogVersionList },
      },
    },
    async (req) => listCatalogVersions(d, requireActor(req)),
  );
  app.get(
    '/api/complaints/catalog/versions/:version',
    {
      schema: {
        tags,
        summary: '派单目录某一版本',
        params: z.object({ version: z.coerce.number().int().min(1).max(1_000_000) }),
        response: { 200: DispatchCatalog },
      },
    },
    async (req) => getCatalog(d, requireActor(req), req.params.version),
  );
  app.get(
    '/api/complaints/leader',
    {
      schema: {
        tags,
        summary: '领导：报领导的办不成事事项、督办工单和已作决定',
        response: { 200: LeaderBoard },
      },
    },
    async (req) => leaderBoard(d, requireActor(req)),
  );
  app.get(
    '/api/complaints/settings',
    { schema: { tags, summary: '各类诉求办理时限（CPL-1）', response: { 200: ComplaintSettings } } },
    async (req) => getSettings(d, requireActor(req)),
  );
  app.post(
    '/api/complaints/settings',
    {
      schema: {
        tags,
        summary: '设置各类诉求办理时限（工作日）',
        body: ComplaintSettingsInput,
        response: { 200: ComplaintSettings },
      },
    },
    async (req) => saveSettings(d, requireActor(req), req.body),
  );
  app.get(
    '/api/complaints/unresolved',
    {
      schema: {
        tags,
        summary: '办不成事窗口：不予受理和超期办件、来访事项',
        response: { 200: UnresolvedBoard },
      },
    },
    async (req) => unresolvedBoard(d, requireActor(req)),
  );
  app.get(
    '/api/complaints/:id',
    { schema: { tags, summary: '工单详情', params: IdParams, response: { 200: ComplaintDetail } } },
    async (req) => getComplaintDetail(d, requireActor(req), req.params.id),
  );
  app.get(
    '/api/complaints/:id/suggestion',
    {
      schema: {
        tags,
        summary: '派单目录建议（含理由）',
        params: IdParams,
        response: { 200: DispatchSuggestion },
      },
    },
    async (req) => suggestFor(d, requireActor(req), req.params.id),
  );

  const act = <S extends z.ZodType>(
    path: string,
    summary: string,
    body: S,
    run: (actor: ReturnType<typeof requireActor>, id: string, input: z.infer<S>) => Promise<unknown>,
  ) =>
    app.post(
      path,
      { schema: { tags, summary, params: IdParams, body, response: { 200: Changed } } },
      async (req) =>
        run(requireActor(req), (req.params as { id: string }).id, req.body as z.infer<S>) as Promise<
          z.infer<typeof Changed>
        >,
    );
  act('/api/complaints/:id/dispatch', '派单（主办、协办）', DispatchInput, (a, id, b) =>
    dispatchComplaint(d, a, id, b),
  );
  act('/api/complaints/:id/return', '退单（派单后 2 个工作日内，附理由）', ReturnInput, (a, id, b) =>
    returnComplaint(d, a, id, b),
  );
  act('/api/complaints/:id/decide-return', '派单台裁定退单（改派或维持）', DecideReturnInput, (a, id, b) =>
    decideReturn(d, a, id, b),
  );
  act('/api/complaints/:id/note', '记录调查处置情况', NoteInput, (a, id, b) => noteComplaint(d, a, id, b));
  act('/api/complaints/:id/reply', '答复诉求人', ReplyInput, (a, id, b) => replyComplaint(d, a, id, b));
  act('/api/complaints/:id/callback', '回访（非办理人）', ComplaintCallbackInput, (a, id, b) =>
    callbackComplaint(d, a, id, b),
  );
  act('/api/complaints/:id/close', '办结（须已答复并经他人回访）', VersionBody, (a, id, b) =>
    closeComplaint(d, a, id, b),
  );
  act('/api/complaints/:id/merge', '并单', MergeInput, (a, id, b) => mergeComplaint(d, a, id, b));
  act('/api/complaints/:id/supervise', '督办超期工单', VersionBody, (a, id, b) =>
    superviseComplaint(d, a, id, b),
  );
  act('/api/complaints/:id/coordinate', '办不成事：协调结果', CoordinateInput, (a, id, b) =>
    coordinateMatter(d, a, id, b),
  );
  act('/api/complaints/:id/escalate', '办不成事：报领导', EscalateInput, (a, id, b) =>
    escalateMatter(d, a, id, b),
  );
  act(
    '/api/complaints/:id/leader-decide',
    '领导决定（交办部门、决定答复或批示督办）',
    LeaderDecideInput,
    (a, id, b) => leaderDecide(d, a, id, b),
  );
  app.post(
    '/api/complaints/:id/photo',
    {
      schema: {
        tags,
        summary: '意见簿：上传该页照片（multipart，字段 file；?version= 当前版本）',
        params: IdParams,
        querystring: VersionQuery,
        response: { 200: Changed },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      assertAccess(actor, 'complaint.intake');
      if (!req.isMultipart()) throw badRequest('请以 multipart/form-data 上传照片（字段 file）');
      let file: { bytes: Buffer; mediaType: string; name: string };
      try {
        const part = await req.file();
        if (!part) throw badRequest('缺少照片（字段 file）');
        file = { bytes: await part.toBuffer(), mediaType: part.mimetype, name: part.filename };
      } catch (err) {
        const status = (err as { statusCode?: number }).statusCode;
        if (err instanceof AppError || (status !== undefined && status < 500)) throw err;
        throw badRequest('上传内容格式不正确');
      }
      return attachPhoto(d, actor, req.params.id, req.query.version, file);
    },
  );
  app.post(
    '/api/complaints/:id/reopen-case',
    {
      schema: {
        tags,
        summary: '办不成事：不予受理的办件重新受理',
        params: IdParams,
        body: ReopenCaseInput,
        response: { 200: ReopenCaseReply },
      },
    },
    async (req) => reopenRefusedCase(d, requireActor(req), req.params.id, req.body),
  );

  // ── Public: the portal's online form and the report's feedback form (SEC-2) ──
  app.post(
    '/api/public/complaints',
    {
      schema: {
        tags: ['complaints-public'],
        summary: '网上留言 / 整改通报反馈（公开，限流）',
        body: PublicComplaintInput,
        response: { 201: PublicComplaintReply },
      },
      config: { rateLimit: limitPerClient(10, 10 * MINUTE) },
    },
    async (req, reply) =>
      reply.status(201).send(await submitPublicComplaint(d, publicActor(req, req.body.regionCode), req.body)),
  );

  // ── Open311 GeoReport v2 (public, rate-limited, no personal data) ──
  const jurisdiction = async (id: string | undefined) => {
    if (id) return id;
    const regions = await orgService.listRegions(d, SYSTEM_ACTOR);
    const top = regions.find((r) => r.code.length === 6);
    if (!top) throw badRequest('缺少 jurisdiction_id');
    return top.code;
  };
  const services = {
    schema: {
      tags: openTags,
      summary: 'GeoReport v2 服务列表',
      querystring: z.object({ jurisdiction_id: z.string().max(12).optional() }),
      response: { 200: z.array(Open311Service) },
    },
    config: { rateLimit: limitPerClient(120, MINUTE) },
  };
  app.get('/open311/v2/services.json', services, async () => listOpen311Services());
  app.get('/open311/v2/services', services, async () => listOpen311Services());
  app.get(
    '/open311/v2/requests.json',
    {
      schema: {
        tags: openTags,
        summary: 'GeoReport v2 查询诉求',
        querystring: Open311RequestsQuery,
        response: { 200: z.array(Open311Request) },
      },
      config: { rateLimit: limitPerClient(120, MINUTE) },
    },
    async (req) => listOpen311Requests(d, await jurisdiction(req.query.jurisdiction_id), req.query),
  );
  app.get(
    '/open311/v2/requests/:id.json',
    {
      schema: {
        tags: openTags,
        summary: 'GeoReport v2 单个诉求',
        params: z.object({ id: z.string().max(40) }),
        querystring: z.object({ jurisdiction_id: z.string().max(12).optional() }),
        response: { 200: z.array(Open311Request) },
      },
      config: { rateLimit: limitPerClient(120, MINUTE) },
    },
    async (req) => getOpen311Request(d, await jurisdiction(req.query.jurisdiction_id), req.params.id),
  );
  app.post(
    '/open311/v2/requests.json',
    {
      schema: {
        tags: openTags,
        summary: 'GeoReport v2 提交诉求（JSON）',
        body: Open311PostInput,
        response: { 201: Open311PostReply },
      },
      config: { rateLimit: limitPerClient(10, 10 * MINUTE) },
    },
    async (req, reply) => {
      const region = await jurisdiction(req.body.jurisdiction_id);
      return reply.status(201).send(await postOpen311Request(d, publicActor(req, region), region, req.body));
    },
  );
}
