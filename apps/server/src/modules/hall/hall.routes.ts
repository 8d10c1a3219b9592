import {
  Booking,
  BookingCancelInput,
  BookingConfirmInput,
  BookingHoldInput,
  CallScreen,
  CheckInInput,
  HallIdParams,
  HallOverview,
  HallRecordParams,
  HallSettings,
  HallSettingsInput,
  ItemGroup,
  ItemGroupInput,
  NoShowRunReply,
  PresenceBoard,
  PublicHallList,
  Slot,
  SlotBatchInput,
  SlotCapacityInput,
  SlotList,
  SlotQuery,
  TicketDetail,
  Ticket,
  TicketIssueInput,
} from '@tongban/contracts';
import { z } from 'zod';
import type { AppInstance } from '../../platform/app-types';
import { limitPerClient } from '../../platform/rate-limit';
import { publicActor, requireActor } from '../../platform/request-context';
import { startCallBus, stopCallBus, subscribeCalls } from './call-bus';
import { hallPatrolRoutes } from './hall-patrol.routes';
import { hallQueueRoutes } from './hall-queue.routes';
import { cancelBooking, confirmBooking } from './use-cases/change-booking';
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
import { presenceBoard } from './use-cases/presence-board';
import {
  callScreen,
  hallOverview,
  listPublicHalls,
  listSlotsOfDay,
  ticketDetail,
} from './use-cases/queue-views';
import { getHall } from './use-cases/shared';

const tags = ['hall'];
const pub = ['public'];
// SEC-2: public booking and check-in are limited per client address; screens refresh often.

export async function hallRoutes(app: AppInstance) {
  const d = app.deps;
  // Made here, not at load: the limits scale with RATE_LIMIT_SCALE, known once the app is built.
  const BOOKING_LIMIT = limitPerClient(20, 60_000);
  const SCREEN_LIMIT = limitPerClient(600, 60_000);
  // Calls reach the screens of every server process (LISTEN/NOTIFY on PostgreSQL).
  await startCallBus(d);
  app.addHook('onClose', async () => stopCallBus(d.db));

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
      const off = subscribeCalls(d.db, req.params.hallId, (c) =>
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
        summary: '登记爽约并暂停预约',
        body: z.strictObject({}).optional(),
        response: { 200: NoShowRunReply },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return markNoShows(d, actor, actor.regionCode);
    },
  );

  hallQueueRoutes(app);
  hallPatrolRoutes(app);
}
