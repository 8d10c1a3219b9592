import type { Role } from '@tongban/contracts';
import type { Entry } from '../access-matrix';

/** The evaluations module's routes × roles (see access-matrix.ts). */
const READ: Role[] = ['approver', 'dept_head', 'supervisor', 'leader', 'inspector', 'admin'];
const NONE = '00000000-0000-4000-8000-000000000017';
const TOKEN = 'x'.repeat(32);
const CREDS = { caseNo: '350999-20261120-00001', queryCode: 'ABCDEFGHJK' };
const bad = (step: string, body: unknown, allowed: Role[]): Entry => ({
  method: 'POST',
  url: `/api/evaluations/bad-reviews/:id/${step}`,
  make: () => ({ path: `/api/evaluations/bad-reviews/${NONE}/${step}`, body }),
  allowed,
});

export const EVALUATIONS_MATRIX: Entry[] = [
  // ── Public: pads, online and SMS ratings, the hall's figures ──
  {
    method: 'GET',
    url: '/api/public/evaluations/pads/:token',
    make: () => ({ path: `/api/public/evaluations/pads/${TOKEN}` }),
    allowed: 'public',
  },
  {
    method: 'POST',
    url: '/api/public/evaluations/pads/:token/ratings',
    make: () => ({
      path: `/api/public/evaluations/pads/${TOKEN}/ratings`,
      body: { visitId: NONE, level: 5 },
    }),
    allowed: 'public',
  },
  {
    method: 'POST',
    url: '/api/public/evaluations/case-ratings/status',
    make: () => ({ path: '/api/public/evaluations/case-ratings/status', body: CREDS }),
    allowed: 'public',
  },
  {
    method: 'POST',
    url: '/api/public/evaluations/case-ratings',
    make: () => ({ path: '/api/public/evaluations/case-ratings', body: { ...CREDS, level: 5 } }),
    allowed: 'public',
  },
  {
    method: 'GET',
    url: '/api/public/evaluations/sms/:token',
    make: () => ({ path: `/api/public/evaluations/sms/${TOKEN}` }),
    allowed: 'public',
  },
  {
    method: 'POST',
    url: '/api/public/evaluations/sms/:token',
    make: () => ({ path: `/api/public/evaluations/sms/${TOKEN}`, body: { level: 5 } }),
    allowed: 'public',
  },
  {
    method: 'GET',
    url: '/api/public/evaluations/figures/:regionCode',
    make: () => ({ path: '/api/public/evaluations/figures/350999' }),
    allowed: 'public',
  },
  // ── Pads and visits ──
  {
    method: 'GET',
    url: '/api/evaluations/pads',
    make: () => ({ path: '/api/evaluations/pads' }),
    allowed: ['admin', 'supervisor'],
  },
  {
    method: 'POST',
    url: '/api/evaluations/pads',
    make: (i, n) => ({
      path: '/api/evaluations/pads',
      body: { windowId: i.windowId, label: `矩阵评价器${n}` },
    }),
    allowed: ['admin', 'supervisor'],
  },
  {
    method: 'GET',
    url: '/api/evaluations/windows/:id/qr.svg',
    make: (i) => ({ path: `/api/evaluations/windows/${i.windowId}/qr.svg` }),
    allowed: ['admin', 'supervisor'],
  },
  {
    method: 'POST',
    url: '/api/evaluations/pads/:id/revoke',
    make: () => ({ path: `/api/evaluations/pads/${NONE}/revoke` }),
    allowed: ['admin', 'supervisor'],
  },
  {
    method: 'POST',
    url: '/api/evaluations/visits',
    make: (i) => ({ path: '/api/evaluations/visits', body: { windowId: i.windowId } }),
    allowed: ['clerk', 'approver', 'dept_head', 'admin'],
  },
  // ── Records, flags, figures, settings ──
  {
    method: 'GET',
    url: '/api/evaluations/ratings',
    make: () => ({ path: '/api/evaluations/ratings' }),
    allowed: READ,
  },
  {
    method: 'GET',
    url: '/api/evaluations/flags',
    make: () => ({ path: '/api/evaluations/flags' }),
    allowed: READ,
  },
  {
    method: 'GET',
    url: '/api/evaluations/figures',
    make: () => ({ path: '/api/evaluations/figures?by=staff' }),
    allowed: READ,
  },
  {
    method: 'GET',
    url: '/api/evaluations/figures.xlsx',
    make: () => ({ path: '/api/evaluations/figures.xlsx' }),
    allowed: READ,
  },
  {
    method: 'GET',
    url: '/api/evaluations/settings',
    make: () => ({ path: '/api/evaluations/settings' }),
    allowed: READ,
  },
  {
    method: 'PUT',
    url: '/api/evaluations/settings',
    make: () => ({ path: '/api/evaluations/settings', body: { rectifyDays: 5, smsAfterDays: 3 } }),
    allowed: ['admin', 'supervisor'],
  },
  // ── 差评 loop (nobody has this item: allowed roles get 404, the others 403) ──
  {
    method: 'GET',
    url: '/api/evaluations/bad-reviews',
    make: () => ({ path: '/api/evaluations/bad-reviews' }),
    allowed: READ,
  },
  {
    method: 'GET',
    url: '/api/evaluations/bad-reviews/:id',
    make: () => ({ path: `/api/evaluations/bad-reviews/${NONE}` }),
    allowed: READ,
  },
  bad('verify', { note: '核实情况', version: 0 }, ['supervisor']),
  bad('rectify', { note: '整改情况', version: 0, evidence: ['a'.repeat(64)] }, ['dept_head', 'approver']),
  bad('reply', { note: '反馈情况', version: 0 }, ['dept_head', 'approver', 'supervisor']),
  bad('callback', { note: '回访情况', version: 0, reached: true }, [
    'dept_head',
    'approver',
    'supervisor',
    'leader',
  ]),
  bad('close', { note: '办结说明', version: 0 }, ['dept_head', 'approver', 'supervisor', 'leader']),
  bad('evidence', undefined, ['dept_head', 'approver']),
  bad('appeal', { kind: 'malicious', reason: '申诉理由' }, ['dept_head']),
  bad('appeal/decide', { decision: 'rejected', note: '复核意见' }, ['supervisor']),
];
