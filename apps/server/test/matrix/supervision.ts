import type { Entry } from '../access-matrix';

const READERS = ['supervisor', 'leader', 'inspector', 'admin', 'dept_head'] as const;
const PERIOD = 'from=2026-01&to=2026-12';
// Nobody has this order: allowed roles get 404, the others 403.
const NO_ORDER = '00000000-0000-4000-8000-00000000f00d';

/** The supervision module's routes × roles (see access-matrix.ts). */
export const SUPERVISION_MATRIX: Entry[] = [
  {
    method: 'GET',
    url: '/api/supervision/board',
    make: () => ({ path: '/api/supervision/board' }),
    allowed: READERS,
  },
  {
    method: 'GET',
    url: '/api/supervision/clocks',
    make: () => ({ path: '/api/supervision/clocks?colour=red' }),
    allowed: READERS,
  },
  {
    method: 'POST',
    url: '/api/supervision/refresh',
    make: () => ({ path: '/api/supervision/refresh', body: {} }),
    allowed: ['supervisor', 'admin'],
  },
  {
    method: 'GET',
    url: '/api/supervision/orders',
    make: () => ({ path: '/api/supervision/orders' }),
    allowed: READERS,
  },
  {
    method: 'GET',
    url: '/api/supervision/orders/:id',
    make: () => ({ path: `/api/supervision/orders/${NO_ORDER}` }),
    allowed: READERS,
  },
  {
    method: 'POST',
    url: '/api/supervision/orders/:id/reply',
    make: () => ({
      path: `/api/supervision/orders/${NO_ORDER}/reply`,
      body: { reply: '已核查并限期办结，承办人已整改。' },
    }),
    allowed: ['dept_head'],
  },
  {
    method: 'GET',
    url: '/api/supervision/figures',
    make: () => ({ path: `/api/supervision/figures?${PERIOD}&cut=department` }),
    allowed: READERS,
  },
  {
    method: 'GET',
    url: '/api/supervision/figures/cases',
    make: () => ({ path: `/api/supervision/figures/cases?${PERIOD}&figure=on_time_rate` }),
    allowed: READERS,
  },
  {
    method: 'GET',
    url: '/api/supervision/figures.xlsx',
    make: () => ({ path: `/api/supervision/figures.xlsx?${PERIOD}&cut=month` }),
    allowed: READERS,
  },
  {
    method: 'GET',
    url: '/api/supervision/dashboard',
    make: () => ({ path: `/api/supervision/dashboard?${PERIOD}` }),
    allowed: READERS,
  },
  {
    method: 'GET',
    url: '/api/supervision/work',
    make: () => ({ path: '/api/supervision/work?kind=complaint' }),
    allowed: READERS,
  },
  {
    method: 'GET',
    url: '/api/supervision/thresholds',
    make: () => ({ path: '/api/supervision/thresholds' }),
    allowed: READERS,
  },
  {
    method: 'PUT',
    url: '/api/supervision/thresholds/:id',
    make: () => ({
      path: `/api/supervision/thresholds/${NO_ORDER}`,
      body: { warningDays: 2, stepDays: null },
    }),
    allowed: ['supervisor'],
  },
  {
    method: 'GET',
    url: '/api/supervision/bundles',
    make: () => ({ path: `/api/supervision/bundles?${PERIOD}` }),
    allowed: READERS,
  },
];
