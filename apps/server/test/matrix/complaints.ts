import type { Role } from '@tongban/contracts';
import type { Entry } from '../access-matrix';

const STAFF: Role[] = ['clerk', 'approver', 'dept_head', 'supervisor', 'leader', 'inspector', 'admin'];
const INTAKE: Role[] = ['clerk', 'supervisor'];
const DESK: Role[] = ['supervisor'];
const HANDLE: Role[] = ['clerk', 'approver', 'dept_head'];
const CALLBACK: Role[] = ['supervisor', 'leader'];
const CATALOG: Role[] = ['supervisor', 'admin'];
const COORDINATE: Role[] = ['clerk', 'supervisor'];
const LEAD: Role[] = ['leader'];
// Nobody has this order: allowed roles get 404, the others 403.
const NONE = '00000000-0000-4000-8000-0000000000c1';
const V = { version: 0 };

const get = (url: string, allowed: Entry['allowed'], path = url): Entry => ({
  method: 'GET',
  url,
  make: () => ({ path }),
  allowed,
});
const act = (verb: string, allowed: Role[], body: Record<string, unknown>): Entry => ({
  method: 'POST',
  url: `/api/complaints/:id/${verb}`,
  make: () => ({ path: `/api/complaints/${NONE}/${verb}`, body: { ...V, ...body } }),
  allowed,
});

/** The complaints module's routes × roles (see access-matrix.ts). */
export const COMPLAINTS_MATRIX: Entry[] = [
  get('/api/complaints', STAFF),
  get('/api/complaints/overdue', STAFF),
  get('/api/complaints/figures', STAFF),
  get('/api/complaints/figures.xlsx', STAFF),
  get('/api/complaints/catalog', STAFF),
  get('/api/complaints/settings', STAFF),
  get('/api/complaints/catalog/versions', STAFF),
  // No version 999999: allowed roles get 404, the others 403.
  get('/api/complaints/catalog/versions/:version', STAFF, '/api/complaints/catalog/versions/999999'),
  get('/api/complaints/leader', LEAD),
  get('/api/complaints/unresolved', COORDINATE),
  get('/api/complaints/hotline/template.xlsx', INTAKE),
  get('/api/complaints/:id', STAFF, `/api/complaints/${NONE}`),
  get('/api/complaints/:id/suggestion', DESK, `/api/complaints/${NONE}/suggestion`),
  {
    method: 'POST',
    url: '/api/complaints',
    make: (_ids, n) => ({
      path: '/api/complaints',
      body: {
        source: 'window',
        type: 'suggest',
        title: `矩阵 ${n}`,
        content: '访问矩阵测试',
        anonymous: true,
      },
    }),
    allowed: INTAKE,
  },
  {
    method: 'POST',
    url: '/api/complaints/hotline',
    make: (_ids, n) => ({
      path: '/api/complaints/hotline',
      body: {
        source: 'hotline_12345',
        type: 'consult',
        title: `矩阵 ${n}`,
        content: '访问矩阵测试',
        anonymous: true,
        externalNo: `MX${n}`,
      },
    }),
    allowed: INTAKE,
  },
  {
    method: 'POST',
    url: '/api/complaints/hotline/import.xlsx',
    // Not multipart: allowed roles get 400, the others 403.
    make: () => ({ path: '/api/complaints/hotline/import.xlsx', body: {} }),
    allowed: INTAKE,
  },
  {
    method: 'POST',
    url: '/api/complaints/catalog',
    make: (ids) => ({
      path: '/api/complaints/catalog',
      body: { rules: [{ type: 'consult', leadDepartmentId: ids.departmentId, explanation: '矩阵测试' }] },
    }),
    allowed: CATALOG,
  },
  {
    method: 'POST',
    url: '/api/complaints/settings',
    make: () => ({ path: '/api/complaints/settings', body: { limits: { consult: 2 } } }),
    allowed: CATALOG,
  },
  act('dispatch', DESK, { leadDepartmentId: NONE }),
  act('return', HANDLE, { reason: '非本部门职责' }),
  act('decide-return', DESK, { accept: false, note: '维持' }),
  act('note', HANDLE, { note: '已调查' }),
  act('reply', HANDLE, { text: '已答复' }),
  act('callback', CALLBACK, { result: 'satisfied', note: '满意' }),
  act('close', CALLBACK, {}),
  act('merge', DESK, { intoId: NONE }),
  act('supervise', DESK, {}),
  act('coordinate', COORDINATE, { outcome: 'explained', note: '已解释' }),
  act('escalate', COORDINATE, { note: '报领导' }),
  act('reopen-case', COORDINATE, { caseId: NONE }),
  act('leader-decide', LEAD, { decision: 'decided', note: '领导决定' }),
  {
    method: 'POST',
    url: '/api/complaints/:id/photo',
    // Not multipart: allowed roles get 400, the others 403.
    make: () => ({ path: `/api/complaints/${NONE}/photo?version=0`, body: {} }),
    allowed: INTAKE,
  },
  {
    method: 'POST',
    url: '/api/public/complaints',
    make: (_ids, n) => ({
      path: '/api/public/complaints',
      body: {
        regionCode: '350999',
        type: 'suggest',
        title: `矩阵 ${n}`,
        content: '公开留言',
        anonymous: true,
      },
    }),
    allowed: 'public',
  },
  get('/open311/v2/services.json', 'public'),
  get('/open311/v2/services', 'public'),
  get('/open311/v2/requests.json', 'public'),
  get('/open311/v2/requests/:id.json', 'public', '/open311/v2/requests/TS2026000001.json'),
  {
    method: 'POST',
    url: '/open311/v2/requests.json',
    make: () => ({
      path: '/open311/v2/requests.json',
      body: { service_code: 'suggest', description: '矩阵测试' },
    }),
    allowed: 'public',
  },
];
