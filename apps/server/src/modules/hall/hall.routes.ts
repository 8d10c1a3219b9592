import {
  Booking,
  BookingCancelInput,
  BookingConfirmInput,
  BookingHoldInput,
  BookingList,
  BookingQuery,
  CallScreen,
  CheckInInput,
  ConsoleState,
  HallFiguresQuery,
  HallFigures,
  HallIdParams,
  HallOverview,
  HallRecordParams,
  HallSettings,
  HallSettingsInput,
  InspectionNotice,
  ItemGroup,
  ItemGroupInput,
  MonthQuery,
  NoShowRunReply,
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
  Presence,
  PresenceBoard,
  PresenceRegister,
  PresenceSignInInput,
  PublicHallList,
  CallSpecificInput,
  Slot,
  SlotBatchInput,
  SlotCapacityInput,
  SlotList,
  SlotQuery,
  TicketDetail,
  Ticket,
  TicketIssueInput,
  TicketList,
  TicketQuery,
  TicketTransferInput,
  TidalApplyInput,
  TidalView,
} from '@tongban/contracts';
import { z } from 'zod';
import { assertAccess } from '../../platform/access';
import type { AppInstance } from '../../platform/app-types';
import { AppError, badRequest } from '../../platform/errors';
import { limitPerClient } from '../../platform/rate-limit';
import { publicActor, requireActor } from '../../platform/request-context';
import { subscribeCalls } from './call-bus';
import { cancelBooking, confirmBooking } from './use-cases/change-booking';
import { finishPatrol } from './use-cases/finish-patrol';
import { hallFigures } from './use-cases/hall-figures';
import { holdBooking } from './use-cases/hold-booking';
import { checkInBooking, issueTicket } from './use-cases/issue-ticket';
import {
  createGroup,
  createSlots,
  readSettings,
  saveSettings,
  setSlotCapacity,
} from './use-cases/manage-hall';
import { markNoShows } from './use-cases/mark-no-shows';
import { followUpNotice, listNotices, replyNotice } from './use-cases/notices';
import { monthProblems, patrolReport } from './use-cases/patrol-report';
import { addPatrolNow, addProblem, patrolDay, startPatrol } from './use-cases/patrols';
import { presenceBoard, presenceRegister } from './use-cases/presence-board';
import { signIn, signOut } from './use-cases/presence';
import { attachProblemPhoto } from './use-cases/problem-photo';
import {
  callScreen,
  consoleState,
  hallOverview,
  listBookingsFor,
  listPublicHalls,
  listSlotsOfDay,
  listTicketsFor,
  ticketDetail,
} from './use-cases/queue-views';
import { serveTicket, transferTicket } from './use-cases/serve-ticket';
import { getHall } from './use-cases/shared';
import { applyTidalSwitch, tidalView } from './use-cases/tidal-windows';

const tags = ['hall'];
const pub = ['public'];
// SEC-2: public booking and check-in are limited per client address; screens refresh often.
const DatePart = z.object({ date: z.iso.date().optional() });
const Days = z.object({ days: z.coerce.number().int().min(1).max(366).default(30) });
const Done = z.object({ windowId: z.string(), groupIds: z.array(z.string()) });
const PhotoReply = z.object({ photo: z.string() });

export async function hallRoutes(app: AppInstance) {
  const d = app.deps;
  // Made here, not at load: the limits scale with RATE_LIMIT_SCALE, known once the app is built.
  const BOOKING_LIMIT = limitPerClient(20, 60_000);
  const SCREEN_LIMIT = limitPerClient(600, 60_000);

  // ── Public: booking (APT-1), kiosk, call screen, board ──
  app.get(
    '/api/public/hall/halls',
    {
      schema: { tags: pub, summary: '可预约/取号的大厅与事项分组', response: { 200: PublicHallList } },
      config: { rateLimit: SCREEN_LIMIT },
    },
    async () => listPublicHalls(d),
  );
  app.get(
    '/api/public/hall/slots',
    {
      schema: {
        tags: pub,
        summary: '某日的预约时段与余量',
        querystring: SlotQuery,
        response: { 200: SlotList },
      },
      config: { rateLimit: SCREEN_LIMIT },
    },
    async (req) => listSlotsOfDay(d, req.query),
  );
  app.post(
    '/api/public/hall/bookings',
    {
      schema: {
        tags: pub,
        summary: '网上预约：实名占位（待确认）',
        body: BookingHoldInput,
        response: { 201: Booking },
      },
      config: { rateLimit: BOOKING_LIMIT },
    },
    async (req, reply) =>
      reply.status(201).send(await holdBooking(d, publicActor(req, ''), req.body, 'portal')),
  );
  app.post(
    '/api/public/hall/bookings/:id/confirm',
    {
      schema: {
        tags: pub,
        summary: '确认预约（凭预约码）',
        params: HallRecordParams,
        body: BookingConfirmInput,
        response: { 200: Booking },
      },
      config: { rateLimit: BOOKING_LIMIT },
    },
    async (req) => confirmBooking(d, publicActor(req, ''), req.params.id, req.body.code),
  );
  app.post(
    '/api/public/hall/bookings/:id/cancel',
    {
      schema: {
        tags: pub,
        summary: '取消预约（凭预约码）',
        params: HallRecordParams,
        body: BookingCancelInput,
        response: { 200: Booking },
      },
      config: { rateLimit: BOOKING_LIMIT },
    },
    async (req) => cancelBooking(d, publicActor(req, ''), req.params.id, req.body.code),
  );
  app.post(
    '/api/public/hall/tickets',
    {
      schema: { tags: pub, summary: '自助取号', body: TicketIssueInput, response: { 201: Ticket } },
      config: { rateLimit: BOOKING_LIMIT },
    },
    async (req, reply) => reply.status(201).send(await issueTicket(d, publicActor(req, ''), req.body)),
  );
  app.post(
    '/api/public/hall/check-in',
    {
      schema: {
        tags: pub,
        summary: '预约签到取号（身份证号在请求体中）',
        body: CheckInInput,
        response: { 201: Ticket },
      },
      config: { rateLimit: BOOKING_LIMIT },
    },
    async (req, reply) => reply.status(201).send(await checkInBooking(d, publicActor(req, ''), req.body)),
  );
  app.get(
    '/api/public/hall/tickets/:id',
    {
      schema: {
        tags: pub,
        summary: '号票：前面还有几人',
        params: HallRecordParams,
        response: { 200: TicketDetail },
      },
      config: { rateLimit: SCREEN_LIMIT },
    },
    async (req) => ticketDetail(d, req.params.id, null),
  );
  app.get(
    '/api/public/hall/halls/:hallId/calls',
    {
      schema: {
        tags: pub,
        summary: '叫号屏：最近叫号与等候人数',
        params: HallIdParams,
        response: { 200: CallScreen },
      },
      config: { rateLimit: SCREEN_LIMIT },
    },
    async (req) => callScreen(d, req.params.hallId),
  );
  app.get(
    '/api/public/hall/halls/:hallId/calls/stream',
    {
      schema: { tags: pub, summary: '叫号屏事件流（server-sent events）', params: HallIdParams },
      config: { rateLimit: SCREEN_LIMIT },
    },
    async (req, reply) => {
      await getHall(d.db, req.params.hallId);
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      raw.write(': 已连接\n\n');
      const off = subscribeCalls(req.params.hallId, (c) =>
        raw.write(`event: call\ndata: ${JSON.stringify(c)}\n\n`),
      );
      const ping = setInterval(() => raw.write(': ping\n\n'), 15_000);
      req.raw.on('close', () => {
        off();
        clearInterval(ping);
      });
    },
  );
  app.get(
    '/api/public/hall/halls/:hallId/board',
    {
      schema: {
        tags: pub,
        summary: '在岗公示牌：只列实际在岗的进驻人员',
        params: HallIdParams,
        response: { 200: PresenceBoard },
      },
      config: { rateLimit: SCREEN_LIMIT },
    },
    async (req) => presenceBoard(d, req.params.hallId),
  );

  // ── Hall manager: groups, slots, settings, no-shows ──
  app.get(
    '/api/hall/halls/:hallId/overview',
    {
      schema: {
        tags,
        summary: '大厅概况：分组排队与窗口在岗',
        params: HallIdParams,
        response: { 200: HallOverview },
      },
    },
    async (req) => hallOverview(d, requireActor(req), req.params.hallId),
  );
  app.post(
    '/api/hall/groups',
    { schema: { tags, summary: '新增事项分组', body: ItemGroupInput, response: { 201: ItemGroup } } },
    async (req, reply) => reply.status(201).send(await createGroup(d, requireActor(req), req.body)),
  );
  app.post(
    '/api/hall/slots',
    { schema: { tags, summary: '按日生成预约时段', body: SlotBatchInput, response: { 201: SlotList } } },
    async (req, reply) => reply.status(201).send(await createSlots(d, requireActor(req), req.body)),
  );
  app.patch(
    '/api/hall/slots/:id',
    {
      schema: {
        tags,
        summary: '调整时段容量',
        params: HallRecordParams,
        body: SlotCapacityInput,
        response: { 200: Slot },
      },
    },
    async (req) => setSlotCapacity(d, requireActor(req), req.params.id, req.body.capacity),
  );
  app.get(
    '/api/hall/settings',
    { schema: { tags, summary: '预约与巡查设置', response: { 200: HallSettings } } },
    async (req) => readSettings(d, requireActor(req)),
  );
  app.put(
    '/api/hall/settings',
    {
      schema: {
        tags,
        summary: '修改预约与巡查设置',
        body: HallSettingsInput,
        response: { 200: HallSettings },
      },
    },
    async (req) => saveSettings(d, requireActor(req), req.body),
  );
  app.post(
    '/api/hall/no-shows/run',
    {
      schema: {
        tags,
        summary: 'APT-1：登记爽约并暂停预约',
        body: z.strictObject({}).optional(),
        response: { 200: NoShowRunReply },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return markNoShows(d, actor, actor.regionCode);
    },
  );

  // ── Bookings and tickets at the counter ──
  app.get(
    '/api/hall/bookings',
    { schema: { tags, summary: '预约记录', querystring: BookingQuery, response: { 200: BookingList } } },
    async (req) => listBookingsFor(d, requireActor(req), req.query),
  );
  app.post(
    '/api/hall/bookings',
    {
      schema: {
        tags,
        summary: '窗口代为预约（直接确认）',
        body: BookingHoldInput,
        response: { 201: Booking },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      assertAccess(actor, 'hall.queue.serve');
      return reply.status(201).send(await holdBooking(d, actor, req.body, 'counter'));
    },
  );
  app.post(
    '/api/hall/bookings/:id/cancel',
    { schema: { tags, summary: '窗口取消预约', params: HallRecordParams, response: { 200: Booking } } },
    async (req) => {
      const actor = requireActor(req);
      assertAccess(actor, 'hall.queue.serve');
      return cancelBooking(d, actor, req.params.id, null);
    },
  );
  app.post(
    '/api/hall/tickets',
    {
      schema: { tags, summary: '窗口取号（含绿色通道）', body: TicketIssueInput, response: { 201: Ticket } },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      assertAccess(actor, 'hall.queue.serve');
      return reply.status(201).send(await issueTicket(d, actor, req.body));
    },
  );
  app.get(
    '/api/hall/tickets',
    {
      schema: {
        tags,
        summary: '号票记录（可按分组、小时、窗口筛选）',
        querystring: TicketQuery,
        response: { 200: TicketList },
      },
    },
    async (req) => listTicketsFor(d, requireActor(req), req.query),
  );
  app.get(
    '/api/hall/tickets/:id',
    {
      schema: {
        tags,
        summary: '号票与全部叫号记录',
        params: HallRecordParams,
        response: { 200: TicketDetail },
      },
    },
    async (req) => ticketDetail(d, req.params.id, requireActor(req)),
  );

  // ── Clerk console: presence and the queue (QUE-1) ──
  app.get(
    '/api/hall/halls/:hallId/console',
    { schema: { tags, summary: '窗口叫号台', params: HallIdParams, response: { 200: ConsoleState } } },
    async (req) => consoleState(d, requireActor(req), req.params.hallId),
  );
  app.post(
    '/api/hall/presence/sign-in',
    { schema: { tags, summary: '窗口签到上岗', body: PresenceSignInInput, response: { 200: Presence } } },
    async (req) => signIn(d, requireActor(req), req.body.windowId, req.body.staffId),
  );
  app.post(
    '/api/hall/presence/sign-out',
    { schema: { tags, summary: '签退离岗', response: { 200: Presence } } },
    async (req) => signOut(d, requireActor(req)),
  );
  app.post(
    '/api/hall/queue/next',
    { schema: { tags, summary: '叫下一号', response: { 200: Ticket } } },
    async (req) => serveTicket(d, requireActor(req), 'next'),
  );
  app.post(
    '/api/hall/queue/call',
    { schema: { tags, summary: '叫指定号', body: CallSpecificInput, response: { 200: Ticket } } },
    async (req) => serveTicket(d, requireActor(req), 'call', req.body.ticketId),
  );
  for (const step of ['recall', 'skip', 'finish'] as const)
    app.post(
      `/api/hall/queue/${step}`,
      {
        schema: {
          tags,
          summary: { recall: '重呼', skip: '过号', finish: '办结' }[step],
          response: { 200: Ticket },
        },
      },
      async (req) => serveTicket(d, requireActor(req), step),
    );
  app.post(
    '/api/hall/queue/transfer',
    { schema: { tags, summary: '转窗口或转分组', body: TicketTransferInput, response: { 200: Ticket } } },
    async (req) => transferTicket(d, requireActor(req), req.body),
  );

  // ── Presence register, tidal windows ──
  app.get(
    '/api/hall/halls/:hallId/register',
    {
      schema: {
        tags,
        summary: '进驻人员名册与实际签到对照',
        params: HallIdParams,
        querystring: Days,
        response: { 200: PresenceRegister },
      },
    },
    async (req) => presenceRegister(d, requireActor(req), req.params.hallId, req.query.days),
  );
  app.get(
    '/api/hall/halls/:hallId/tidal',
    {
      schema: {
        tags,
        summary: '潮汐窗口：负载与切换建议',
        params: HallIdParams,
        response: { 200: TidalView },
      },
    },
    async (req) => tidalView(d, requireActor(req), req.params.hallId),
  );
  app.post(
    '/api/hall/halls/:hallId/tidal',
    {
      schema: {
        tags,
        summary: '切换窗口的事项分组',
        params: HallIdParams,
        body: TidalApplyInput,
        response: { 200: Done },
      },
    },
    async (req) => applyTidalSwitch(d, requireActor(req), req.params.hallId, req.body),
  );

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
