import { creditCodeCheckChar } from '@tongban/contracts';
import type { Entry } from '../access-matrix';

/** The intermediaries module's routes × roles (see access-matrix.ts). */
const STAFF = ['clerk', 'approver', 'dept_head', 'supervisor', 'leader', 'inspector', 'admin'] as const;
const OWNERS = ['clerk', 'approver', 'dept_head', 'admin'] as const;
const NONE = '00000000-0000-4000-8000-000000000000';

/** A valid 统一社会信用代码 unique per call (ID-1 check character). */
export function matrixCreditCode(n: number): string {
  const first = `91350999MA${String(n).padStart(7, '0')}`;
  return first + creditCodeCheckChar(first)!;
}

export const INTERMEDIARIES_MATRIX: Entry[] = [
  {
    method: 'POST',
    url: '/api/public/intermediaries',
    make: (_i, n) => ({
      path: '/api/public/intermediaries',
      body: {
        regionCode: '350999',
        name: `矩阵中介${n}`,
        creditCode: matrixCreditCode(n),
        licenceNo: `LIC${n}`,
        serviceKinds: ['testing'],
        staffCount: 3,
      },
    }),
    allowed: 'public',
  },
  {
    method: 'GET',
    url: '/api/public/intermediaries',
    make: () => ({ path: '/api/public/intermediaries' }),
    allowed: 'public',
  },
  {
    method: 'GET',
    url: '/api/public/intermediaries/purchases',
    make: () => ({ path: '/api/public/intermediaries/purchases' }),
    allowed: 'public',
  },
  {
    method: 'GET',
    url: '/api/public/intermediaries/rules',
    make: () => ({ path: '/api/public/intermediaries/rules' }),
    allowed: 'public',
  },
  {
    method: 'POST',
    url: '/api/public/intermediaries/links',
    make: (i) => ({
      path: '/api/public/intermediaries/links',
      body: { token: 'x'.repeat(32), itemName: '建设工程消防验收', departmentId: i.departmentId },
    }),
    allowed: 'public',
  },
  {
    method: 'POST',
    url: '/api/public/intermediaries/quotes',
    make: () => ({
      path: '/api/public/intermediaries/quotes',
      body: { token: 'x'.repeat(32), purchaseId: NONE, amountYuan: 100 },
    }),
    allowed: 'public',
  },
  {
    method: 'POST',
    url: '/api/public/intermediaries/complaints',
    make: () => ({
      path: '/api/public/intermediaries/complaints',
      body: { purchaseId: NONE, body: '服务质量差，报告不符' },
    }),
    allowed: 'public',
  },
  {
    method: 'GET',
    url: '/api/intermediaries/links',
    make: () => ({ path: '/api/intermediaries/links' }),
    allowed: STAFF,
  },
  {
    method: 'POST',
    url: '/api/intermediaries/links/:id/check',
    make: () => ({ path: `/api/intermediaries/links/${NONE}/check`, body: { approve: true } }),
    allowed: ['approver', 'dept_head'],
  },
  {
    method: 'GET',
    url: '/api/intermediaries/purchases',
    make: () => ({ path: '/api/intermediaries/purchases' }),
    allowed: STAFF,
  },
  {
    method: 'POST',
    url: '/api/intermediaries/purchases',
    make: (_i, n) => ({
      path: '/api/intermediaries/purchases',
      body: {
        title: `矩阵需求${n}`,
        ownerName: '测试单位',
        serviceKind: 'testing',
        budgetYuan: 1000,
        method: 'direct',
      },
    }),
    allowed: OWNERS,
  },
  {
    method: 'POST',
    url: '/api/intermediaries/purchases/:id/select',
    make: () => ({ path: `/api/intermediaries/purchases/${NONE}/select`, body: {} }),
    allowed: OWNERS,
  },
  {
    method: 'POST',
    url: '/api/intermediaries/purchases/:id/advance',
    make: () => ({ path: `/api/intermediaries/purchases/${NONE}/advance`, body: { action: 'contract' } }),
    allowed: OWNERS,
  },
  {
    method: 'POST',
    url: '/api/intermediaries/rules',
    make: (_i, n) => ({
      path: '/api/intermediaries/rules',
      body: { kind: 'rule', title: `规则${n}`, body: '内容', effectiveFrom: '2026-12-01' },
    }),
    allowed: ['admin', 'supervisor'],
  },
  {
    method: 'GET',
    url: '/api/intermediaries/figures',
    make: () => ({ path: '/api/intermediaries/figures' }),
    allowed: STAFF,
  },
];
