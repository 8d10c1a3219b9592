import {
  CaseTrack,
  OnlineDraft,
  OnlineDraftCreated,
  PublicSubmitResult,
  DraftSave,
  DraftToken,
  OnlineMaterialCheck,
  OnlineMaterialCheckInput,
  OnlineSupplementResult,
  PublicSubmit,
  TrackInput,
  TrackNoticeInput,
} from '@tongban/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppInstance } from '../../platform/app-types';
import { AppError, badRequest } from '../../platform/errors';
import { limitPerClient, rateLimitedError, targetLimiter } from '../../platform/rate-limit';
import { CasesError } from './cases.errors';
import { publicActor } from '../../platform/request-context';
import * as svc from './cases.service';
import { idempotencyKey, MINUTE, sendDocx } from './cases-http';
import { checkDraftMaterials } from './portal/use-cases/check-draft-materials';
import { supplementOnline, type SupplementFile } from './portal/use-cases/supplement-online';

const publicTags = ['cases-public'];
const TokenParams = z.object({ token: DraftToken });

/**
 * The applicant portal's routes (drafts, online submission, tracking): no staff sign-in, every route
 * limited per client address (SEC-2). Registered by casesRoutes.
 */
export async function portalRoutes(app: AppInstance) {
  const d = app.deps;
  // Tracking and its notice download count together per case number, whoever asks (SEC-2).
  const trackLimit = targetLimiter(app, 'track', 20, 10 * MINUTE, (req) =>
    String((req.body as { caseNo?: unknown } | undefined)?.caseNo ?? ''),
  );
  app.post(
    '/api/public/drafts',
    {
      schema: {
        tags: publicTags,
        summary: '保存网上申报草稿（返回草稿凭证）',
        body: DraftSave,
        response: { 201: OnlineDraftCreated },
      },
      config: { rateLimit: limitPerClient(30, 10 * MINUTE) },
    },
    async (req, reply) => reply.status(201).send(await svc.createDraft(d, publicActor(req, ''), req.body)),
  );
  app.get(
    '/api/public/drafts/:token',
    {
      schema: { tags: publicTags, summary: '取回草稿', params: TokenParams, response: { 200: OnlineDraft } },
      config: { rateLimit: limitPerClient(60, MINUTE) },
    },
    async (req) => svc.getDraft(d, req.params.token),
  );
  app.put(
    '/api/public/drafts/:token',
    {
      schema: {
        tags: publicTags,
        summary: '修改草稿',
        params: TokenParams,
        body: DraftSave,
        response: { 200: OnlineDraft },
      },
      config: { rateLimit: limitPerClient(120, 10 * MINUTE) },
    },
    async (req) => svc.saveDraft(d, publicActor(req, ''), req.params.token, req.body),
  );
  app.post(
    '/api/public/drafts/:token/materials',
    {
      schema: {
        tags: publicTags,
        summary: '上传申请材料（multipart：字段 materialName，然后文件 file；PDF/PNG/JPEG，≤ 10 MB）',
        params: TokenParams,
        response: { 201: OnlineDraft },
      },
      config: { rateLimit: limitPerClient(60, 10 * MINUTE) },
    },
    async (req, reply) => {
      if (!req.isMultipart())
        throw badRequest('请以 multipart/form-data 上传材料（字段 materialName 和 file）');
      let file: { materialName: string; bytes: Buffer; mediaType: string; name: string };
      try {
        const part = await req.file();
        if (!part) throw badRequest('缺少文件（字段 file）');
        const field = part.fields.materialName as { value?: unknown } | undefined;
        const materialName = typeof field?.value === 'string' ? field.value.trim() : '';
        if (!materialName || materialName.length > 200)
          throw badRequest('缺少材料名称（字段 materialName，须在文件之前）');
        file = { materialName, bytes: await part.toBuffer(), mediaType: part.mimetype, name: part.filename };
      } catch (err) {
        const status = (err as { statusCode?: number }).statusCode;
        if (err instanceof AppError || (status !== undefined && status < 500)) throw err;
        throw badRequest('上传内容格式不正确');
      }
      return reply.status(201).send(await svc.addDraftFile(d, publicActor(req, ''), req.params.token, file));
    },
  );
  app.post(
    '/api/public/drafts/:token/check',
    {
      schema: {
        tags: publicTags,
        summary: '提交前核对必要材料与免提交（电子证照；按所填证件号码和名称核对）',
        params: TokenParams,
        body: OnlineMaterialCheckInput,
        response: { 200: OnlineMaterialCheck },
      },
      config: { rateLimit: limitPerClient(30, 10 * MINUTE) },
      preHandler: targetLimiter(app, 'draft-check', 30, 10 * MINUTE, (req) =>
        String((req.params as { token?: unknown }).token ?? ''),
      ),
    },
    async (req) => checkDraftMaterials(d, req.params.token, req.body),
  );
  app.post(
    '/api/public/cases',
    {
      schema: {
        tags: publicTags,
        summary: '提交网上申报（由草稿；支持 Idempotency-Key；答复含查询码）',
        body: PublicSubmit,
        response: { 201: PublicSubmitResult },
      },
      config: { rateLimit: limitPerClient(10, 10 * MINUTE) },
    },
    async (req, reply) => {
      // A signed-in applicant files under their account (their 我的办件); anyone else as the public.
      const who = req.actor?.role === 'applicant' ? req.actor : publicActor(req, '');
      const { result, replayed } = await svc.submitOnline(d, who, req.body, idempotencyKey(req));
      return reply.status(201).header('idempotent-replayed', String(replayed)).send(result);
    },
  );
  app.post(
    '/api/public/cases/track',
    {
      schema: {
        tags: publicTags,
        summary: '办件查询（办件编号 + 查询码）：进度、时限、通知书',
        body: TrackInput,
        response: { 200: CaseTrack },
      },
      config: { rateLimit: limitPerClient(30, MINUTE) },
      preHandler: trackLimit,
    },
    async (req) => svc.track(d, req.body),
  );
  // 补正 online (issue 14, point 3): multipart — fields caseNo and queryCode first, then for each
  // material a field materialName followed by its file. Per client, and per case number whoever asks.
  const supplementTarget = app.createRateLimit({
    ...limitPerClient(10, 10 * MINUTE),
    keyGenerator: (req) => `target:supplement:${(req as FastifyRequest & { caseNo?: string }).caseNo ?? ''}`,
  });
  app.post(
    '/api/public/cases/track/supplement',
    {
      schema: {
        tags: publicTags,
        summary:
          '网上补正（multipart：caseNo、queryCode，然后每份材料 materialName + file；PDF/PNG/JPEG ≤ 10 MB）',
        response: { 200: OnlineSupplementResult },
      },
      config: { rateLimit: limitPerClient(10, 10 * MINUTE) },
    },
    async (req) => {
      if (!req.isMultipart()) throw badRequest('请以 multipart/form-data 上传补正材料');
      const fields: Record<string, string> = {};
      const files: SupplementFile[] = [];
      try {
        for await (const part of req.parts({ limits: { files: 20 } })) {
          if (part.type === 'field') {
            if (typeof part.value === 'string') fields[part.fieldname] = part.value.trim().slice(0, 200);
            continue;
          }
          const materialName = fields.materialName ?? '';
          if (!materialName) throw badRequest('缺少材料名称（字段 materialName，须在文件之前）');
          files.push({
            materialName,
            bytes: await part.toBuffer(),
            mediaType: part.mimetype,
            name: part.filename,
          });
          delete fields.materialName;
        }
      } catch (err) {
        const status = (err as { statusCode?: number }).statusCode;
        if (err instanceof AppError || (status !== undefined && status < 500)) throw err;
        throw badRequest('上传内容格式不正确');
      }
      const creds = TrackInput.safeParse({ caseNo: fields.caseNo ?? '', queryCode: fields.queryCode ?? '' });
      if (!creds.success) throw new CasesError('CASE_TRACK_NOT_FOUND');
      (req as FastifyRequest & { caseNo?: string }).caseNo = creds.data.caseNo;
      const r = await supplementTarget(req);
      if (!r.isAllowed && r.isExceeded) throw rateLimitedError(r.ttl);
      if (files.length === 0) throw badRequest('请上传补正材料');
      return supplementOnline(d, publicActor(req, ''), creds.data, files);
    },
  );
  app.post(
    '/api/public/cases/track/notice-docx',
    {
      schema: {
        tags: publicTags,
        summary: '下载通知书（.docx；办件编号 + 查询码）',
        body: TrackNoticeInput,
      },
      config: { rateLimit: limitPerClient(30, MINUTE) },
      preHandler: trackLimit,
    },
    async (req, reply) => {
      const { notice, buffer } = await svc.trackNoticeDocx(d, req.body);
      return sendDocx(reply, notice.noticeNo, buffer);
    },
  );
}
