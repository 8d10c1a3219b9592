import {
  HallFiguresQuery,
  HallFigures,
  HallIdParams,
  HallRecordParams,
  InspectionNotice,
  MonthQuery,
  NoticeFollowUpInput,
  NoticeList,
  NoticeQuery,
  NoticeReplyInput,
  Patrol,
  PatrolDay,
  PatrolProblem,
  PatrolProblemInput,
  PatrolProblemList,
  PatrolProblemQuery,
} from '@tongban/contracts';
import { z } from 'zod';
import { assertAccess } from '../../platform/access';
import type { AppInstance } from '../../platform/app-types';
import { AppError, badRequest } from '../../platform/errors';
import { requireActor } from '../../platform/request-context';
import { finishPatrol } from './use-cases/finish-patrol';
import { hallFigures } from './use-cases/hall-figures';
import { followUpNotice, listNotices, replyNotice } from './use-cases/notices';
import { monthProblems, patrolReport } from './use-cases/patrol-report';
import { addPatrolNow, addProblem, patrolDay, startPatrol } from './use-cases/patrols';
import { attachProblemPhoto } from './use-cases/problem-photo';

const tags = ['hall'];
const DatePart = z.object({ date: z.iso.date().optional() });
const PhotoReply = z.object({ photo: z.string() });

/** Patrols and 督查告知书 (PAT-1), and the hall figures (TRUTH-1). */
export function hallPatrolRoutes(app: AppInstance) {
  const d = app.deps;
  // ── Patrols and 督查告知书 (PAT-1) ──
  app.get(
    '/api/hall/halls/:hallId/patrols',
    {
      schema: {
        tags,
        summary: '当日巡查（时间到点才显示）',
        params: HallIdParams,
        querystring: DatePart,
        response: { 200: PatrolDay },
      },
    },
    async (req) => patrolDay(d, requireActor(req), req.params.hallId, req.query.date),
  );
  app.post(
    '/api/hall/halls/:hallId/patrols',
    {
      schema: {
        tags,
        summary: '临时加一次巡查（立即开始）',
        params: HallIdParams,
        response: { 201: Patrol },
      },
    },
    async (req, reply) => reply.status(201).send(await addPatrolNow(d, requireActor(req), req.params.hallId)),
  );
  app.post(
    '/api/hall/patrols/:id/start',
    { schema: { tags, summary: '开始巡查', params: HallRecordParams, response: { 200: Patrol } } },
    async (req) => startPatrol(d, requireActor(req), req.params.id),
  );
  app.post(
    '/api/hall/patrols/:id/problems',
    {
      schema: {
        tags,
        summary: '记录巡查问题',
        params: HallRecordParams,
        body: PatrolProblemInput,
        response: { 201: PatrolProblem },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addProblem(d, requireActor(req), req.params.id, req.body)),
  );
  app.post(
    '/api/hall/patrols/:id/finish',
    {
      schema: {
        tags,
        summary: '结束巡查并发出督查告知书',
        params: HallRecordParams,
        response: { 200: Patrol },
      },
    },
    async (req) => finishPatrol(d, requireActor(req), req.params.id),
  );
  app.post(
    '/api/hall/patrol-problems/:id/photo',
    {
      schema: {
        tags,
        summary: '上传问题照片（multipart，字段 file）',
        params: HallRecordParams,
        response: { 200: PhotoReply },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      assertAccess(actor, 'hall.patrol');
      if (!req.isMultipart()) throw badRequest('请以 multipart/form-data 上传照片（字段 file）');
      let file;
      try {
        const part = await req.file();
        if (!part) throw badRequest('缺少文件（字段 file）');
        file = { bytes: await part.toBuffer(), mediaType: part.mimetype, name: part.filename };
      } catch (err) {
        const status = (err as { statusCode?: number }).statusCode;
        if (err instanceof AppError || (status !== undefined && status < 500)) throw err;
        throw badRequest('上传内容格式不正确');
      }
      return attachProblemPhoto(d, actor, req.params.id, file);
    },
  );
  app.get(
    '/api/hall/halls/:hallId/patrol-problems',
    {
      schema: {
        tags,
        summary: '巡查问题（按月、部门、类型）',
        params: HallIdParams,
        querystring: PatrolProblemQuery,
        response: { 200: PatrolProblemList },
      },
    },
    async (req) => {
      const month =
        req.query.month ?? new Date(d.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 7);
      const { problems } = await monthProblems(
        d,
        requireActor(req),
        req.params.hallId,
        month,
        req.query.departmentId,
      );
      return { problems: req.query.kind ? problems.filter((p) => p.kind === req.query.kind) : problems };
    },
  );
  app.get(
    '/api/hall/halls/:hallId/patrol-report.docx',
    {
      schema: {
        tags,
        summary: '月度督查巡查通报（.docx）',
        params: HallIdParams,
        querystring: MonthQuery.omit({ hallId: true }),
      },
    },
    async (req, reply) => {
      const { bytes, name } = await patrolReport(d, requireActor(req), req.params.hallId, req.query.month);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header(
          'content-disposition',
          `attachment; filename="patrol-report.docx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(bytes);
    },
  );
  app.get(
    '/api/hall/notices',
    { schema: { tags, summary: '督查告知书', querystring: NoticeQuery, response: { 200: NoticeList } } },
    async (req) => listNotices(d, requireActor(req), req.query),
  );
  app.post(
    '/api/hall/notices/:id/reply',
    {
      schema: {
        tags,
        summary: '部门反馈整改情况',
        params: HallRecordParams,
        body: NoticeReplyInput,
        response: { 200: InspectionNotice },
      },
    },
    async (req) => replyNotice(d, requireActor(req), req.params.id, req.body.reply),
  );
  app.post(
    '/api/hall/notices/:id/follow-up',
    {
      schema: {
        tags,
        summary: '督查复查',
        params: HallRecordParams,
        body: NoticeFollowUpInput,
        response: { 200: InspectionNotice },
      },
    },
    async (req) => followUpNotice(d, requireActor(req), req.params.id, req.body.passed, req.body.note),
  );

  // ── Figures (TRUTH-1) ──
  app.get(
    '/api/hall/figures',
    {
      schema: {
        tags,
        summary: '大厅指标：等候时长、窗口办件量、爽约率、巡查问题',
        querystring: HallFiguresQuery,
        response: { 200: HallFigures },
      },
    },
    async (req) => hallFigures(d, requireActor(req), req.query),
  );
}
