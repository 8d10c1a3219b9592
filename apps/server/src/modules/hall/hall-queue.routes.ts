import {
  Booking,
  BookingHoldInput,
  BookingList,
  BookingQuery,
  ConsoleState,
  HallIdParams,
  HallRecordParams,
  Presence,
  PresenceRegister,
  PresenceSignInInput,
  CallSpecificInput,
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
import { requireActor } from '../../platform/request-context';
import { cancelBooking } from './use-cases/change-booking';
import { holdBooking } from './use-cases/hold-booking';
import { issueTicket } from './use-cases/issue-ticket';
import { presenceRegister } from './use-cases/presence-board';
import { signIn, signOut } from './use-cases/presence';
import { consoleState, listBookingsFor, listTicketsFor, ticketDetail } from './use-cases/queue-views';
import { serveTicket, transferTicket } from './use-cases/serve-ticket';
import { applyTidalSwitch, tidalView } from './use-cases/tidal-windows';

const tags = ['hall'];
const Days = z.object({ days: z.coerce.number().int().min(1).max(366).default(30) });
const Done = z.object({ windowId: z.string(), groupIds: z.array(z.string()) });

/** The counter, the clerk console (QUE-1), presence and tidal windows. */
export function hallQueueRoutes(app: AppInstance) {
  const d = app.deps;
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
}
