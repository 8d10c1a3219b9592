import {
  BundleChoice,
  BundleDefinition,
  BundleDefinitionInput,
  BundleDefinitionList,
  BundleDeliver,
  BundleDetail,
  BundleExtensionDecide,
  BundleExtensionRequest,
  BundleFigures,
  BundleGuide,
  BundleIntake,
  BundleLicenseVerification,
  BundleList,
  BundleListQuery,
  BundleOnlineApply,
  BundleOnlineResult,
  BundlePublicChoice,
  BundleSupplementUpload,
  BundleTrackInput,
  BundleTrackResult,
  Id,
} from '@tongban/contracts';
import { z } from 'zod';
import type { AppInstance } from '../../platform/app-types';
import { limitPerClient, targetLimiter } from '../../platform/rate-limit';
import { publicActor, requireActor } from '../../platform/request-context';
import { onCaseTransition } from '../cases';
import { renderBundleGuideDocx } from './bundle-guide-docx';
import { decideBundleExtension, requestBundleExtension } from './use-cases/bundle-extension';
import { getBundleFigures } from './use-cases/bundle-figures';
import { chooseAtWindow, chooseOnline } from './use-cases/choose-after-refusal';
import { deliverBundle } from './use-cases/deliver-bundle';
import { getBundle, listBundles, trackBundle } from './use-cases/get-bundle';
import { getBundleGuide, getDefinition, listDefinitions } from './use-cases/get-definition';
import { applyOnline, intakeAtWindow } from './use-cases/intake-bundle';
import { onBranchTransition } from './use-cases/on-branch-transition';
import { uploadSupplement, verifyBundleLicense } from './use-cases/public-bundle';
import { publishDefinition, saveDefinition } from './use-cases/save-definition';

const tags = ['bundles'];
const publicTags = ['bundles-public'];
const IdParams = z.object({ id: Id });
const MINUTE = 60_000;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const Created = z.object({ bundleId: z.string(), bundleNo: z.string(), queryCode: z.string() });
const Ok = z.object({ ok: z.boolean() });

export async function bundlesRoutes(app: AppInstance) {
  const d = app.deps;
  // Branch transitions reach the bundle in their own transaction (the join, waits, SOD-1).
  onCaseTransition(onBranchTransition);

  // ── Definitions (staff) ──
  app.get(
    '/api/bundles/definitions',
    { schema: { tags, summary: '一件事主题列表', response: { 200: BundleDefinitionList } } },
    async (req) => listDefinitions(d, requireActor(req)),
  );
  app.post(
    '/api/bundles/definitions',
    {
      schema: {
        tags,
        summary: '新建一件事主题或其新版本草稿',
        body: BundleDefinitionInput,
        response: { 201: BundleDefinition },
      },
    },
    async (req, reply) => reply.status(201).send(await saveDefinition(d, requireActor(req), req.body)),
  );
  app.get(
    '/api/bundles/definitions/:id',
    {
      schema: { tags, summary: '一件事主题（版本）', params: IdParams, response: { 200: BundleDefinition } },
    },
    async (req) => getDefinition(d, requireActor(req), req.params.id),
  );
  app.post(
    '/api/bundles/definitions/:id/publish',
    {
      schema: { tags, summary: '发布一件事主题版本', params: IdParams, response: { 200: BundleDefinition } },
    },
    async (req) => publishDefinition(d, requireActor(req), req.params.id),
  );

  // ── Bundle cases (staff) ──
  app.get(
    '/api/bundles',
    {
      schema: {
        tags,
        summary: '一件事办件列表（含关键路径和卡点分支）',
        querystring: BundleListQuery,
        response: { 200: BundleList },
      },
    },
    async (req) => listBundles(d, requireActor(req), req.query),
  );
  app.post(
    '/api/bundles',
    {
      schema: {
        tags,
        summary: '综合窗口一窗受理一件事（BUN-1）',
        body: BundleIntake,
        response: { 201: Created },
      },
    },
    async (req, reply) => {
      const r = await intakeAtWindow(d, requireActor(req), req.body);
      return reply.status(201).send({ bundleId: r.bundleId, bundleNo: r.bundleNo, queryCode: r.queryCode });
    },
  );
  app.get(
    '/api/bundles/figures',
    {
      schema: {
        tags,
        summary: '一件事办件量、办结率、平均用时（TRUTH-1）',
        response: { 200: BundleFigures },
      },
    },
    async (req) => getBundleFigures(d, requireActor(req)),
  );
  app.get(
    '/api/bundles/:id',
    {
      schema: {
        tags,
        summary: '一件事详情：分支、关键路径、时限',
        params: IdParams,
        response: { 200: BundleDetail },
      },
    },
    async (req) => getBundle(d, requireActor(req), req.params.id),
  );
  app.post(
    '/api/bundles/:id/choice',
    {
      schema: {
        tags,
        summary: '分支未获通过：申请人选择继续或撤回（窗口代录）',
        params: IdParams,
        body: BundleChoice,
        response: { 200: BundleDetail },
      },
    },
    async (req) => chooseAtWindow(d, requireActor(req), req.params.id, req.body),
  );
  app.post(
    '/api/bundles/:id/deliver',
    {
      schema: {
        tags,
        summary: '一次出件（全部分支办结后）',
        params: IdParams,
        body: BundleDeliver,
        response: { 200: BundleDetail },
      },
    },
    async (req) => deliverBundle(d, requireActor(req), req.params.id, req.body),
  );
  app.post(
    '/api/bundles/:id/extension',
    {
      schema: {
        tags,
        summary: '申请延期（DEC-2：一次，≤ 15 个工作日）',
        params: IdParams,
        body: BundleExtensionRequest,
        response: { 200: BundleDetail },
      },
    },
    async (req) => requestBundleExtension(d, requireActor(req), req.params.id, req.body),
  );
  app.post(
    '/api/bundles/:id/extension/decision',
    {
      schema: {
        tags,
        summary: '审批延期（政府机关负责人）',
        params: IdParams,
        body: BundleExtensionDecide,
        response: { 200: BundleDetail },
      },
    },
    async (req) => decideBundleExtension(d, requireActor(req), req.params.id, req.body),
  );

  // ── Public (SEC-2: rate-limited, uniform answers) ──
  app.get(
    '/api/public/bundles/definitions',
    {
      schema: { tags: publicTags, summary: '可网上申办的一件事', response: { 200: BundleDefinitionList } },
      config: { rateLimit: limitPerClient(60, MINUTE) },
    },
    async () => listDefinitions(d, null),
  );
  app.get(
    '/api/public/bundles/definitions/:id/guide',
    {
      schema: {
        tags: publicTags,
        summary: '一件事办事指南（一次告知）',
        params: IdParams,
        response: { 200: BundleGuide },
      },
      config: { rateLimit: limitPerClient(60, MINUTE) },
    },
    async (req) => getBundleGuide(d, null, req.params.id),
  );
  app.get(
    '/api/public/bundles/definitions/:id/guide.docx',
    {
      schema: { tags: publicTags, summary: '一件事办事指南（.docx）', params: IdParams },
      config: { rateLimit: limitPerClient(30, MINUTE) },
    },
    async (req, reply) => {
      const buffer = await renderBundleGuideDocx(await getBundleGuide(d, null, req.params.id));
      return reply
        .header('content-type', DOCX)
        .header('content-disposition', `attachment; filename="bundle-guide.docx"`)
        .send(buffer);
    },
  );
  app.post(
    '/api/public/bundles',
    {
      schema: {
        tags: publicTags,
        summary: '网上申办一件事（一表申请、一套材料）',
        body: BundleOnlineApply,
        response: { 201: BundleOnlineResult },
      },
      config: { rateLimit: limitPerClient(10, 10 * MINUTE) },
    },
    async (req, reply) => reply.status(201).send(await applyOnline(d, publicActor(req, ''), req.body)),
  );
  const trackLimit = targetLimiter(app, 'bundle-track', 20, 10 * MINUTE, (req) =>
    String((req.body as { bundleNo?: unknown } | undefined)?.bundleNo ?? ''),
  );
  app.post(
    '/api/public/bundles/track',
    {
      schema: {
        tags: publicTags,
        summary: '一件事查询（编号 + 查询码）',
        body: BundleTrackInput,
        response: { 200: BundleTrackResult },
      },
      config: { rateLimit: limitPerClient(30, MINUTE) },
      preHandler: trackLimit,
    },
    async (req) => trackBundle(d, req.body),
  );
  app.post(
    '/api/public/bundles/supplement',
    {
      schema: {
        tags: publicTags,
        summary: '网上补正一个分支的材料',
        body: BundleSupplementUpload,
        response: { 200: BundleTrackResult },
      },
      config: { rateLimit: limitPerClient(20, 10 * MINUTE) },
      preHandler: trackLimit,
    },
    async (req) => uploadSupplement(d, req.body),
  );
  app.post(
    '/api/public/bundles/choice',
    {
      schema: {
        tags: publicTags,
        summary: '分支未获通过：申请人选择继续或撤回',
        body: BundlePublicChoice,
        response: { 200: Ok },
      },
      config: { rateLimit: limitPerClient(10, 10 * MINUTE) },
      preHandler: trackLimit,
    },
    async (req) => chooseOnline(d, publicActor(req, ''), req.body),
  );
  const licenseLimit = targetLimiter(app, 'bundle-license', 60, 10 * MINUTE, (req) =>
    String((req.params as { token?: unknown }).token ?? ''),
  );
  app.get(
    '/api/public/bundles/licenses/:token',
    {
      schema: {
        tags: publicTags,
        summary: '一业一证核验（凭核验码）',
        params: z.object({ token: z.string().trim().min(1).max(200) }),
        response: { 200: BundleLicenseVerification },
      },
      config: { rateLimit: limitPerClient(60, MINUTE) },
      preHandler: licenseLimit,
    },
    async (req) => verifyBundleLicense(d, req.params.token),
  );
}
