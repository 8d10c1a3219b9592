import { Role, type Role as RoleT } from '@tongban/contracts';
import { DEMO_CASES as K, makeIdNumber } from '../src/demo/seed-cases-demo';
import { DEMO_CATALOG as C } from '../src/demo/seed-catalog-demo';
import { DEMO_LEDGER as L } from '../src/demo/seed-ledger-demo';
import { SUPERVISION_MATRIX } from './matrix/supervision';
import { EVALUATIONS_MATRIX } from './matrix/evaluations';
import { COMPLAINTS_MATRIX } from './matrix/complaints';
import { HALL_MATRIX } from './matrix/hall';
import { BUNDLES_MATRIX } from './matrix/bundles';
import { TRADING_MATRIX } from './matrix/trading';
import { INTERMEDIARIES_MATRIX } from './matrix/intermediaries';
import { REVIEWS_MATRIX } from './matrix/reviews';

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

const CORE_MATRIX: Entry[] = [
  { method: 'GET', url: '/api/health', make: () => ({ path: '/api/health' }), allowed: 'public' },
  { method: 'GET', url: '/api/auth/me', make: () => ({ path: '/api/auth/me' }), allowed: Role.options },
  // ── Inbox: everyone signed in reads their own ──
  { method: 'GET', url: '/api/inbox', make: () => ({ path: '/api/inbox' }), allowed: STAFF },
  { method: 'GET', url: '/api/inbox/counts', make: () => ({ path: '/api/inbox/counts' }), allowed: STAFF },
  {
    method: 'POST',
    url: '/api/inbox/read-all',
    make: () => ({ path: '/api/inbox/read-all', body: {} }),
    allowed: STAFF,
  },
  {
    method: 'POST',
    url: '/api/inbox/:id/read',
    // Nobody has this item: allowed roles get 404, the others 403.
    make: () => ({ path: '/api/inbox/00000000-0000-4000-8000-000000000001/read', body: {} }),
    allowed: STAFF,
  },
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
    method: 'POST',
    url: '/api/calendar/national/notice-preview',
    make: () => ({
      path: '/api/calendar/national/notice-preview',
      body: { text: '关于2027年部分节假日安排的通知\n一、元旦：1月1日（周五）至3日（周日）放假，共3天。' },
    }),
    allowed: ADMIN,
  },
  {
    method: 'POST',
    url: '/api/calendar/national/notice',
    // Unreadable on purpose: the admin gets 400 and nothing is loaded; the others are refused first.
    make: () => ({
      path: '/api/calendar/national/notice',
      body: { text: '各单位：请做好节日期间的值班安排，确保安全。' },
    }),
    allowed: ADMIN,
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
  // TRUTH-1: checkpoints of the audit chains (issue 12 point 5).
  {
    method: 'GET',
    url: '/api/audit/checkpoints',
    make: () => ({ path: '/api/audit/checkpoints' }),
    allowed: ['admin', 'supervisor', 'inspector'],
  },
  {
    method: 'POST',
    url: '/api/audit/checkpoints',
    make: () => ({ path: '/api/audit/checkpoints', body: {} }),
    allowed: ['admin', 'supervisor'],
  },
  // ── Ledger (ids fixed by the ledger demo) ──
  ...ledgerEntries(),
  // ── Catalog (ids fixed by the catalog demo) ──
  ...catalogEntries(),
  // ── Cases (ids fixed by the cases demo) ──
  ...casesEntries(),
];

function ledgerEntries(): Entry[] {
  const READ: RoleT[] = ['clerk', 'approver', 'dept_head', 'supervisor', 'leader', 'inspector', 'admin'];
  const WRITE: RoleT[] = ['supervisor', 'leader'];
  const PROGRESS: RoleT[] = ['clerk', 'approver', 'dept_head', 'supervisor', 'leader'];
  const SIGNOFF: RoleT[] = ['supervisor', 'leader'];
  const I = `/api/ledger/inspections/${L.inspectionId}`;
  const fixed = (
    method: string,
    url: string,
    path: string,
    allowed: Entry['allowed'],
    body?: (n: number) => unknown,
  ): Entry => ({
    method,
    url,
    make: (_i, n) => ({ path, ...(body ? { body: body(n) } : {}) }),
    allowed,
  });
  return [
    fixed('GET', '/api/ledger/inspections', '/api/ledger/inspections', READ),
    fixed('POST', '/api/ledger/inspections', '/api/ledger/inspections', WRITE, (n) => ({
      kind: 'self_check',
      team: `自查组${n}`,
      inspectedUnit: '云溪县行政审批服务局',
    })),
    fixed('GET', '/api/ledger/inspections/:id', I, READ),
    fixed('PATCH', '/api/ledger/inspections/:id', I, WRITE, (n) => ({ nextSteps: `下一步${n}` })),
    fixed('POST', '/api/ledger/inspections/:id/categories', `${I}/categories`, WRITE, (n) => ({
      title: `类别${n}`,
    })),
    fixed('POST', '/api/ledger/inspections/:id/findings', `${I}/findings`, WRITE, (n) => ({
      title: `问题${n}`,
    })),
    fixed('POST', '/api/ledger/inspections/:id/accountability', `${I}/accountability`, WRITE, () => ({
      kind: 'reminder_talk',
      count: 1,
      date: '2026-10-01',
    })),
    fixed('POST', '/api/ledger/inspections/:id/regulations', `${I}/regulations`, WRITE, (n) => ({
      name: `制度${n}`,
      date: '2026-10-01',
      findingIds: [L.doneFindingId],
    })),
    fixed('POST', '/api/ledger/inspections/:id/recoveries', `${I}/recoveries`, WRITE, () => ({
      kind: 'recovered',
      amountFen: 1000,
      date: '2026-10-01',
    })),
    fixed('POST', '/api/ledger/inspections/:id/leads', `${I}/leads`, WRITE, () => ({
      count: 1,
      date: '2026-10-01',
      receiver: '县纪委监委',
    })),
    fixed('GET', '/api/ledger/inspections/:id/feedback', `${I}/feedback`, WRITE),
    fixed('GET', '/api/ledger/inspections/:id/report', `${I}/report`, READ),
    fixed('GET', '/api/ledger/inspections/:id/report.docx', `${I}/report.docx`, READ),
    fixed('GET', '/api/ledger/inspections/:id/ledger.xlsx', `${I}/ledger.xlsx`, READ),
    // No file: allowed roles get 400 (not multipart), the others 403 before the body is read.
    fixed('POST', '/api/ledger/inspections/:id/import.xlsx', `${I}/import.xlsx`, WRITE),
    fixed('GET', '/api/ledger/inspections/:id/dashboard', `${I}/dashboard`, READ),
    fixed('POST', '/api/ledger/import/text', '/api/ledger/import/text', WRITE, () => ({
      text: '一、服务作风方面\n1.窗口推诿。个别窗口未一次性告知。\n',
    })),
    fixed('POST', '/api/ledger/import/docx', '/api/ledger/import/docx', WRITE),
    fixed('POST', '/api/ledger/drafts', '/api/ledger/drafts', WRITE, (n) => ({
      inspection: { kind: 'self_check', team: `自查组${n}`, inspectedUnit: '云溪县行政审批服务局' },
      categories: [{ key: 'a', title: '作风方面' }],
      findings: [{ title: '问题', categoryKey: 'a', measures: [{ content: '措施', kind: 'immediate' }] }],
    })),
    fixed('PATCH', '/api/ledger/findings/:id', `/api/ledger/findings/${L.openFindingId}`, WRITE, (n) => ({
      description: `问题表现${n}`,
    })),
    // An id that does not exist: the writers get 404, the others 403 before the look-up (the demo stays whole).
    fixed(
      'DELETE',
      '/api/ledger/findings/:id',
      '/api/ledger/findings/00000000-0000-4000-8000-0000000000f1',
      WRITE,
    ),
    fixed(
      'DELETE',
      '/api/ledger/measures/:id',
      '/api/ledger/measures/00000000-0000-4000-8000-0000000000f2',
      WRITE,
    ),
    fixed(
      'POST',
      '/api/ledger/findings/:id/measures',
      `/api/ledger/findings/${L.openFindingId}/measures`,
      WRITE,
      (n) => ({
        content: `措施${n}`,
        kind: 'deadline',
        dueDate: '2027-01-31',
      }),
    ),
    fixed(
      'PATCH',
      '/api/ledger/measures/:id',
      `/api/ledger/measures/${L.notStartedMeasureId}`,
      WRITE,
      (n) => ({
        leader: `领导${n}`,
      }),
    ),
    fixed(
      'POST',
      '/api/ledger/measures/:id/progress',
      `/api/ledger/measures/${L.inProgressMeasureId}/progress`,
      PROGRESS,
      (n) => ({
        date: '2026-11-19',
        text: `进展${n}`,
      }),
    ),
    fixed(
      'POST',
      '/api/ledger/measures/:id/evidence',
      `/api/ledger/measures/${L.inProgressMeasureId}/evidence`,
      PROGRESS,
    ),
    // The first allowed caller signs off; the next gets 409 (already signed off), not 403.
    fixed(
      'POST',
      '/api/ledger/measures/:id/signoff',
      `/api/ledger/measures/${L.awaitingMeasureId}/signoff`,
      SIGNOFF,
      () => ({}),
    ),
    fixed(
      'POST',
      '/api/ledger/measures/:id/reopen',
      `/api/ledger/measures/${L.signedOff2MeasureId}/reopen`,
      SIGNOFF,
      () => ({
        reason: '回头看发现反弹',
      }),
    ),
    fixed(
      'POST',
      '/api/ledger/findings/:id/reopen',
      `/api/ledger/findings/${L.doneFindingId}/reopen`,
      SIGNOFF,
      () => ({
        reason: '回头看发现反弹',
      }),
    ),
    fixed('GET', '/api/ledger/measures', '/api/ledger/measures', READ),
    fixed('GET', '/api/ledger/my-measures', '/api/ledger/my-measures', READ),
    fixed('GET', '/api/public/reports', '/api/public/reports', 'public'),
    fixed('GET', '/api/public/reports/:inspectionId', `/api/public/reports/${L.inspectionId}`, 'public'),
    fixed(
      'POST',
      '/api/public/reports/:inspectionId/feedback',
      `/api/public/reports/${L.inspectionId}/feedback`,
      'public',
      () => ({
        contact: '13800000000',
        text: '希望回访时能告知办理结果。',
      }),
    ),
  ];
}

function catalogEntries(): Entry[] {
  const READ: RoleT[] = ['clerk', 'approver', 'dept_head', 'supervisor', 'leader', 'inspector', 'admin'];
  // The demo items below belong to 市场监管, the department of the demo dept_head.
  const WRITE: RoleT[] = ['admin', 'dept_head', 'supervisor'];
  const PUBLISH: RoleT[] = ['admin', 'supervisor'];
  const item = `/api/catalog/items/${C.foodItemId}`;
  const entry = (
    method: string,
    url: string,
    path: string,
    allowed: Entry['allowed'],
    body?: (n: number, i: Ids) => unknown,
  ): Entry => ({ method, url, make: (i, n) => ({ path, ...(body ? { body: body(n, i) } : {}) }), allowed });
  const guide = `/api/public/catalog/items/${C.foodItemId}`;
  return [
    entry('GET', '/api/catalog/items', '/api/catalog/items?q=spjy', READ),
    // In 卫生健康局 (ids.departmentId): the market dept_head is refused by department scope.
    entry('POST', '/api/catalog/items', '/api/catalog/items', ['admin', 'supervisor'], (n, i) => ({
      itemCode: `AM-${n}`,
      name: `测试事项${n}`,
      itemType: 'filing',
      departmentId: i.departmentId,
    })),
    entry('GET', '/api/catalog/items/:id', item, READ),
    entry('GET', '/api/catalog/items/:id/versions', `${item}/versions`, READ),
    entry(
      'GET',
      '/api/catalog/items/:id/diff',
      `${item}/diff?from=${C.foodPublishedVersionId}&to=${C.foodDraftVersionId}`,
      READ,
    ),
    entry('GET', '/api/catalog/versions/:versionId', `/api/catalog/versions/${C.foodDraftVersionId}`, READ),
    entry(
      'PATCH',
      '/api/catalog/versions/:versionId',
      `/api/catalog/versions/${C.foodDraftVersionId}`,
      WRITE,
      (n) => ({
        hours: `工作日 8:30—17:30（${n}）`,
      }),
    ),
    entry('POST', '/api/catalog/items/:id/drafts', `${item}/drafts`, WRITE, () => ({
      fromVersionId: C.foodPublishedVersionId,
    })),
    entry('POST', '/api/catalog/items/:id/publish', `${item}/publish`, PUBLISH, () => ({
      versionId: C.foodDraftVersionId,
    })),
    entry('GET', '/api/catalog/figures', '/api/catalog/figures', READ),
    entry('GET', '/api/catalog/export.xlsx', '/api/catalog/export.xlsx', READ),
    entry('POST', '/api/catalog/import', '/api/catalog/import', PUBLISH),
    entry(
      'POST',
      '/api/catalog/items/:id/retire',
      `/api/catalog/items/${C.retireItemId}/retire`,
      PUBLISH,
      () => ({
        reason: '事项已合并',
      }),
    ),
    entry('GET', '/api/public/catalog/items', '/api/public/catalog/items?q=spjy', 'public'),
    entry('GET', '/api/public/catalog/items/:id/guide', `${guide}/guide?lang=en`, 'public'),
    entry('GET', '/api/public/catalog/items/:id/guide.docx', `${guide}/guide.docx`, 'public'),
    entry('GET', '/api/public/catalog/items/:id/qr.svg', `${guide}/qr.svg`, 'public'),
  ];
}

function casesEntries(): Entry[] {
  const READ: RoleT[] = ['clerk', 'approver', 'dept_head', 'supervisor', 'leader', 'inspector', 'admin'];
  // 受审分离: window work for clerks only; the demo case is 市场监管's, the department of the demo
  // approver and head. Transitions name version 0 (stale): allowed roles get 409, others 403.
  const WINDOW: RoleT[] = ['clerk'];
  const REVIEW: RoleT[] = ['approver', 'dept_head'];
  const c = `/api/cases/${K.acceptedCaseId}`;
  const none = '00000000-0000-4000-8000-000000000000';
  const entry = (
    method: string,
    url: string,
    path: string,
    allowed: Entry['allowed'],
    body?: (n: number, i: Ids) => unknown,
  ): Entry => ({ method, url, make: (i, n) => ({ path, ...(body ? { body: body(n, i) } : {}) }), allowed });
  const t = (name: string, allowed: RoleT[], body: (i: Ids) => Record<string, unknown> = () => ({})) =>
    entry('POST', `/api/cases/:id/${name}`, `${c}/${name}`, allowed, (_n, i) => ({ version: 0, ...body(i) }));
  const track = { caseNo: '350999-20261120-00099', queryCode: 'ABCDEFGHJK' };
  return [
    entry('POST', '/api/applicants', '/api/applicants', WINDOW, (n) => ({
      kind: 'person',
      name: `申请人${n}`,
      idNumber: makeIdNumber('110105', '19900101', n % 1000),
      phone: '13800000000',
    })),
    entry('POST', '/api/applicants/lookup', '/api/applicants/lookup', WINDOW, () => ({
      idNumber: makeIdNumber('110105', '19900101', 1),
    })),
    entry('GET', '/api/applicants/:id', `/api/applicants/${K.personApplicantId}`, READ),
    entry('POST', '/api/cases', '/api/cases', WINDOW, () => ({
      itemId: C.foodItemId,
      applicantId: K.personApplicantId,
    })),
    entry('POST', '/api/cases/intake-preview', '/api/cases/intake-preview', WINDOW, () => ({
      itemId: C.foodItemId,
      applicantId: K.personApplicantId,
    })),
    entry('GET', '/api/cases', '/api/cases?queue=review', READ),
    entry('GET', '/api/cases/overdue', '/api/cases/overdue', READ),
    entry('GET', '/api/cases/refused', '/api/cases/refused', READ),
    entry('GET', '/api/cases/:id', c, READ),
    entry('GET', '/api/cases/:id/transfer-candidates', `${c}/transfer-candidates`, REVIEW),
    entry('GET', '/api/cases/:id/notices/:noticeId', `${c}/notices/${none}`, READ),
    entry('GET', '/api/cases/:id/notices/:noticeId/docx', `${c}/notices/${none}/docx`, READ),
    t('accept', WINDOW),
    t('request-supplement', WINDOW),
    t('supplement-received', WINDOW),
    t('refuse', WINDOW, () => ({ reason: '不符合条件', redirectTo: '其他机关' })),
    t('instant-decision', WINDOW, () => ({ outcome: 'grant' })),
    t('deferred-received', WINDOW, () => ({ names: ['材料'] })),
    t('visits', WINDOW, () => ({ purpose: '咨询' })),
    t('withdraw', WINDOW, () => ({ reason: '撤回' })),
    t('complete-step', REVIEW, () => ({ opinion: '同意' })),
    t('return', REVIEW, () => ({ reason: '退回' })),
    t('transfer', REVIEW, (i) => ({ toUserId: i.userId, reason: '转办' })),
    t('urge', ['supervisor', 'dept_head'], () => ({ note: '请加快办理' })),
    t('suspend', REVIEW, () => ({ kind: 'testing', expectedDays: 5, reason: '送检' })),
    t('resume', REVIEW),
    t('extension', REVIEW, () => ({ days: 5, reason: '情况复杂' })),
    t('extension/decision', ['dept_head'], () => ({ approved: true })),
    t('decide', REVIEW, () => ({ outcome: 'grant' })),
    t('delivery', WINDOW, () => ({ method: 'window' })),
    t('deliver', WINDOW, () => ({
      receivedBy: '本人',
      receiver: { kind: 'agent', idNumber: '11010519491231002X', authorisationChecked: true },
    })),
    entry('GET', '/api/public/licenses/:token', `/api/public/licenses/${'a'.repeat(32)}`, 'public'),
    entry(
      'GET',
      '/api/public/licenses/:token/qr.svg',
      `/api/public/licenses/${'a'.repeat(32)}/qr.svg`,
      'public',
    ),
    entry('POST', '/api/public/drafts', '/api/public/drafts', 'public', () => ({ itemId: C.foodItemId })),
    entry('GET', '/api/public/drafts/:token', `/api/public/drafts/${'a'.repeat(43)}`, 'public'),
    entry('PUT', '/api/public/drafts/:token', `/api/public/drafts/${'a'.repeat(43)}`, 'public', () => ({
      itemId: C.foodItemId,
    })),
    entry(
      'POST',
      '/api/public/drafts/:token/materials',
      `/api/public/drafts/${'a'.repeat(43)}/materials`,
      'public',
    ),
    entry('POST', '/api/public/cases', '/api/public/cases', 'public', () => ({
      draftToken: 'a'.repeat(43),
      applicant: {
        kind: 'person',
        name: '张三',
        idNumber: makeIdNumber('110105', '19900101', 7),
        phone: '13800000000',
      },
    })),
    entry('POST', '/api/public/cases/track', '/api/public/cases/track', 'public', () => track),
    entry('GET', '/api/my/cases', '/api/my/cases', ['applicant']),
    entry('POST', '/api/public/cases/track/supplement', '/api/public/cases/track/supplement', 'public'),
    entry(
      'POST',
      '/api/public/drafts/:token/check',
      `/api/public/drafts/${'a'.repeat(43)}/check`,
      'public',
      () => ({
        applicant: {
          kind: 'person',
          name: '张三',
          idNumber: makeIdNumber('110105', '19900101', 7),
          phone: '13800000000',
        },
      }),
    ),
    entry(
      'POST',
      '/api/public/cases/track/notice-docx',
      '/api/public/cases/track/notice-docx',
      'public',
      () => ({
        ...track,
        noticeId: none,
      }),
    ),
  ];
}

export const MATRIX: Entry[] = [
  ...CORE_MATRIX,
  ...SUPERVISION_MATRIX,
  ...EVALUATIONS_MATRIX,
  ...COMPLAINTS_MATRIX,
  ...HALL_MATRIX,
  ...BUNDLES_MATRIX,
  ...TRADING_MATRIX,
  ...INTERMEDIARIES_MATRIX,
  ...REVIEWS_MATRIX,
];
