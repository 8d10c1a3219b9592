import type { Entry } from '../access-matrix';

/** The trading module's routes × roles (see access-matrix.ts). */
const STAFF = ['clerk', 'approver', 'dept_head', 'supervisor', 'leader', 'inspector', 'admin'] as const;
const DESK = ['clerk', 'admin'] as const;
const NONE = '00000000-0000-4000-8000-000000000000';

export const TRADING_MATRIX: Entry[] = [
  {
    method: 'GET',
    url: '/api/trading/projects',
    make: () => ({ path: '/api/trading/projects' }),
    allowed: STAFF,
  },
  {
    method: 'POST',
    url: '/api/trading/projects',
    make: (_i, n) => ({
      path: '/api/trading/projects',
      body: {
        name: `矩阵测试项目${n}`,
        kind: 'procurement',
        method: 'open',
        tendererName: '测试单位',
        estimateYuan: 100000,
      },
    }),
    allowed: DESK,
  },
  {
    method: 'GET',
    url: '/api/trading/projects/:id',
    make: () => ({ path: `/api/trading/projects/${NONE}` }),
    allowed: STAFF,
  },
  {
    method: 'POST',
    url: '/api/trading/projects/:id/transition',
    make: () => ({ path: `/api/trading/projects/${NONE}/transition`, body: { action: 'open_bids' } }),
    allowed: DESK,
  },
  {
    method: 'POST',
    url: '/api/trading/projects/:id/entries',
    make: () => ({
      path: `/api/trading/projects/${NONE}/entries`,
      body: { kind: 'announcement', title: '公告' },
    }),
    allowed: DESK,
  },
  {
    method: 'POST',
    url: '/api/trading/projects/:id/bids',
    make: () => ({ path: `/api/trading/projects/${NONE}/bids`, body: { name: '投标人' } }),
    allowed: DESK,
  },
  {
    method: 'POST',
    url: '/api/trading/projects/:id/bids/:bidderId/withdraw',
    make: () => ({ path: `/api/trading/projects/${NONE}/bids/${NONE}/withdraw` }),
    allowed: DESK,
  },
  {
    method: 'POST',
    url: '/api/trading/projects/:id/deposits',
    make: () => ({
      path: `/api/trading/projects/${NONE}/deposits`,
      body: { bidderId: NONE, amountYuan: 100, payerAccount: '62220000', paidOn: '2026-11-01' },
    }),
    allowed: DESK,
  },
  {
    method: 'POST',
    url: '/api/trading/projects/:id/draws',
    make: () => ({
      path: `/api/trading/projects/${NONE}/draws`,
      body: { panelSize: 5, requests: [{ specialty: '房建土建', count: 5 }], openAt: '2026-11-21T01:00:00Z' },
    }),
    allowed: DESK,
  },
  {
    method: 'POST',
    url: '/api/trading/projects/:id/complaints',
    make: () => ({
      path: `/api/trading/projects/${NONE}/complaints`,
      body: { complainant: '投诉人', grounds: '理由' },
    }),
    allowed: DESK,
  },
  {
    method: 'POST',
    url: '/api/trading/projects/:id/complaints/:complaintId/answer',
    make: () => ({
      path: `/api/trading/projects/${NONE}/complaints/${NONE}/answer`,
      body: { action: 'accept', reason: '理由' },
    }),
    allowed: ['supervisor'],
  },
  {
    method: 'GET',
    url: '/api/trading/draws/:id',
    make: () => ({ path: `/api/trading/draws/${NONE}` }),
    allowed: STAFF,
  },
  {
    method: 'POST',
    url: '/api/trading/draws/:id/run',
    make: () => ({ path: `/api/trading/draws/${NONE}/run` }),
    allowed: DESK,
  },
  {
    method: 'POST',
    url: '/api/trading/draws/:id/open',
    make: () => ({ path: `/api/trading/draws/${NONE}/open` }),
    allowed: ['supervisor'],
  },
  {
    method: 'GET',
    url: '/api/trading/draws/:id/replay',
    make: () => ({ path: `/api/trading/draws/${NONE}/replay` }),
    allowed: STAFF,
  },
  {
    method: 'POST',
    url: '/api/trading/draws/:id/substitute',
    make: () => ({ path: `/api/trading/draws/${NONE}/substitute`, body: { expertId: NONE } }),
    allowed: ['supervisor'],
  },
  {
    method: 'POST',
    url: '/api/trading/draws/:id/ratings',
    make: () => ({
      path: `/api/trading/draws/${NONE}/ratings`,
      body: { ratings: [{ expertId: NONE, rating: 5 }] },
    }),
    allowed: ['supervisor'],
  },
  {
    method: 'GET',
    url: '/api/trading/experts',
    make: () => ({ path: '/api/trading/experts' }),
    allowed: STAFF,
  },
  {
    method: 'POST',
    url: '/api/trading/experts',
    make: (_i, n) => ({
      path: '/api/trading/experts',
      body: { name: `矩阵专家${n}`, specialties: ['矩阵专业'], employer: '矩阵单位' },
    }),
    allowed: DESK,
  },
  {
    method: 'GET',
    url: '/api/trading/deposits',
    make: () => ({ path: '/api/trading/deposits' }),
    allowed: ['clerk', 'admin', 'supervisor', 'leader', 'inspector'],
  },
  {
    method: 'POST',
    url: '/api/trading/deposits/:id/refund',
    make: () => ({
      path: `/api/trading/deposits/${NONE}/refund`,
      body: { refundedOn: '2026-11-01', bankRef: 'BANK0001' },
    }),
    allowed: DESK,
  },
  {
    method: 'POST',
    url: '/api/trading/deposits/sweep',
    make: () => ({ path: '/api/trading/deposits/sweep' }),
    allowed: ['supervisor'],
  },
  {
    method: 'GET',
    url: '/api/trading/rooms',
    make: () => ({ path: '/api/trading/rooms?day=2026-11-20' }),
    allowed: STAFF,
  },
  {
    method: 'POST',
    url: '/api/trading/rooms',
    make: () => ({
      path: '/api/trading/rooms',
      body: { room: '评标室1', kind: 'room', day: '2026-11-20', projectId: NONE },
    }),
    allowed: DESK,
  },
  {
    method: 'GET',
    url: '/api/trading/figures',
    make: () => ({ path: '/api/trading/figures' }),
    allowed: STAFF,
  },
  {
    method: 'POST',
    url: '/api/trading/declarations',
    make: () => ({
      path: '/api/trading/declarations',
      body: { year: 2026, kind: 'land', department: '云溪县自然资源局', tradeCount: 1 },
    }),
    allowed: ['dept_head', 'admin'],
  },
  {
    method: 'GET',
    url: '/api/public/trading/projects/:projectNo',
    make: () => ({ path: '/api/public/trading/projects/JY20260101999' }),
    allowed: 'public',
  },
];
