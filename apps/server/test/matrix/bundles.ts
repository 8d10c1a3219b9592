import type { Role } from '@tongban/contracts';
import type { Entry } from '../access-matrix';

const STAFF: Role[] = ['clerk', 'approver', 'dept_head', 'supervisor', 'leader', 'inspector', 'admin'];
const NO_ID = '00000000-0000-4000-8000-00000000b0b0';
const definition = (n: number) => ({
  code: `MATRIX-${n}`,
  name: '访问矩阵主题',
  items: [{ itemId: NO_ID }, { itemId: '00000000-0000-4000-8000-00000000b0b1' }],
});
const track = (n: number) => ({ bundleNo: `350999-YJS-MATRIX-${n}`, queryCode: 'ABCDEFGHJK' });

/** The bundles module's routes × roles (see access-matrix.ts). Unknown ids: allowed roles get 404/422. */
export const BUNDLES_MATRIX: Entry[] = [
  {
    method: 'GET',
    url: '/api/bundles/definitions',
    make: () => ({ path: '/api/bundles/definitions' }),
    allowed: STAFF,
  },
  {
    method: 'POST',
    url: '/api/bundles/definitions',
    make: (_, n) => ({ path: '/api/bundles/definitions', body: definition(n) }),
    allowed: ['admin', 'supervisor'],
  },
  {
    method: 'GET',
    url: '/api/bundles/definitions/:id',
    make: () => ({ path: `/api/bundles/definitions/${NO_ID}` }),
    allowed: STAFF,
  },
  {
    method: 'POST',
    url: '/api/bundles/definitions/:id/publish',
    make: () => ({ path: `/api/bundles/definitions/${NO_ID}/publish` }),
    allowed: ['admin', 'supervisor'],
  },
  { method: 'GET', url: '/api/bundles', make: () => ({ path: '/api/bundles' }), allowed: STAFF },
  {
    method: 'POST',
    url: '/api/bundles',
    make: () => ({ path: '/api/bundles', body: { definitionId: NO_ID, applicantId: NO_ID } }),
    allowed: ['clerk'],
  },
  {
    method: 'GET',
    url: '/api/bundles/figures',
    make: () => ({ path: '/api/bundles/figures' }),
    allowed: ['supervisor', 'leader', 'inspector', 'admin'],
  },
  { method: 'GET', url: '/api/bundles/:id', make: () => ({ path: `/api/bundles/${NO_ID}` }), allowed: STAFF },
  {
    method: 'POST',
    url: '/api/bundles/:id/choice',
    make: () => ({ path: `/api/bundles/${NO_ID}/choice`, body: { version: 1, choice: 'continue' } }),
    allowed: ['clerk'],
  },
  {
    method: 'POST',
    url: '/api/bundles/:id/deliver',
    make: () => ({
      path: `/api/bundles/${NO_ID}/deliver`,
      body: { version: 1, method: 'window', receivedBy: '矩阵' },
    }),
    allowed: ['clerk'],
  },
  {
    method: 'POST',
    url: '/api/bundles/:id/extension',
    make: () => ({ path: `/api/bundles/${NO_ID}/extension`, body: { version: 1, days: 5, reason: '矩阵' } }),
    allowed: ['clerk', 'dept_head', 'supervisor'],
  },
  {
    method: 'POST',
    url: '/api/bundles/:id/extension/decision',
    make: () => ({ path: `/api/bundles/${NO_ID}/extension/decision`, body: { version: 1, approved: true } }),
    allowed: ['leader'],
  },
  {
    method: 'GET',
    url: '/api/public/bundles/definitions',
    make: () => ({ path: '/api/public/bundles/definitions' }),
    allowed: 'public',
  },
  {
    method: 'GET',
    url: '/api/public/bundles/definitions/:id/guide',
    make: () => ({ path: `/api/public/bundles/definitions/${NO_ID}/guide` }),
    allowed: 'public',
  },
  {
    method: 'GET',
    url: '/api/public/bundles/definitions/:id/guide.docx',
    make: () => ({ path: `/api/public/bundles/definitions/${NO_ID}/guide.docx` }),
    allowed: 'public',
  },
  {
    method: 'POST',
    url: '/api/public/bundles',
    make: () => ({
      path: '/api/public/bundles',
      body: {
        definitionId: NO_ID,
        applicant: { kind: 'person', name: '矩阵', idNumber: '11010519491231002X', phone: '13800000000' },
      },
    }),
    allowed: 'public',
  },
  {
    method: 'POST',
    url: '/api/public/bundles/track',
    make: (_, n) => ({ path: '/api/public/bundles/track', body: track(n) }),
    allowed: 'public',
  },
  {
    method: 'POST',
    url: '/api/public/bundles/supplement',
    make: (_, n) => ({
      path: '/api/public/bundles/supplement',
      body: { ...track(n), caseNo: 'X', materials: ['营业执照'] },
    }),
    allowed: 'public',
  },
  {
    method: 'POST',
    url: '/api/public/bundles/choice',
    make: (_, n) => ({ path: '/api/public/bundles/choice', body: { ...track(n), choice: 'withdraw' } }),
    allowed: 'public',
  },
  {
    method: 'GET',
    url: '/api/public/bundles/licenses/:token',
    make: () => ({ path: '/api/public/bundles/licenses/unknown-token' }),
    allowed: 'public',
  },
];
