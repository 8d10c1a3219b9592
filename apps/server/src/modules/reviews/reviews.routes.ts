import {
  Assessment,
  AssessmentInput,
  AssessmentList,
  AutoFinding,
  AutoFindingAcceptInput,
  AutoFindingDismissInput,
  AutoFindingList,
  AutoFindingStatus,
  AutoRuleInput,
  AutoRuleKey,
  AutoRuleList,
  CarryOverInput,
  CarryOverResult,
  EvaluateInput,
  EvaluateResult,
  Id,
  ReplayResult,
  ReviewPlan,
  ReviewPlanDetail,
  ReviewPlanInput,
  ReviewPlanList,
  ReviewerCandidateList,
  Scheme,
  SchemeInput,
  SchemeList,
  ScoreInput,
} from '@tongban/contracts';
import { z } from 'zod';
import type { AppInstance } from '../../platform/app-types';
import { requireActor } from '../../platform/request-context';
import { renderAssessmentReport, renderReviewReport } from './reviews-notices';
import { ruleSettings, listAutoRules, setAutoRule } from './use-cases/auto-rule-settings';
import { carryOverFindings } from './use-cases/carry-over-findings';
import { computeAssessment } from './use-cases/compute-assessment';
import { createReviewPlan, listReviewerCandidates } from './use-cases/create-review-plan';
import { acceptAutoFinding, dismissAutoFinding, listAutoFindings } from './use-cases/decide-auto-finding';
import { drawReviewPlan } from './use-cases/draw-review-plan';
import { evaluateAutoRules } from './use-cases/evaluate-auto-rules';
import { editAssessment, getAssessment, listAssessments } from './use-cases/get-assessment';
import { getReviewPlan, listReviewPlans } from './use-cases/get-review-plan';
import { listSchemes, publishScheme } from './use-cases/publish-scheme';
import { replayReviewDraw } from './use-cases/replay-review-draw';
import { scoreReviewFile } from './use-cases/score-review-file';

const tags = ['reviews'];
const IdParams = z.object({ id: Id });
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const attachment = (name: string) =>
  `attachment; filename="report.docx"; filename*=UTF-8''${encodeURIComponent(name)}`;

export async function reviewsRoutes(app: AppInstance) {
  const d = app.deps;
  // ── 卷宗评查 (FR-1) ──
  app.get(
    '/api/reviews/plans',
    { schema: { tags, summary: '卷宗评查计划', response: { 200: ReviewPlanList } } },
    async (req) => listReviewPlans(d, requireActor(req)),
  );
  app.get(
    '/api/reviews/reviewers',
    { schema: { tags, summary: '可抽取的评查人员', response: { 200: ReviewerCandidateList } } },
    async (req) => listReviewerCandidates(d, requireActor(req)),
  );
  app.post(
    '/api/reviews/plans',
    {
      schema: {
        tags,
        summary: '新建评查计划（承诺种子摘要）',
        body: ReviewPlanInput,
        response: { 200: ReviewPlan },
      },
    },
    async (req) => createReviewPlan(d, requireActor(req), req.body),
  );
  app.get(
    '/api/reviews/plans/:id',
    {
      schema: {
        tags,
        summary: '评查计划、卷宗与各部门结果',
        params: IdParams,
        response: { 200: ReviewPlanDetail },
      },
    },
    async (req) => getReviewPlan(d, requireActor(req), req.params.id),
  );
  app.post(
    '/api/reviews/plans/:id/draw',
    {
      schema: {
        tags,
        summary: '随机抽取卷宗与评查人员，公开种子',
        params: IdParams,
        response: { 200: ReviewPlanDetail },
      },
    },
    async (req) => drawReviewPlan(d, requireActor(req), req.params.id),
  );
  app.get(
    '/api/reviews/plans/:id/replay',
    { schema: { tags, summary: '按公开的种子复现抽取', params: IdParams, response: { 200: ReplayResult } } },
    async (req) => replayReviewDraw(d, requireActor(req), req.params.id),
  );
  app.get(
    '/api/reviews/plans/:id/report.docx',
    { schema: { tags, summary: '卷宗评查通报（.docx）', params: IdParams } },
    async (req, reply) => {
      const actor = requireActor(req);
      const plan = await getReviewPlan(d, actor, req.params.id);
      const bar = (await ruleSettings(d.db, plan.regionCode)).low_review_score.threshold;
      const buffer = await renderReviewReport(plan, bar);
      return reply
        .header('content-type', DOCX)
        .header('content-disposition', attachment(`${plan.title}通报.docx`))
        .send(buffer);
    },
  );
  app.post(
    '/api/reviews/files/:id/score',
    {
      schema: {
        tags,
        summary: '评查评分（确认系统预填）',
        params: IdParams,
        body: ScoreInput,
        response: { 200: ReviewPlanDetail },
      },
    },
    async (req) => scoreReviewFile(d, requireActor(req), req.params.id, req.body),
  );

  // ── 考核 (ASSESS-1) ──
  app.get(
    '/api/reviews/schemes',
    { schema: { tags, summary: '已发布的考核方案', response: { 200: SchemeList } } },
    async (req) => listSchemes(d, requireActor(req)),
  );
  app.post(
    '/api/reviews/schemes',
    { schema: { tags, summary: '发布考核方案', body: SchemeInput, response: { 200: Scheme } } },
    async (req) => publishScheme(d, requireActor(req), req.body),
  );
  app.get(
    '/api/reviews/assessments',
    { schema: { tags, summary: '考核结果', response: { 200: AssessmentList } } },
    async (req) => listAssessments(d, requireActor(req)),
  );
  app.post(
    '/api/reviews/assessments',
    { schema: { tags, summary: '依据记录计算考核', body: AssessmentInput, response: { 200: Assessment } } },
    async (req) => computeAssessment(d, requireActor(req), req.body),
  );
  app.get(
    '/api/reviews/assessments/:id',
    { schema: { tags, summary: '考核结果与分项', params: IdParams, response: { 200: Assessment } } },
    async (req) => getAssessment(d, requireActor(req), req.params.id),
  );
  app.patch(
    '/api/reviews/assessments/:id',
    { schema: { tags, summary: '修改考核结果（不允许：由记录计算）', params: IdParams } },
    async (req) => editAssessment(d, requireActor(req), req.params.id),
  );
  app.get(
    '/api/reviews/assessments/:id/report.docx',
    { schema: { tags, summary: '考核通报（.docx）', params: IdParams } },
    async (req, reply) => {
      const a = await getAssessment(d, requireActor(req), req.params.id);
      return reply
        .header('content-type', DOCX)
        .header('content-disposition', attachment(`${a.periodLabel}考核通报.docx`))
        .send(await renderAssessmentReport(a));
    },
  );

  // ── Automatic findings ──
  app.get(
    '/api/reviews/rules',
    { schema: { tags, summary: '自动发现规则与阈值', response: { 200: AutoRuleList } } },
    async (req) => listAutoRules(d, requireActor(req)),
  );
  app.put(
    '/api/reviews/rules/:rule',
    {
      schema: {
        tags,
        summary: '设置规则阈值',
        params: z.object({ rule: AutoRuleKey }),
        body: AutoRuleInput,
        response: { 200: AutoRuleList },
      },
    },
    async (req) => setAutoRule(d, requireActor(req), req.params.rule, req.body),
  );
  app.get(
    '/api/reviews/auto-findings',
    {
      schema: {
        tags,
        summary: '自动发现的问题',
        querystring: z.object({ status: AutoFindingStatus.optional() }),
        response: { 200: AutoFindingList },
      },
    },
    async (req) => listAutoFindings(d, requireActor(req), req.query.status),
  );
  app.post(
    '/api/reviews/auto-findings/evaluate',
    {
      schema: {
        tags,
        summary: '按月运行全部自动发现规则',
        body: EvaluateInput,
        response: { 200: EvaluateResult },
      },
    },
    async (req) => evaluateAutoRules(d, requireActor(req), req.body.month),
  );
  app.post(
    '/api/reviews/auto-findings/:id/accept',
    {
      schema: {
        tags,
        summary: '转入巡察（自查）台账',
        params: IdParams,
        body: AutoFindingAcceptInput,
        response: { 200: AutoFinding },
      },
    },
    async (req) => acceptAutoFinding(d, requireActor(req), req.params.id, req.body),
  );
  app.post(
    '/api/reviews/auto-findings/:id/dismiss',
    {
      schema: {
        tags,
        summary: '驳回（须写明理由）',
        params: IdParams,
        body: AutoFindingDismissInput,
        response: { 200: AutoFinding },
      },
    },
    async (req) => dismissAutoFinding(d, requireActor(req), req.params.id, req.body.reason),
  );
  app.post(
    '/api/reviews/carry-over',
    {
      schema: {
        tags,
        summary: '未销号问题延续到同一单位的下一次检查',
        body: CarryOverInput,
        response: { 200: CarryOverResult },
      },
    },
    async (req) => carryOverFindings(d, requireActor(req), req.body),
  );
}
