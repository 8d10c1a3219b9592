import {
  Board,
  ClockList,
  ClockListQuery,
  Dashboard,
  DashboardQuery,
  FigureCases,
  FigureCasesQuery,
  FiguresQuery,
  FiguresReply,
  Id,
  OrderList,
  OrderListQuery,
  OrderReplyInput,
  RefreshResult,
  SupervisionOrder,
  SupervisionBundleBoard,
  SupervisionBundleQuery,
  ThresholdInput,
  ThresholdList,
  ThresholdRow,
  WorkList,
  WorkListQuery,
} from '@tongban/contracts';
import { z } from 'zod';
import type { AppInstance } from '../../platform/app-types';
import { requireActor } from '../../platform/request-context';
import { exportFiguresXlsx } from './use-cases/export-figures';
import { getBoard, getOrder, listClocks, listOrders, listWork } from './use-cases/read-board';
import { getDashboard, getFigures, listFigureCases } from './use-cases/read-figures';
import { refreshNow } from './use-cases/refresh-supervision';
import { getBundleBoard } from './use-cases/read-bundles';
import { replyOrder } from './use-cases/reply-order';
import { listThresholds, setThreshold } from './use-cases/thresholds';

const tags = ['supervision'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const IdParams = z.object({ id: Id });

export async function supervisionRoutes(app: AppInstance) {
  const d = app.deps;
  app.get(
    '/api/supervision/board',
    { schema: { tags, summary: '电子监察看板：各部门红黄灯与督办', response: { 200: Board } } },
    async (req) => getBoard(d, requireActor(req)),
  );
  app.get(
    '/api/supervision/clocks',
    {
      schema: {
        tags,
        summary: '在办件时限（按颜色、部门）',
        querystring: ClockListQuery,
        response: { 200: ClockList },
      },
    },
    async (req) => listClocks(d, requireActor(req), req.query),
  );
  app.get(
    '/api/supervision/work',
    {
      schema: {
        tags,
        summary: '超期的差评整改与诉求工单（逐级督办）',
        querystring: WorkListQuery,
        response: { 200: WorkList },
      },
    },
    async (req) => listWork(d, requireActor(req), req.query),
  );
  app.post(
    '/api/supervision/refresh',
    {
      schema: {
        tags,
        summary: '立即重算时限、预警与指标',
        body: z.strictObject({}),
        response: { 200: RefreshResult },
      },
    },
    async (req) => refreshNow(d, requireActor(req)),
  );
  app.get(
    '/api/supervision/orders',
    { schema: { tags, summary: '督办单列表', querystring: OrderListQuery, response: { 200: OrderList } } },
    async (req) => listOrders(d, requireActor(req), req.query),
  );
  app.get(
    '/api/supervision/orders/:id',
    { schema: { tags, summary: '督办单', params: IdParams, response: { 200: SupervisionOrder } } },
    async (req) => getOrder(d, requireActor(req), req.params.id),
  );
  app.post(
    '/api/supervision/orders/:id/reply',
    {
      schema: {
        tags,
        summary: '部门负责人答复督办单',
        params: IdParams,
        body: OrderReplyInput,
        response: { 200: SupervisionOrder },
      },
    },
    async (req) => replyOrder(d, requireActor(req), req.params.id, req.body),
  );
  app.get(
    '/api/supervision/bundles',
    {
      schema: {
        tags,
        summary: '一件事：在办一件事及卡住的环节，一件事办件量、办结率、平均办结工作日',
        querystring: SupervisionBundleQuery,
        response: { 200: SupervisionBundleBoard },
      },
    },
    async (req) => getBundleBoard(d, requireActor(req), req.query),
  );
  app.get(
    '/api/supervision/thresholds',
    {
      schema: { tags, summary: '事项预警天数与环节时限', response: { 200: ThresholdList } },
    },
    async (req) => listThresholds(d, requireActor(req)),
  );
  app.put(
    '/api/supervision/thresholds/:id',
    {
      schema: {
        tags,
        summary: '设置事项预警天数与环节时限（留空恢复默认）',
        params: IdParams,
        body: ThresholdInput,
        response: { 200: ThresholdRow },
      },
    },
    async (req) => setThreshold(d, requireActor(req), req.params.id, req.body),
  );
  app.get(
    '/api/supervision/figures',
    {
      schema: {
        tags,
        summary: '办件指标（RATE-1）',
        querystring: FiguresQuery,
        response: { 200: FiguresReply },
      },
    },
    async (req) => getFigures(d, requireActor(req), req.query),
  );
  app.get(
    '/api/supervision/figures/cases',
    {
      schema: {
        tags,
        summary: '指标所计的办件',
        querystring: FigureCasesQuery,
        response: { 200: FigureCases },
      },
    },
    async (req) => listFigureCases(d, requireActor(req), req.query),
  );
  app.get(
    '/api/supervision/figures.xlsx',
    { schema: { tags, summary: '导出办件指标（.xlsx）', querystring: FiguresQuery } },
    async (req, reply) => {
      const { title, buffer } = await exportFiguresXlsx(d, requireActor(req), req.query);
      return reply
        .header('content-type', XLSX)
        .header(
          'content-disposition',
          `attachment; filename="figures.xlsx"; filename*=UTF-8''${encodeURIComponent(`${title}.xlsx`)}`,
        )
        .send(buffer);
    },
  );
  app.get(
    '/api/supervision/dashboard',
    {
      schema: {
        tags,
        summary: '领导驾驶舱：办件量、按时率、超期率',
        querystring: DashboardQuery,
        response: { 200: Dashboard },
      },
    },
    async (req) => getDashboard(d, requireActor(req), req.query),
  );
}
