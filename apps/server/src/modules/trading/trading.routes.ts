import {
  BidCreate,
  Bidder,
  TradingComplaint,
  TradingComplaintAnswer,
  TradingComplaintCreate,
  CreatedId,
  DeclarationCreate,
  Deposit,
  DepositBoard,
  DepositCreate,
  DepositQuery,
  Draw,
  DrawCreate,
  DrawReplay,
  ExpertCreate,
  ExpertList,
  ExpertListQuery,
  TradingFiguresQuery,
  Id,
  ProjectCreate,
  ProjectDetail,
  ProjectEntryCreate,
  ProjectList,
  ProjectListQuery,
  ProjectNoParams,
  ProjectSummary,
  ProjectTransition,
  PublicProject,
  RatingsInput,
  RefundCreate,
  RoomBookingCreate,
  RoomDay,
  RoomDayQuery,
  SubstituteInput,
  SweepResult,
  TradingFigures,
  TradingOk,
} from '@tongban/contracts';
import { z } from 'zod';
import type { AppInstance } from '../../platform/app-types';
import { limitPerClient } from '../../platform/rate-limit';
import { requireActor } from '../../platform/request-context';
import { addProjectEntry } from './use-cases/add-project-entry';
import { bookRoom, getRoomDay } from './use-cases/book-room';
import { commitDraw } from './use-cases/commit-draw';
import { answerComplaint, fileComplaint } from './use-cases/complaints';
import { getDepositBoard } from './use-cases/deposit-board';
import { getDraw, replayDraw } from './use-cases/get-draw';
import { getProject, getPublicProject, listProjects } from './use-cases/get-project';
import { createExpert, listExperts, rateExperts } from './use-cases/manage-experts';
import { openSealedList } from './use-cases/open-sealed-list';
import { recordBid, withdrawBid } from './use-cases/record-bid';
import { recordDeposit } from './use-cases/record-deposit';
import { registerProject } from './use-cases/register-project';
import { refundDeposit } from './use-cases/refund-deposit';
import { runPanelDraw } from './use-cases/run-draw';
import { substituteMember } from './use-cases/substitute-member';
import { sweepOverdueDeposits } from './use-cases/sweep-overdue-deposits';
import { declareOffPlatform, getTradingFigures } from './use-cases/trading-figures';
import { transitionProject } from './use-cases/transition-project';

const tags = ['trading'];
const IdParams = z.object({ id: Id });
const BidderParams = z.object({ id: Id, bidderId: Id });
const ComplaintParams = z.object({ id: Id, complaintId: Id });
const OK = { ok: true } as const;

export async function tradingRoutes(app: AppInstance) {
  const d = app.deps;
  // ── projects ──
  app.get(
    '/api/trading/projects',
    {
      schema: {
        tags,
        summary: '交易项目列表',
        querystring: ProjectListQuery,
        response: { 200: ProjectList },
      },
    },
    async (req) => listProjects(d, requireActor(req), req.query),
  );
  app.post(
    '/api/trading/projects',
    { schema: { tags, summary: '登记交易项目', body: ProjectCreate, response: { 200: ProjectSummary } } },
    async (req) => registerProject(d, requireActor(req), req.body),
  );
  app.get(
    '/api/trading/projects/:id',
    {
      schema: {
        tags,
        summary: '交易项目详情与可执行操作',
        params: IdParams,
        response: { 200: ProjectDetail },
      },
    },
    async (req) => getProject(d, requireActor(req), req.params.id),
  );
  app.post(
    '/api/trading/projects/:id/transition',
    {
      schema: {
        tags,
        summary: '项目状态变更（公告、开标、评标、公示、定标、合同、验收、终止）',
        params: IdParams,
        body: ProjectTransition,
        response: { 200: TradingOk },
      },
    },
    async (req) => (await transitionProject(d, requireActor(req), req.params.id, req.body), OK),
  );
  app.post(
    '/api/trading/projects/:id/entries',
    {
      schema: {
        tags,
        summary: '发布公告或上传文件新版本',
        params: IdParams,
        body: ProjectEntryCreate,
        response: { 200: TradingOk },
      },
    },
    async (req) => (await addProjectEntry(d, requireActor(req), req.params.id, req.body), OK),
  );
  app.post(
    '/api/trading/projects/:id/bids',
    {
      schema: {
        tags,
        summary: '接收投标文件（截止前）',
        params: IdParams,
        body: BidCreate,
        response: { 200: Bidder },
      },
    },
    async (req) => recordBid(d, requireActor(req), req.params.id, req.body),
  );
  app.post(
    '/api/trading/projects/:id/bids/:bidderId/withdraw',
    { schema: { tags, summary: '截止前撤回投标', params: BidderParams, response: { 200: TradingOk } } },
    async (req) => (await withdrawBid(d, requireActor(req), req.params.id, req.params.bidderId), OK),
  );
  app.post(
    '/api/trading/projects/:id/deposits',
    {
      schema: {
        tags,
        summary: '登记投标保证金',
        params: IdParams,
        body: DepositCreate,
        response: { 200: Deposit },
      },
    },
    async (req) => recordDeposit(d, requireActor(req), req.params.id, req.body),
  );
  app.post(
    '/api/trading/projects/:id/draws',
    {
      schema: {
        tags,
        summary: '承诺抽取种子（先公布哈希）',
        params: IdParams,
        body: DrawCreate,
        response: { 200: Draw },
      },
    },
    async (req) => commitDraw(d, requireActor(req), req.params.id, req.body),
  );
  // ── complaints (BID-3) ──
  app.post(
    '/api/trading/projects/:id/complaints',
    {
      schema: {
        tags,
        summary: '登记投诉（公示开始后 10 日内）',
        params: IdParams,
        body: TradingComplaintCreate,
        response: { 200: TradingComplaint },
      },
    },
    async (req) => fileComplaint(d, requireActor(req), req.params.id, req.body),
  );
  app.post(
    '/api/trading/projects/:id/complaints/:complaintId/answer',
    {
      schema: {
        tags,
        summary: '投诉受理与否、专家评审、处理决定（须写明理由）',
        params: ComplaintParams,
        body: TradingComplaintAnswer,
        response: { 200: TradingComplaint },
      },
    },
    async (req) => answerComplaint(d, requireActor(req), req.params.id, req.params.complaintId, req.body),
  );
  // ── draws ──
  app.get(
    '/api/trading/draws/:id',
    { schema: { tags, summary: '抽取记录（开启前不含姓名）', params: IdParams, response: { 200: Draw } } },
    async (req) => getDraw(d, requireActor(req), req.params.id),
  );
  app.post(
    '/api/trading/draws/:id/run',
    { schema: { tags, summary: '执行抽取（名单密封）', params: IdParams, response: { 200: Draw } } },
    async (req) => runPanelDraw(d, requireActor(req), req.params.id),
  );
  app.post(
    '/api/trading/draws/:id/open',
    { schema: { tags, summary: '监督人员按时开启密封名单', params: IdParams, response: { 200: Draw } } },
    async (req) => openSealedList(d, requireActor(req), req.params.id),
  );
  app.get(
    '/api/trading/draws/:id/replay',
    { schema: { tags, summary: '以公开种子复现抽取', params: IdParams, response: { 200: DrawReplay } } },
    async (req) => replayDraw(d, requireActor(req), req.params.id),
  );
  app.post(
    '/api/trading/draws/:id/substitute',
    {
      schema: {
        tags,
        summary: '专家回避，候补递补',
        params: IdParams,
        body: SubstituteInput,
        response: { 200: Draw },
      },
    },
    async (req) => substituteMember(d, requireActor(req), req.params.id, req.body),
  );
  app.post(
    '/api/trading/draws/:id/ratings',
    {
      schema: {
        tags,
        summary: '评标后评价专家',
        params: IdParams,
        body: RatingsInput,
        response: { 200: TradingOk },
      },
    },
    async (req) => (await rateExperts(d, requireActor(req), req.params.id, req.body), OK),
  );
  // ── experts ──
  app.get(
    '/api/trading/experts',
    { schema: { tags, summary: '评标专家库', querystring: ExpertListQuery, response: { 200: ExpertList } } },
    async (req) => listExperts(d, requireActor(req), req.query),
  );
  app.post(
    '/api/trading/experts',
    {
      schema: {
        tags,
        summary: '专家入库（含申报的关联关系）',
        body: ExpertCreate,
        response: { 200: CreatedId },
      },
    },
    async (req) => createExpert(d, requireActor(req), req.body),
  );
  // ── deposits ──
  app.get(
    '/api/trading/deposits',
    {
      schema: {
        tags,
        summary: '保证金台账与逾期看板',
        querystring: DepositQuery,
        response: { 200: DepositBoard },
      },
    },
    async (req) => getDepositBoard(d, requireActor(req), req.query),
  );
  app.post(
    '/api/trading/deposits/:id/refund',
    {
      schema: {
        tags,
        summary: '登记保证金退还（银行流水号）',
        params: IdParams,
        body: RefundCreate,
        response: { 200: Deposit },
      },
    },
    async (req) => refundDeposit(d, requireActor(req), req.params.id, req.body),
  );
  app.post(
    '/api/trading/deposits/sweep',
    { schema: { tags, summary: '逾期未退保证金推送监督待办', response: { 200: SweepResult } } },
    async (req) => sweepOverdueDeposits(d, requireActor(req)),
  );
  // ── rooms, figures ──
  app.get(
    '/api/trading/rooms',
    {
      schema: {
        tags,
        summary: '评标室与远程席位预约及当日封闭区准入名单',
        querystring: RoomDayQuery,
        response: { 200: RoomDay },
      },
    },
    async (req) => getRoomDay(d, requireActor(req), req.query.day),
  );
  app.post(
    '/api/trading/rooms',
    {
      schema: {
        tags,
        summary: '预约评标室或远程评标席位',
        body: RoomBookingCreate,
        response: { 200: CreatedId },
      },
    },
    async (req) => bookRoom(d, requireActor(req), req.body),
  );
  app.get(
    '/api/trading/figures',
    {
      schema: {
        tags,
        summary: '应进必进：进场交易率',
        querystring: TradingFiguresQuery,
        response: { 200: TradingFigures },
      },
    },
    async (req) => getTradingFigures(d, requireActor(req), req.query.year),
  );
  app.post(
    '/api/trading/declarations',
    {
      schema: { tags, summary: '部门申报场外交易数', body: DeclarationCreate, response: { 200: CreatedId } },
    },
    async (req) => declareOffPlatform(d, requireActor(req), req.body),
  );
  // ── public ──
  app.get(
    '/api/public/trading/projects/:projectNo',
    {
      schema: {
        tags: ['public'],
        summary: '交易项目公开页：公告与结果',
        params: ProjectNoParams,
        response: { 200: PublicProject },
      },
      config: { rateLimit: limitPerClient(120, 60_000) },
    },
    async (req) => getPublicProject(d, req.params.projectNo),
  );
}
