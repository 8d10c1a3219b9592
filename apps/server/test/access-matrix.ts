import { Role, type Role as RoleT } from '@tongban/contracts';

/**
 * Every route × every role, allowed and denied (Foundation issue: "an access-matrix test covers
 * every route × role"). A new route fails the coverage test until it is added here.
 */
export type Ids = { hallId: string; departmentId: string; windowId: string; staffId: string; userId: string };
export type Entry = {
  method: string;
  url: string;
  /** Concrete path and body for one call; `n` makes names unique across calls. */
  make: (ids: Ids, n: number) => { path: string; body?: unknown };
  allowed: readonly RoleT[] | 'public';
};

const STAFF: RoleT[] = ['clerk', 'approver', 'dept_head', 'supervisor', 'leader', 'inspector', 'admin'];
const ADMIN: RoleT[] = ['admin'];

export const MATRIX: Entry[] = [
  { method: 'GET', url: '/api/health', make: () => ({ path: '/api/health' }), allowed: 'public' },
  { method: 'GET', url: '/api/auth/me', make: () => ({ path: '/api/auth/me' }), allowed: Role.options },
  // ── Calendar (CAL-1, CAL-2) ──
  {
    method: 'GET',
    url: '/api/calendar/days',
    make: () => ({ path: '/api/calendar/days?regionCode=350999&from=2026-10-01&to=2026-10-31' }),
    allowed: STAFF,
  },
  {
    method: 'POST',
    url: '/api/calendar/local-days',
    // The first allowed role adds it, the next gets 409 (the day is taken): both are "allowed".
    make: () => ({
      path: '/api/calendar/local-days',
      body: { regionCode: '350999', date: '2026-12-16', kind: 'closure', reason: '访问矩阵测试' },
    }),
    allowed: ['admin', 'supervisor'],
  },
  {
    method: 'DELETE',
    url: '/api/calendar/local-days/:id',
    make: () => ({ path: '/api/calendar/local-days/00000000-0000-4000-8000-000000000000' }),
    allowed: ['admin', 'supervisor'],
  },
  {
    method: 'GET',
    url: '/api/calendar/deadline',
    make: () => ({ path: '/api/calendar/deadline?regionCode=350999&start=2026-09-30&n=3' }),
    allowed: STAFF,
  },
  {
    method: 'POST',
    url: '/api/calendar/clock-explanation',
    make: () => ({
      path: '/api/calendar/clock-explanation',
      body: {
        regionCode: '350999',
        materialsReceivedAt: '2026-09-21T01:00:00Z',
        acceptedAt: '2026-09-21T02:00:00Z',
      },
    }),
    allowed: STAFF,
  },
  {
    method: 'GET',
    url: '/api/calendar/status',
    make: () => ({ path: '/api/calendar/status' }),
    allowed: STAFF,
  },
  { method: 'GET', url: '/api/org/regions', make: () => ({ path: '/api/org/regions' }), allowed: STAFF },
  {
    method: 'POST',
    url: '/api/org/regions',
    make: (_i, n) => ({
      path: '/api/org/regions',
      body: {
        code: `350999${String(200 + n).padStart(3, '0')}000`,
        name: `测试乡${n}`,
        parentCode: '350999',
      },
    }),
    allowed: ADMIN,
  },
  {
    method: 'PATCH',
    url: '/api/org/regions/:code',
    make: (_i, n) => ({ path: '/api/org/regions/350999101000', body: { name: `桃源乡${n}` } }),
    allowed: ADMIN,
  },
  { method: 'GET', url: '/api/org/halls', make: () => ({ path: '/api/org/halls' }), allowed: STAFF },
  {
    method: 'POST',
    url: '/api/org/halls',
    make: (_i, n) => ({
      path: '/api/org/halls',
      body: { regionCode: '350999', name: `测试大厅${n}`, level: 'village' },
    }),
    allowed: ADMIN,
  },
  {
    method: 'PATCH',
    url: '/api/org/halls/:id',
    make: (i, n) => ({ path: `/api/org/halls/${i.hallId}`, body: { phone: `0599-77${n}` } }),
    allowed: ADMIN,
  },
  {
    method: 'GET',
    url: '/api/org/departments',
    make: () => ({ path: '/api/org/departments' }),
    allowed: STAFF,
  },
  {
    method: 'POST',
    url: '/api/org/departments',
    make: (_i, n) => ({ path: '/api/org/departments', body: { regionCode: '350999', name: `测试局${n}` } }),
    allowed: ADMIN,
  },
  {
    method: 'PATCH',
    url: '/api/org/departments/:id',
    make: (i, n) => ({ path: `/api/org/departments/${i.departmentId}`, body: { shortName: `简称${n}` } }),
    allowed: ADMIN,
  },
  { method: 'GET', url: '/api/org/windows', make: () => ({ path: '/api/org/windows' }), allowed: STAFF },
  {
    method: 'POST',
    url: '/api/org/windows',
    make: (i, n) => ({
      path: '/api/org/windows',
      body: { hallId: i.hallId, number: `T${n}`, name: `测试窗口${n}`, kind: 'comprehensive' },
    }),
    allowed: ADMIN,
  },
  {
    method: 'PATCH',
    url: '/api/org/windows/:id',
    make: (i, n) => ({ path: `/api/org/windows/${i.windowId}`, body: { name: `综合受理一号窗${n}` } }),
    allowed: ADMIN,
  },
  { method: 'GET', url: '/api/org/staff', make: () => ({ path: '/api/org/staff' }), allowed: STAFF },
  {
    method: 'POST',
    url: '/api/org/staff',
    make: (i, n) => ({
      path: '/api/org/staff',
      body: {
        name: `测试${n}`,
        departmentId: i.departmentId,
        employment: 'contractor',
        stationedFrom: '2026-01-01',
      },
    }),
    allowed: ADMIN,
  },
  {
    method: 'PATCH',
    url: '/api/org/staff/:id',
    make: (i, n) => ({ path: `/api/org/staff/${i.staffId}`, body: { title: `职务${n}` } }),
    allowed: ADMIN,
  },
  {
    method: 'POST',
    url: '/api/org/staff/:id/photo',
    make: (i) => ({ path: `/api/org/staff/${i.staffId}/photo` }),
    allowed: ADMIN,
  },
  { method: 'GET', url: '/api/org/users', make: () => ({ path: '/api/org/users' }), allowed: ADMIN },
  {
    method: 'POST',
    url: '/api/org/users',
    make: (_i, n) => ({
      path: '/api/org/users',
      body: {
        username: `user${n}`,
        displayName: `用户${n}`,
        password: 'Another@2026',
        role: 'leader',
        regionCode: '350999',
      },
    }),
    allowed: ADMIN,
  },
  {
    method: 'PATCH',
    url: '/api/org/users/:id',
    make: (i, n) => ({ path: `/api/org/users/${i.userId}`, body: { displayName: `王嘉树${n}` } }),
    allowed: ADMIN,
  },
  {
    method: 'POST',
    url: '/api/org/users/:id/reset-password',
    make: (i) => ({ path: `/api/org/users/${i.userId}/reset-password`, body: { password: 'Tongban@2026' } }),
    allowed: ADMIN,
  },
  {
    method: 'GET',
    url: '/api/public/halls/:id/board',
    make: (i) => ({ path: `/api/public/halls/${i.hallId}/board` }),
    allowed: 'public',
  },
  {
    method: 'GET',
    url: '/api/audit',
    make: () => ({ path: '/api/audit' }),
    allowed: ['admin', 'supervisor', 'leader', 'inspector'],
  },
];
