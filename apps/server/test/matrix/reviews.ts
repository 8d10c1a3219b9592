import type { Role } from '@tongban/contracts';
import type { Entry } from '../access-matrix';

/** The reviews module's routes × roles (see access-matrix.ts). Unknown ids: allowed roles get 404. */
const READ: Role[] = ['supervisor', 'leader', 'inspector', 'admin', 'dept_head', 'approver'];
const PLAN: Role[] = ['supervisor', 'leader'];
const SCORE: Role[] = ['approver', 'dept_head', 'supervisor', 'leader'];
const NONE = '00000000-0000-4000-8000-0000000000aa';

export const REVIEWS_MATRIX: Entry[] = [
  { method: 'GET', url: '/api/reviews/plans', make: () => ({ path: '/api/reviews/plans' }), allowed: READ },
  {
    method: 'GET',
    url: '/api/reviews/reviewers',
    make: () => ({ path: '/api/reviews/reviewers' }),
    allowed: PLAN,
  },
  {
    method: 'POST',
    url: '/api/reviews/plans',
    // A period with no concluded cases: allowed roles get 422, nothing is written.
    make: (ids) => ({
      path: '/api/reviews/plans',
      body: {
        title: '矩阵评查',
        periodStart: '2020-01-01',
        periodEnd: '2020-03-31',
        departmentIds: [ids.departmentId],
        casesPerDepartment: 1,
        reviewerPool: [ids.userId],
      },
    }),
    allowed: PLAN,
  },
  {
    method: 'GET',
    url: '/api/reviews/plans/:id',
    make: () => ({ path: `/api/reviews/plans/${NONE}` }),
    allowed: READ,
  },
  {
    method: 'POST',
    url: '/api/reviews/plans/:id/draw',
    make: () => ({ path: `/api/reviews/plans/${NONE}/draw` }),
    allowed: PLAN,
  },
  {
    method: 'GET',
    url: '/api/reviews/plans/:id/replay',
    make: () => ({ path: `/api/reviews/plans/${NONE}/replay` }),
    allowed: READ,
  },
  {
    method: 'GET',
    url: '/api/reviews/plans/:id/report.docx',
    make: () => ({ path: `/api/reviews/plans/${NONE}/report.docx` }),
    allowed: READ,
  },
  {
    method: 'POST',
    url: '/api/reviews/files/:id/score',
    make: () => ({ path: `/api/reviews/files/${NONE}/score`, body: { scores: { legal_basis: 1 } } }),
    allowed: SCORE,
  },
  {
    method: 'GET',
    url: '/api/reviews/schemes',
    make: () => ({ path: '/api/reviews/schemes' }),
    allowed: READ,
  },
  {
    method: 'POST',
    url: '/api/reviews/schemes',
    // Weights that do not sum to 100: allowed roles get 422.
    make: () => ({
      path: '/api/reviews/schemes',
      body: { unitKind: 'department', name: '矩阵方案', indicators: [{ key: 'on_time_rate', weight: 50 }] },
    }),
    allowed: PLAN,
  },
  {
    method: 'GET',
    url: '/api/reviews/assessments',
    make: () => ({ path: '/api/reviews/assessments' }),
    allowed: READ,
  },
  {
    method: 'POST',
    url: '/api/reviews/assessments',
    make: () => ({
      path: '/api/reviews/assessments',
      body: { schemeId: NONE, periodKind: 'quarter', period: '2026-Q3' },
    }),
    allowed: PLAN,
  },
  {
    method: 'GET',
    url: '/api/reviews/assessments/:id',
    make: () => ({ path: `/api/reviews/assessments/${NONE}` }),
    allowed: READ,
  },
  {
    method: 'PATCH',
    url: '/api/reviews/assessments/:id',
    make: () => ({ path: `/api/reviews/assessments/${NONE}`, body: {} }),
    allowed: PLAN,
  },
  {
    method: 'GET',
    url: '/api/reviews/assessments/:id/report.docx',
    make: () => ({ path: `/api/reviews/assessments/${NONE}/report.docx` }),
    allowed: READ,
  },
  { method: 'GET', url: '/api/reviews/rules', make: () => ({ path: '/api/reviews/rules' }), allowed: READ },
  {
    method: 'PUT',
    url: '/api/reviews/rules/:rule',
    make: () => ({ path: '/api/reviews/rules/low_review_score', body: { threshold: 60 } }),
    allowed: PLAN,
  },
  {
    method: 'GET',
    url: '/api/reviews/auto-findings',
    make: () => ({ path: '/api/reviews/auto-findings' }),
    allowed: READ,
  },
  {
    method: 'POST',
    url: '/api/reviews/auto-findings/evaluate',
    make: () => ({ path: '/api/reviews/auto-findings/evaluate', body: { month: '2020-01' } }),
    allowed: PLAN,
  },
  {
    method: 'POST',
    url: '/api/reviews/auto-findings/:id/accept',
    make: () => ({ path: `/api/reviews/auto-findings/${NONE}/accept`, body: { inspectionId: NONE } }),
    allowed: PLAN,
  },
  {
    method: 'POST',
    url: '/api/reviews/auto-findings/:id/dismiss',
    make: () => ({ path: `/api/reviews/auto-findings/${NONE}/dismiss`, body: { reason: '矩阵测试' } }),
    allowed: PLAN,
  },
  {
    method: 'POST',
    url: '/api/reviews/carry-over',
    make: () => ({ path: '/api/reviews/carry-over', body: { fromInspectionId: NONE, toInspectionId: NONE } }),
    allowed: PLAN,
  },
];
