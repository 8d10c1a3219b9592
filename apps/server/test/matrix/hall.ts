import type { Role } from '@tongban/contracts';
import type { Entry, Ids } from '../access-matrix';

const STAFF: Role[] = ['clerk', 'approver', 'dept_head', 'supervisor', 'leader', 'inspector', 'admin'];
const MANAGE: Role[] = ['admin', 'supervisor'];
const CLERK: Role[] = ['clerk'];
const PATROL: Role[] = ['supervisor'];
const NONE = '00000000-0000-4000-8000-0000000000a1';

const e = (
  method: string,
  url: string,
  path: (i: Ids, n: number) => string,
  allowed: Entry['allowed'],
  body?: (i: Ids, n: number) => unknown,
): Entry => ({
  method,
  url,
  make: (i, n) => ({ path: path(i, n), ...(body ? { body: body(i, n) } : {}) }),
  allowed,
});

/** The hall module's routes × roles (see access-matrix.ts). */
export const HALL_MATRIX: Entry[] = [
  // ── Public: booking, kiosk, call screen, board (SEC-2 rate-limited) ──
  e('GET', '/api/public/hall/halls', () => '/api/public/hall/halls', 'public'),
  e(
    'GET',
    '/api/public/hall/slots',
    (i) => `/api/public/hall/slots?hallId=${i.hallId}&date=2026-11-21`,
    'public',
  ),
  e(
    'POST',
    '/api/public/hall/bookings',
    () => '/api/public/hall/bookings',
    'public',
    (_i, n) => ({
      slotId: NONE,
      name: '矩阵',
      idNumber: '11010519491231002X',
      phone: '13900000000',
      idempotencyKey: `matrix-key-${n}`,
    }),
  ),
  e(
    'POST',
    '/api/public/hall/bookings/:id/confirm',
    () => `/api/public/hall/bookings/${NONE}/confirm`,
    'public',
    () => ({ code: 'ABCDEFGH' }),
  ),
  e(
    'POST',
    '/api/public/hall/bookings/:id/cancel',
    () => `/api/public/hall/bookings/${NONE}/cancel`,
    'public',
    () => ({ code: 'ABCDEFGH' }),
  ),
  e(
    'POST',
    '/api/public/hall/tickets',
    () => '/api/public/hall/tickets',
    'public',
    (i) => ({ hallId: i.hallId, groupId: NONE }),
  ),
  e(
    'POST',
    '/api/public/hall/check-in',
    () => '/api/public/hall/check-in',
    'public',
    (i) => ({ hallId: i.hallId, idNumber: '11010519491231002X' }),
  ),
  e('GET', '/api/public/hall/tickets/:id', () => `/api/public/hall/tickets/${NONE}`, 'public'),
  e(
    'GET',
    '/api/public/hall/halls/:hallId/calls',
    (i) => `/api/public/hall/halls/${i.hallId}/calls`,
    'public',
  ),
  // The stream of an unknown hall answers 404 at once (a real one would stay open).
  e(
    'GET',
    '/api/public/hall/halls/:hallId/calls/stream',
    () => `/api/public/hall/halls/${NONE}/calls/stream`,
    'public',
  ),
  e(
    'GET',
    '/api/public/hall/halls/:hallId/board',
    (i) => `/api/public/hall/halls/${i.hallId}/board`,
    'public',
  ),
  // ── Hall manager ──
  e('GET', '/api/hall/halls/:hallId/overview', (i) => `/api/hall/halls/${i.hallId}/overview`, STAFF),
  e(
    'POST',
    '/api/hall/groups',
    () => '/api/hall/groups',
    MANAGE,
    (i, n) => ({ hallId: i.hallId, code: String.fromCharCode(78 + (n % 8)), name: `矩阵分组${n}` }),
  ),
  e(
    'POST',
    '/api/hall/slots',
    () => '/api/hall/slots',
    MANAGE,
    (i) => ({
      hallId: i.hallId,
      groupId: NONE,
      date: '2026-12-01',
      from: '09:00',
      to: '10:00',
      minutes: 30,
      capacity: 2,
    }),
  ),
  e(
    'PATCH',
    '/api/hall/slots/:id',
    () => `/api/hall/slots/${NONE}`,
    MANAGE,
    () => ({ capacity: 3 }),
  ),
  e('GET', '/api/hall/settings', () => '/api/hall/settings', STAFF),
  e(
    'PUT',
    '/api/hall/settings',
    () => '/api/hall/settings',
    MANAGE,
    () => ({
      holdMinutes: 10,
      noShowLimit: 3,
      noShowWindowDays: 90,
      suspensionDays: 30,
      patrolsPerDay: 4,
      noticeDeadlineDays: 3,
    }),
  ),
  e(
    'POST',
    '/api/hall/no-shows/run',
    () => '/api/hall/no-shows/run',
    MANAGE,
    () => ({}),
  ),
  // ── Counter ──
  e('GET', '/api/hall/bookings', () => '/api/hall/bookings', STAFF),
  e(
    'POST',
    '/api/hall/bookings',
    () => '/api/hall/bookings',
    CLERK,
    (_i, n) => ({
      slotId: NONE,
      name: '矩阵',
      idNumber: '11010519491231002X',
      phone: '13900000000',
      idempotencyKey: `matrix-counter-${n}`,
    }),
  ),
  e('POST', '/api/hall/bookings/:id/cancel', () => `/api/hall/bookings/${NONE}/cancel`, CLERK),
  e(
    'POST',
    '/api/hall/tickets',
    () => '/api/hall/tickets',
    CLERK,
    (i) => ({ hallId: i.hallId, groupId: NONE }),
  ),
  e('GET', '/api/hall/tickets', () => '/api/hall/tickets', STAFF),
  e('GET', '/api/hall/tickets/:id', () => `/api/hall/tickets/${NONE}`, STAFF),
  // ── Console ──
  e('GET', '/api/hall/halls/:hallId/console', (i) => `/api/hall/halls/${i.hallId}/console`, CLERK),
  e(
    'POST',
    '/api/hall/presence/sign-in',
    () => '/api/hall/presence/sign-in',
    CLERK,
    (i) => ({ windowId: i.windowId, staffId: i.staffId }),
  ),
  e('POST', '/api/hall/presence/sign-out', () => '/api/hall/presence/sign-out', CLERK),
  e('POST', '/api/hall/queue/next', () => '/api/hall/queue/next', CLERK),
  e(
    'POST',
    '/api/hall/queue/call',
    () => '/api/hall/queue/call',
    CLERK,
    () => ({ ticketId: NONE }),
  ),
  e('POST', '/api/hall/queue/recall', () => '/api/hall/queue/recall', CLERK),
  e('POST', '/api/hall/queue/skip', () => '/api/hall/queue/skip', CLERK),
  e('POST', '/api/hall/queue/finish', () => '/api/hall/queue/finish', CLERK),
  e(
    'POST',
    '/api/hall/queue/transfer',
    () => '/api/hall/queue/transfer',
    CLERK,
    () => ({ toGroupId: NONE }),
  ),
  // ── Register, tidal ──
  e('GET', '/api/hall/halls/:hallId/register', (i) => `/api/hall/halls/${i.hallId}/register`, STAFF),
  e('GET', '/api/hall/halls/:hallId/tidal', (i) => `/api/hall/halls/${i.hallId}/tidal`, STAFF),
  e(
    'POST',
    '/api/hall/halls/:hallId/tidal',
    (i) => `/api/hall/halls/${i.hallId}/tidal`,
    MANAGE,
    (i) => ({ windowId: i.windowId, toGroupIds: [NONE], reason: '矩阵' }),
  ),
  // ── Patrols, notices ──
  e('GET', '/api/hall/halls/:hallId/patrols', (i) => `/api/hall/halls/${i.hallId}/patrols`, PATROL),
  e('POST', '/api/hall/halls/:hallId/patrols', (i) => `/api/hall/halls/${i.hallId}/patrols`, PATROL),
  e('POST', '/api/hall/patrols/:id/start', () => `/api/hall/patrols/${NONE}/start`, PATROL),
  e(
    'POST',
    '/api/hall/patrols/:id/problems',
    () => `/api/hall/patrols/${NONE}/problems`,
    PATROL,
    (i) => ({ kind: 'absent', windowId: i.windowId }),
  ),
  e('POST', '/api/hall/patrols/:id/finish', () => `/api/hall/patrols/${NONE}/finish`, PATROL),
  e('POST', '/api/hall/patrol-problems/:id/photo', () => `/api/hall/patrol-problems/${NONE}/photo`, PATROL),
  e(
    'GET',
    '/api/hall/halls/:hallId/patrol-problems',
    (i) => `/api/hall/halls/${i.hallId}/patrol-problems?month=2026-11`,
    STAFF,
  ),
  e(
    'GET',
    '/api/hall/halls/:hallId/patrol-report.docx',
    (i) => `/api/hall/halls/${i.hallId}/patrol-report.docx?month=2026-11`,
    STAFF,
  ),
  e('GET', '/api/hall/notices', () => '/api/hall/notices', STAFF),
  e(
    'POST',
    '/api/hall/notices/:id/reply',
    () => `/api/hall/notices/${NONE}/reply`,
    ['dept_head'],
    () => ({ reply: '已整改' }),
  ),
  e(
    'POST',
    '/api/hall/notices/:id/follow-up',
    () => `/api/hall/notices/${NONE}/follow-up`,
    PATROL,
    () => ({ passed: true, note: '复查' }),
  ),
  e(
    'GET',
    '/api/hall/figures',
    (i) => `/api/hall/figures?hallId=${i.hallId}&from=2026-11-01&to=2026-11-20`,
    STAFF,
  ),
];
