import {
  NoContent,
  AppealDecisionInput,
  AppealInput,
  BadReviewDetail,
  BadReviewList,
  BadReviewQuery,
  BadReviewStepInput,
  CallbackInput,
  CaseRatingInput,
  EvalSetting,
  EvalSettingInput,
  EvidenceUploaded,
  FigureQuery,
  Figures,
  FlagList,
  Id,
  PadList,
  PadRatingInput,
  PadRegistered,
  PadRegisterInput,
  PadToken,
  PadView,
  PublicFigures,
  RatingList,
  RatingQuery,
  RatingReceipt,
  RectifyInput,
  SmsLinkView,
  SmsRatingInput,
  TrackInput,
  VisitOpened,
  VisitOpenInput,
} from '@tongban/contracts';
import { z } from 'zod';
import { assertAccess } from '../../platform/access';
import type { AppInstance } from '../../platform/app-types';
import { AppError, badRequest } from '../../platform/errors';
import { limitPerClient, targetLimiter } from '../../platform/rate-limit';
import { publicActor, requireActor } from '../../platform/request-context';
import { advanceBadReview } from './use-cases/advance-bad-review';
import { decideAppeal, fileAppeal } from './use-cases/appeals';
import { exportFiguresXlsx } from './use-cases/export-figures';
import { getBadReview, listBadReviews } from './use-cases/get-bad-review';
import { getFigures } from './use-cases/get-figures';
import { listFlags, listRatings } from './use-cases/list-ratings';
import { openVisit } from './use-cases/open-visit';
import { getPublicFigures } from './use-cases/public-figures';
import { listPads, registerPad, revokePad } from './use-cases/register-pad';
import { getSetting, saveSetting } from './use-cases/settings';
import { getSmsLink, submitSmsRating } from './use-cases/sms-links';
import { getCaseRatingStatus, submitCaseRating } from './use-cases/submit-case-rating';
import { getPadView, submitPadRating } from './use-cases/submit-pad-rating';
import { uploadEvidence } from './use-cases/upload-evidence';
import { windowQr } from './use-cases/window-qr';

const tags = ['evaluations'];
const MINUTE = 60_000;
const IdParams = z.object({ id: Id });
const TokenParams = z.object({ token: PadToken });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const StepReply = z.object({ status: z.string() });
const CaseRatingStatus = z.object({
  concluded: z.boolean(),
  rated: z.boolean(),
  itemName: z.string(),
  departmentName: z.string(),
});

export async function evaluationsRoutes(app: AppInstance) {
  const d = app.deps;

  // ── Public: pads, tracking-page and SMS ratings, the hall's figures (SEC-2: rate-limited) ──
  const padLimit = targetLimiter(
    app,
    'eval-pad',
    30,
    MINUTE,
    (req) => (req.params as { token?: string }).token,
  );
  const caseLimit = targetLimiter(app, 'eval-case', 10, 10 * MINUTE, (req) =>
    String((req.body as { caseNo?: unknown } | undefined)?.caseNo ?? ''),
  );
  app.get(
    '/api/public/evaluations/pads/:token',
    {
      schema: {
        tags,
        summary: '评价器：窗口、在岗人员和待评价的服务',
        params: TokenParams,
        response: { 200: PadView },
      },
      config: { rateLimit: limitPerClient(600, MINUTE) },
    },
    async (req) => getPadView(d, req.params.token),
  );
  app.post(
    '/api/public/evaluations/pads/:token/ratings',
    {
      schema: {
        tags,
        summary: '评价器：对一次服务评价（一次一评）',
        params: TokenParams,
        body: PadRatingInput,
        response: { 201: RatingReceipt },
      },
      config: { rateLimit: limitPerClient(600, MINUTE) },
      preHandler: padLimit,
    },
    async (req, reply) =>
      reply.status(201).send(await submitPadRating(d, publicActor(req, ''), req.params.token, req.body)),
  );
  app.post(
    '/api/public/evaluations/case-ratings/status',
    {
      schema: {
        tags,
        summary: '办件能否评价（办件编号 + 查询码）',
        body: TrackInput,
        response: { 200: CaseRatingStatus },
      },
      config: { rateLimit: limitPerClient(30, MINUTE) },
      preHandler: caseLimit,
    },
    async (req) => getCaseRatingStatus(d, req.body),
  );
  app.post(
    '/api/public/evaluations/case-ratings',
    {
      schema: {
        tags,
        summary: '对办结的办件评价（一事一评）',
        body: CaseRatingInput,
        response: { 201: RatingReceipt },
      },
      config: { rateLimit: limitPerClient(30, MINUTE) },
      preHandler: caseLimit,
    },
    async (req, reply) => reply.status(201).send(await submitCaseRating(d, publicActor(req, ''), req.body)),
  );
  app.get(
    '/api/public/evaluations/sms/:token',
    {
      schema: { tags, summary: '短信评价链接', params: TokenParams, response: { 200: SmsLinkView } },
      config: { rateLimit: limitPerClient(30, MINUTE) },
    },
    async (req) => getSmsLink(d, req.params.token),
  );
  app.post(
    '/api/public/evaluations/sms/:token',
    {
      schema: {
        tags,
        summary: '通过短信链接评价（一次有效）',
        params: TokenParams,
        body: SmsRatingInput,
        response: { 201: RatingReceipt },
      },
      config: { rateLimit: limitPerClient(30, MINUTE) },
    },
    async (req, reply) =>
      reply.status(201).send(await submitSmsRating(d, publicActor(req, ''), req.params.token, req.body)),
  );
  app.get(
    '/api/public/evaluations/figures/:regionCode',
    {
      schema: {
        tags,
        summary: '好差评公开数据（本年度）',
        params: z.object({ regionCode: z.string().regex(/^\d{6}(\d{6})?$/) }),
        response: { 200: PublicFigures },
      },
      config: { rateLimit: limitPerClient(60, MINUTE) },
    },
    async (req) => getPublicFigures(d, req.params.regionCode),
  );

  // ── Pads and visits ──
  app.get(
    '/api/evaluations/pads',
    { schema: { tags, summary: '评价器列表', response: { 200: PadList } } },
    async (req) => listPads(d, requireActor(req)),
  );
  app.post(
    '/api/evaluations/pads',
    {
      schema: {
        tags,
        summary: '登记评价器（令牌只显示一次）',
        body: PadRegisterInput,
        response: { 201: PadRegistered },
      },
    },
    async (req, reply) => reply.status(201).send(await registerPad(d, requireActor(req), req.body)),
  );
  app.get(
    '/api/evaluations/windows/:id/qr.svg',
    { schema: { tags, summary: '窗口扫码评价二维码（SVG，可打印）', params: IdParams } },
    async (req, reply) => {
      const qr = await windowQr(d, requireActor(req), req.params.id);
      return reply
        .header('content-type', 'image/svg+xml; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('x-rate-url', qr.url)
        .send(qr.svg);
    },
  );
  app.post(
    '/api/evaluations/pads/:id/revoke',
    { schema: { tags, summary: '停用评价器', params: IdParams, response: { 204: NoContent } } },
    async (req, reply) => {
      await revokePad(d, requireActor(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/evaluations/visits',
    {
      schema: {
        tags,
        summary: '服务结束：请评价器邀请评价',
        body: VisitOpenInput,
        response: { 201: VisitOpened },
      },
    },
    async (req, reply) => reply.status(201).send(await openVisit(d, requireActor(req), req.body)),
  );

  // ── Ratings, flags, figures ──
  app.get(
    '/api/evaluations/ratings',
    {
      schema: {
        tags,
        summary: '评价记录（统计数字可打开的明细）',
        querystring: RatingQuery,
        response: { 200: RatingList },
      },
    },
    async (req) => listRatings(d, requireActor(req), req.query),
  );
  app.get(
    '/api/evaluations/flags',
    { schema: { tags, summary: '真实性校验标记', response: { 200: FlagList } } },
    async (req) => listFlags(d, requireActor(req)),
  );
  app.get(
    '/api/evaluations/figures',
    { schema: { tags, summary: '好差评统计与排名', querystring: FigureQuery, response: { 200: Figures } } },
    async (req) => getFigures(d, requireActor(req), req.query),
  );
  app.get(
    '/api/evaluations/figures.xlsx',
    { schema: { tags, summary: '导出好差评统计（.xlsx）', querystring: FigureQuery.omit({ by: true }) } },
    async (req, reply) => {
      const buf = await exportFiguresXlsx(d, requireActor(req), req.query);
      const name = encodeURIComponent('好差评统计.xlsx');
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="evaluations.xlsx"; filename*=UTF-8''${name}`)
        .send(buf);
    },
  );
  app.get(
    '/api/evaluations/settings',
    { schema: { tags, summary: '好差评设置', response: { 200: EvalSetting } } },
    async (req) => getSetting(d, requireActor(req)),
  );
  app.put(
    '/api/evaluations/settings',
    {
      schema: {
        tags,
        summary: '保存好差评设置（EVAL-2 整改期限）',
        body: EvalSettingInput,
        response: { 200: EvalSetting },
      },
    },
    async (req) => saveSetting(d, requireActor(req), req.body),
  );

  // ── 差评 loop ──
  app.get(
    '/api/evaluations/bad-reviews',
    { schema: { tags, summary: '差评工单', querystring: BadReviewQuery, response: { 200: BadReviewList } } },
    async (req) => listBadReviews(d, requireActor(req), req.query),
  );
  app.get(
    '/api/evaluations/bad-reviews/:id',
    { schema: { tags, summary: '差评工单详情', params: IdParams, response: { 200: BadReviewDetail } } },
    async (req) => getBadReview(d, requireActor(req), req.params.id),
  );
  const step = <S extends 'verify' | 'reply' | 'close'>(s: S, summary: string) =>
    app.post(
      `/api/evaluations/bad-reviews/:id/${s}`,
      { schema: { tags, summary, params: IdParams, body: BadReviewStepInput, response: { 200: StepReply } } },
      async (req) => advanceBadReview(d, requireActor(req), req.params.id, { step: s, ...req.body } as never),
    );
  step('verify', '核实差评');
  step('reply', '反馈申请人');
  step('close', '办结匿名差评（无法回访）');
  app.post(
    '/api/evaluations/bad-reviews/:id/rectify',
    {
      schema: {
        tags,
        summary: '整改（附证明材料）',
        params: IdParams,
        body: RectifyInput,
        response: { 200: StepReply },
      },
    },
    async (req) => advanceBadReview(d, requireActor(req), req.params.id, { step: 'rectify', ...req.body }),
  );
  app.post(
    '/api/evaluations/bad-reviews/:id/callback',
    {
      schema: {
        tags,
        summary: '回访（SOD-2：非经办人、非被评价人）',
        params: IdParams,
        body: CallbackInput,
        response: { 200: StepReply },
      },
    },
    async (req) => advanceBadReview(d, requireActor(req), req.params.id, { step: 'callback', ...req.body }),
  );
  app.post(
    '/api/evaluations/bad-reviews/:id/evidence',
    {
      schema: {
        tags,
        summary: '上传整改证明材料（multipart，字段 file）',
        params: IdParams,
        response: { 201: EvidenceUploaded },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      assertAccess(actor, 'evaluations.badReview.rectify');
      if (!req.isMultipart()) throw badRequest('请以 multipart/form-data 上传文件（字段 file）');
      let file: { bytes: Buffer; mediaType: string; name: string };
      try {
        const part = await req.file();
        if (!part) throw badRequest('缺少文件（字段 file）');
        file = { bytes: await part.toBuffer(), mediaType: part.mimetype, name: part.filename };
      } catch (err) {
        const status = (err as { statusCode?: number }).statusCode;
        if (err instanceof AppError || (status !== undefined && status < 500)) throw err;
        throw badRequest('上传内容格式不正确');
      }
      return reply.status(201).send(await uploadEvidence(d, actor, req.params.id, file));
    },
  );
  app.post(
    '/api/evaluations/bad-reviews/:id/appeal',
    {
      schema: {
        tags,
        summary: '申诉（被评价人所在部门）',
        params: IdParams,
        body: AppealInput,
        response: { 201: VisitOpened },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await fileAppeal(d, requireActor(req), req.params.id, req.body)),
  );
  app.post(
    '/api/evaluations/bad-reviews/:id/appeal/decide',
    {
      schema: {
        tags,
        summary: '申诉复核（监督人员）',
        params: IdParams,
        body: AppealDecisionInput,
        response: { 200: z.object({ decision: z.string() }) },
      },
    },
    async (req) => decideAppeal(d, requireActor(req), req.params.id, req.body),
  );
}
