import {
  FindingReopened,
  IdReply,
  ItemsOf,
  LedgerAccountability,
  LedgerCategory,
  LedgerFinding,
  LedgerInspection,
  LedgerInspectionDetail,
  LedgerInspectionList,
  LedgerLead,
  LedgerMeasure,
  LedgerProgress,
  LedgerPublicFeedback,
  LedgerRecovery,
  LedgerRegulation,
  MeasureReopened,
  LedgerRow,
  PublicFeedbackReceipt,
  ReportModel,
  AccountabilityInput,
  CategoryInput,
  FindingInput,
  FindingPatch,
  Id,
  InspectionInput,
  InspectionPatch,
  LedgerViewQuery,
  MeasureInput,
  MeasurePatch,
  ProgressInput,
  PublicFeedbackInput,
  PublicReportList,
  RecoveryInput,
  LeadInput,
  RegulationInput,
  ReopenInput,
  SignoffInput,
} from '@tongban/contracts';
import { z } from 'zod';
import type { AppInstance } from '../../platform/app-types';
import { assertAccess } from '../../platform/access';
import { AppError, badRequest } from '../../platform/errors';
import { limitPerClient, targetLimiter } from '../../platform/rate-limit';
import { publicActor, requireActor } from '../../platform/request-context';
import * as svc from './ledger.service';
import { listPublicReports } from './use-cases/list-public-reports';
import { ledgerSheetRoutes } from './ledger-sheet.routes';

const IdParams = z.object({ id: Id });
const tags = ['ledger'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function ledgerRoutes(app: AppInstance) {
  const d = app.deps;

  // ── Inspections ──
  app.get(
    '/api/ledger/inspections',
    { schema: { tags, summary: '巡察（检查）列表', response: { 200: LedgerInspectionList } } },
    async (req) => ({
      items: await svc.listInspections(d, requireActor(req)),
    }),
  );
  app.post(
    '/api/ledger/inspections',
    {
      schema: {
        tags,
        summary: '新增巡察（检查）',
        body: InspectionInput,
        response: { 201: LedgerInspection },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.createInspection(d, requireActor(req), req.body)),
  );
  app.get(
    '/api/ledger/inspections/:id',
    {
      schema: {
        tags,
        summary: '巡察详情：类别、问题、措施、进展、问责、制度、资金',
        params: IdParams,
        response: { 200: LedgerInspectionDetail },
      },
    },
    async (req) => svc.getInspectionDetail(d, requireActor(req), req.params.id),
  );
  app.patch(
    '/api/ledger/inspections/:id',
    {
      schema: {
        tags,
        summary: '修改巡察、通报文字、公开通报',
        params: IdParams,
        body: InspectionPatch,
        response: { 200: LedgerInspection },
      },
    },
    async (req) => svc.updateInspection(d, requireActor(req), req.params.id, req.body),
  );
  app.post(
    '/api/ledger/inspections/:id/categories',
    {
      schema: {
        tags,
        summary: '新增问题类别',
        params: IdParams,
        body: CategoryInput,
        response: { 201: LedgerCategory },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await svc.addCategory(d, requireActor(req), req.params.id, req.body)),
  );
  app.post(
    '/api/ledger/inspections/:id/findings',
    {
      schema: {
        tags,
        summary: '新增反馈问题',
        params: IdParams,
        body: FindingInput,
        response: { 201: LedgerFinding },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await svc.addFinding(d, requireActor(req), req.params.id, req.body)),
  );
  app.post(
    '/api/ledger/inspections/:id/accountability',
    {
      schema: {
        tags,
        summary: '登记问责',
        params: IdParams,
        body: AccountabilityInput,
        response: { 201: LedgerAccountability },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await svc.addAccountability(d, requireActor(req), req.params.id, req.body)),
  );
  app.post(
    '/api/ledger/inspections/:id/regulations',
    {
      schema: {
        tags,
        summary: '登记建章立制',
        params: IdParams,
        body: RegulationInput,
        response: { 201: LedgerRegulation },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await svc.addRegulation(d, requireActor(req), req.params.id, req.body)),
  );
  app.post(
    '/api/ledger/inspections/:id/recoveries',
    {
      schema: {
        tags,
        summary: '登记追缴/退还资金',
        params: IdParams,
        body: RecoveryInput,
        response: { 201: LedgerRecovery },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await svc.addRecovery(d, requireActor(req), req.params.id, req.body)),
  );
  app.post(
    '/api/ledger/inspections/:id/leads',
    {
      schema: {
        tags,
        summary: '登记移交问题线索',
        params: IdParams,
        body: LeadInput,
        response: { 201: LedgerLead },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await svc.addLead(d, requireActor(req), req.params.id, req.body)),
  );
  app.get(
    '/api/ledger/inspections/:id/feedback',
    {
      schema: {
        tags,
        summary: '整改通报的群众意见',
        params: IdParams,
        response: { 200: ItemsOf(LedgerPublicFeedback) },
      },
    },
    async (req) => ({ items: await svc.listPublicFeedback(d, requireActor(req), req.params.id) }),
  );
  app.get(
    '/api/ledger/inspections/:id/report',
    { schema: { tags, summary: '整改通报（数据）', params: IdParams, response: { 200: ReportModel } } },
    async (req) => svc.reportModel(d, requireActor(req), req.params.id),
  );
  app.get(
    '/api/ledger/inspections/:id/report.docx',
    { schema: { tags, summary: '整改通报（.docx，GB/T 9704）', params: IdParams } },
    async (req, reply) => {
      const { model, buffer } = await svc.reportDocx(d, requireActor(req), req.params.id);
      const name = encodeURIComponent(`${model.title}.docx`);
      return reply
        .header('content-type', DOCX)
        .header('content-disposition', `attachment; filename="report.docx"; filename*=UTF-8''${name}`)
        .send(buffer);
    },
  );

  // ── Findings and measures ──
  app.patch(
    '/api/ledger/findings/:id',
    {
      schema: {
        tags,
        summary: '修改反馈问题',
        params: IdParams,
        body: FindingPatch,
        response: { 200: LedgerFinding },
      },
    },
    async (req) => svc.updateFinding(d, requireActor(req), req.params.id, req.body),
  );
  app.post(
    '/api/ledger/findings/:id/measures',
    {
      schema: {
        tags,
        summary: '新增整改措施',
        params: IdParams,
        body: MeasureInput,
        response: { 201: LedgerMeasure },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await svc.addMeasure(d, requireActor(req), req.params.id, req.body)),
  );
  app.post(
    '/api/ledger/findings/:id/reopen',
    {
      schema: {
        tags,
        summary: '回头看：重新打开问题',
        params: IdParams,
        body: ReopenInput,
        response: { 200: FindingReopened },
      },
    },
    async (req) => svc.reopenFinding(d, requireActor(req), req.params.id, req.body),
  );
  app.patch(
    '/api/ledger/measures/:id',
    {
      schema: {
        tags,
        summary: '修改整改措施',
        params: IdParams,
        body: MeasurePatch,
        response: { 200: LedgerMeasure },
      },
    },
    async (req) => svc.updateMeasure(d, requireActor(req), req.params.id, req.body),
  );
  app.delete(
    '/api/ledger/measures/:id',
    { schema: { tags, summary: '删除尚无进展记录的整改措施', params: IdParams, response: { 200: IdReply } } },
    async (req) => svc.deleteMeasure(d, requireActor(req), req.params.id),
  );
  app.delete(
    '/api/ledger/findings/:id',
    {
      schema: {
        tags,
        summary: '删除尚无任何记录的反馈问题（连同其措施）',
        params: IdParams,
        response: { 200: IdReply },
      },
    },
    async (req) => svc.deleteFinding(d, requireActor(req), req.params.id),
  );
  app.post(
    '/api/ledger/measures/:id/progress',
    {
      schema: {
        tags,
        summary: '填报整改进展（佐证记录）',
        params: IdParams,
        body: ProgressInput,
        response: { 201: LedgerProgress },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await svc.addProgress(d, requireActor(req), req.params.id, req.body)),
  );
  app.post(
    '/api/ledger/measures/:id/evidence',
    {
      schema: {
        tags,
        summary: '填报整改进展并上传佐证文件（multipart：file，date，text，evidenceText，requestSignoff）',
        params: IdParams,
        response: { 201: LedgerProgress },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      assertAccess(actor, 'ledger.progress');
      if (!req.isMultipart()) throw badRequest('请以 multipart/form-data 上传佐证文件（字段 file）');
      const fields: Record<string, string> = {};
      let file: { bytes: Buffer; mediaType: string; name: string } | undefined;
      try {
        for await (const part of req.parts()) {
          if (part.type === 'file') {
            if (file) throw badRequest('一次只能上传一个文件');
            file = { bytes: await part.toBuffer(), mediaType: part.mimetype, name: part.filename };
          } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        }
      } catch (err) {
        // A broken multipart body is the client's fault: 4xx, never 500.
        const status = (err as { statusCode?: number }).statusCode;
        if (err instanceof AppError || (status !== undefined && status < 500)) throw err;
        throw badRequest('上传内容格式不正确');
      }
      if (!file) throw badRequest('缺少佐证文件（字段 file）');
      const parsed = ProgressInput.safeParse({
        date: fields.date,
        text: fields.text,
        ...(fields.evidenceText ? { evidenceText: fields.evidenceText } : {}),
        requestSignoff: fields.requestSignoff === 'true',
      });
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        throw badRequest(
          `输入有误：${first?.path.join('.') ?? ''}：${first?.message ?? '格式不正确'}`,
          parsed.error.issues,
        );
      }
      return reply.status(201).send(await svc.addProgress(d, actor, req.params.id, parsed.data, file));
    },
  );
  app.post(
    '/api/ledger/measures/:id/signoff',
    {
      schema: {
        tags,
        summary: '销号（REC-1：须有佐证且非责任人核验）',
        params: IdParams,
        body: SignoffInput,
        response: { 200: LedgerMeasure },
      },
    },
    async (req) => svc.signOff(d, requireActor(req), req.params.id, req.body),
  );
  app.post(
    '/api/ledger/measures/:id/reopen',
    {
      schema: {
        tags,
        summary: '回头看：重新打开已销号的整改措施',
        params: IdParams,
        body: ReopenInput,
        response: { 200: MeasureReopened },
      },
    },
    async (req) => svc.reopenMeasure(d, requireActor(req), req.params.id, req.body),
  );

  // ── The ledger view ──
  app.get(
    '/api/ledger/measures',
    {
      schema: {
        tags,
        summary: '整改台账（可按巡察、状态、部门、责任人筛选）',
        querystring: LedgerViewQuery,
        response: { 200: ItemsOf(LedgerRow) },
      },
    },
    async (req) => ({ items: await svc.ledgerView(d, requireActor(req), req.query) }),
  );
  app.get(
    '/api/ledger/my-measures',
    {
      schema: {
        tags,
        summary: '我负责的整改措施',
        querystring: LedgerViewQuery,
        response: { 200: ItemsOf(LedgerRow) },
      },
    },
    async (req) => ({ items: await svc.ledgerView(d, requireActor(req), req.query, true) }),
  );

  // ── Public ──
  app.get(
    '/api/public/reports',
    {
      schema: {
        tags: ['public'],
        summary: '已公开的整改通报（门户首页）',
        response: { 200: PublicReportList },
      },
      config: { rateLimit: limitPerClient(120, 60_000) },
    },
    async () => listPublicReports(d),
  );
  app.get(
    '/api/public/reports/:inspectionId',
    {
      schema: {
        tags: ['public'],
        summary: '整改通报（公开）',
        params: z.object({ inspectionId: Id }),
        response: { 200: ReportModel },
      },
      config: { rateLimit: limitPerClient(120, 60_000) },
    },
    async (req) => svc.publicReport(d, req.params.inspectionId),
  );
  app.post(
    '/api/public/reports/:inspectionId/feedback',
    {
      schema: {
        tags: ['public'],
        summary: '对整改通报提出意见（公开）',
        params: z.object({ inspectionId: Id }),
        body: PublicFeedbackInput,
        response: { 201: PublicFeedbackReceipt },
      },
      // SEC-2: per client address, and per report whoever sends it.
      config: { rateLimit: limitPerClient(10, 10 * 60_000) },
      preHandler: targetLimiter(app, 'report-feedback', 200, 60 * 60_000, (req) =>
        String((req.params as { inspectionId?: unknown }).inspectionId ?? ''),
      ),
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await svc.submitPublicFeedback(
            d,
            (region) => publicActor(req, region),
            req.params.inspectionId,
            req.body,
          ),
        ),
  );

  await ledgerSheetRoutes(app);
}
