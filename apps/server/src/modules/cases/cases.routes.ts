import {
  Applicant,
  LicenseVerification,
  RefusedCase,
  CaseDetail,
  CaseSummary,
  CaseNotice,
  ItemsOf,
  TransferCandidate,
  AcceptInput,
  ApplicantInput,
  ApplicantLookup,
  CaseCreate,
  CaseListQuery,
  DecideInput,
  DeferredReceivedInput,
  DeliverInput,
  DeliveryPrepareInput,
  ExtensionDecisionInput,
  ExtensionRequestInput,
  Id,
  InstantDecisionInput,
  IntakePreview,
  MyCases,
  OpinionInput,
  OverdueQuery,
  OverdueReply,
  ReasonInput,
  RefuseInput,
  SupplementInput,
  SupplementReceivedInput,
  SuspendInput,
  TransferInput,
  UrgeInput,
  VersionOnly,
  VisitInput,
  WithdrawInput,
} from '@tongban/contracts';
import { z } from 'zod';
import type { AppInstance } from '../../platform/app-types';
import { notFound } from '../../platform/errors';
import { limitPerClient, targetLimiter } from '../../platform/rate-limit';
import { requireActor } from '../../platform/request-context';
import * as svc from './cases.service';
import { idempotencyKey, MINUTE, sendDocx } from './cases-http';
import { portalRoutes } from './portal.routes';
import { listMyCases } from './portal/use-cases/list-my-cases';

const tags = ['cases'];
const publicTags = ['cases-public'];
const IdParams = z.object({ id: Id });
const NoticeParams = z.object({ id: Id, noticeId: Id });

type Transition<B> = (
  deps: AppInstance['deps'],
  actor: ReturnType<typeof requireActor>,
  id: string,
  body: B,
) => Promise<CaseSummary>;

export async function casesRoutes(app: AppInstance) {
  const d = app.deps;

  /** A case transition: POST /api/cases/:id/<name> with `version` in the body. */
  function transition<S extends z.ZodType>(
    name: string,
    summary: string,
    body: S,
    fn: Transition<z.infer<S>>,
  ) {
    app.post(
      `/api/cases/:id/${name}`,
      { schema: { tags, summary, params: IdParams, body, response: { 200: CaseSummary } } },
      async (req) => fn(d, requireActor(req), req.params.id, req.body as z.infer<S>),
    );
  }

  // ── Applicants (ID-1) ──
  app.post(
    '/api/applicants',
    {
      schema: {
        tags,
        summary: '登记申请人（自然人或法人；证件号码校验、加密存储、脱敏显示）',
        body: ApplicantInput,
        response: { 201: Applicant },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.createApplicant(d, requireActor(req), req.body)),
  );
  // Issue 12 point 7: the identity number travels in the body, never in the URL (request logs).
  app.post(
    '/api/applicants/lookup',
    {
      schema: {
        tags,
        summary: '按证件号码精确查找申请人（密钥哈希；号码放在请求体中）',
        body: ApplicantLookup,
        response: { 200: ItemsOf(Applicant) },
      },
    },
    async (req) => svc.findApplicantsByNumber(d, requireActor(req), req.body.idNumber),
  );
  app.get(
    '/api/applicants/:id',
    { schema: { tags, summary: '申请人（脱敏）', params: IdParams, response: { 200: Applicant } } },
    async (req) => svc.getApplicant(d, requireActor(req), req.params.id),
  );

  // ── Cases: intake and lists ──
  app.post(
    '/api/cases',
    {
      schema: {
        tags,
        summary: '窗口收件（受审分离；支持 Idempotency-Key）',
        body: CaseCreate,
        response: { 201: CaseDetail },
      },
    },
    async (req, reply) => {
      const { detail, replayed } = await svc.createCase(d, requireActor(req), req.body, idempotencyKey(req));
      return reply.status(201).header('idempotent-replayed', String(replayed)).send(detail);
    },
  );
  app.post(
    '/api/cases/intake-preview',
    {
      schema: {
        tags,
        summary: '窗口收件预览：核对材料（免提交按电子证照判断），不创建办件',
        body: CaseCreate,
        response: { 200: IntakePreview },
      },
    },
    async (req) => svc.previewIntake(d, requireActor(req), req.body),
  );
  app.get(
    '/api/cases',
    {
      schema: {
        tags,
        summary: '办件列表（含时限状态：绿/黄/红/暂停）',
        querystring: CaseListQuery,
        response: { 200: ItemsOf(CaseSummary) },
      },
    },
    async (req) => svc.listCases(d, requireActor(req), req.query),
  );
  app.get(
    '/api/cases/overdue',
    {
      schema: {
        tags,
        summary: '超期办件（按部门）',
        querystring: OverdueQuery,
        response: { 200: OverdueReply },
      },
    },
    async (req) => svc.listOverdue(d, requireActor(req), req.query.departmentId),
  );
  app.get(
    '/api/cases/refused',
    {
      schema: {
        tags,
        summary: '不予受理办件（办不成事反映窗口复核）',
        response: { 200: ItemsOf(RefusedCase) },
      },
    },
    async (req) => svc.listRefused(d, requireActor(req)),
  );
  app.get(
    '/api/cases/:id',
    {
      schema: {
        tags,
        summary: '办件详情：材料、通知书、事件、证照、时限',
        params: IdParams,
        response: { 200: CaseDetail },
      },
    },
    async (req) => svc.getDetail(d, requireActor(req), req.params.id),
  );
  app.get(
    '/api/cases/:id/transfer-candidates',
    {
      schema: {
        tags,
        summary: '可转办人员（本部门审批人员及负责人）',
        params: IdParams,
        response: { 200: ItemsOf(TransferCandidate) },
      },
    },
    async (req) => svc.listTransferCandidates(d, requireActor(req), req.params.id),
  );
  app.get(
    '/api/cases/:id/notices/:noticeId',
    {
      schema: {
        tags,
        summary: '通知书（打印视图数据）',
        params: NoticeParams,
        response: { 200: CaseNotice },
      },
    },
    async (req) => svc.getNotice(d, requireActor(req), req.params.id, req.params.noticeId),
  );
  app.get(
    '/api/cases/:id/notices/:noticeId/docx',
    { schema: { tags, summary: '通知书（.docx）', params: NoticeParams } },
    async (req, reply) => {
      const { notice, buffer } = await svc.getNoticeDocx(
        d,
        requireActor(req),
        req.params.id,
        req.params.noticeId,
      );
      return sendDocx(reply, notice.noticeNo, buffer);
    },
  );

  // ── Window decisions (ACC-1, ACC-2) ──
  transition('accept', '受理 / 容缺受理（deferred 非空）', AcceptInput, svc.accept);
  transition(
    'request-supplement',
    '一次性告知补正（全部需补正的材料一次告知）',
    SupplementInput,
    svc.requestSupplement,
  );
  transition('supplement-received', '收到补正材料', SupplementReceivedInput, svc.supplementReceived);
  transition('refuse', '不予受理（理由、告知向何机关申请）', RefuseInput, svc.refuse);
  transition('instant-decision', '即办件当场办结', InstantDecisionInput, svc.instantDecision);
  transition('deferred-received', '收到容缺材料', DeferredReceivedInput, svc.deferredReceived);
  transition('visits', '登记到现场（窗口）', VisitInput, svc.recordVisit);
  transition('withdraw', '申请人撤回', WithdrawInput, svc.withdraw);

  // ── Back office (SOD-1, SUS-1, DEC-1) ──
  transition('complete-step', '完成当前审查环节（意见）', OpinionInput, svc.completeStep);
  transition('return', '退回上一环节（理由）', ReasonInput, svc.returnStep);
  transition('transfer', '转办给本部门其他审批人员', TransferInput, svc.transfer);
  transition('urge', '催办（督查、部门负责人）', UrgeInput, svc.urge);
  transition('suspend', '进入特别程序（中止计时，告知书）', SuspendInput, svc.suspend);
  transition('resume', '特别程序结束，恢复计时', VersionOnly, svc.resume);
  transition('extension', '申请延期（一次，至多 10 个工作日）', ExtensionRequestInput, svc.requestExtension);
  transition('extension/decision', '部门负责人审批延期', ExtensionDecisionInput, svc.decideExtension);
  transition('decide', '作出决定：准予 / 不予', DecideInput, svc.decide);

  // ── Delivery (DEL-1) ──
  transition('delivery', '准备出件：窗口领取 / 邮寄 / 电子送达', DeliveryPrepareInput, svc.prepareDelivery);
  transition('deliver', '出件（签收）', DeliverInput, svc.deliver);

  // ── A signed-in applicant's own cases (issue 14, point 5) ──
  app.get(
    '/api/my/cases',
    {
      schema: {
        tags,
        summary: '我的办件（申请人账号网上申报的办件：状态、通知书、证照）',
        response: { 200: MyCases },
      },
    },
    async (req) => listMyCases(d, requireActor(req)),
  );

  // ── Public: e-license verification (SEC-2: by a random token, rate-limited) ──
  const licenseLimit = targetLimiter(app, 'license', 60, 10 * MINUTE, (req) =>
    String((req.params as { token?: unknown }).token ?? ''),
  );
  // A token of any shape is looked up: an unknown and a malformed one answer alike (SEC-2).
  const TokenParam = z.object({ token: z.string().trim().min(1).max(200) });
  app.get(
    '/api/public/licenses/:token',
    {
      schema: {
        tags: publicTags,
        summary: '电子证照核验（无需登录；凭证照上的核验码）',
        params: TokenParam,
        response: { 200: LicenseVerification },
      },
      config: { rateLimit: limitPerClient(60, MINUTE) },
      preHandler: licenseLimit,
    },
    async (req) => svc.verifyLicense(d, req.params.token),
  );
  app.get(
    '/api/public/licenses/:token/qr.svg',
    {
      schema: {
        tags: publicTags,
        summary: '电子证照核验二维码（SVG，印在证照上；地址取自 PUBLIC_BASE_URL）',
        params: TokenParam,
      },
      config: { rateLimit: limitPerClient(60, MINUTE) },
      preHandler: licenseLimit,
    },
    async (req, reply) => {
      // Only for a license that exists: a printed code never points at nothing.
      const v = await svc.verifyLicense(d, req.params.token);
      if (!v.found || !v.verifyUrl) throw notFound('电子证照', '');
      // Host header: the address is configured (PUBLIC_BASE_URL), never taken from the request.
      const url = v.verifyUrl;
      const { default: QRCode } = await import('qrcode');
      const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
      return reply
        .header('content-type', 'image/svg+xml; charset=utf-8')
        .header('x-verify-url', url)
        .send(svg);
    },
  );

  await portalRoutes(app);
}
