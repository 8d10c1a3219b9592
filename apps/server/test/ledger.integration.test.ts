import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, SESSION_COOKIE } from '@tongban/contracts';
import { DEMO_LEDGER as L } from '../src/demo/seed-ledger-demo';
import { findReportsDir } from '../src/modules/ledger/outline-expectation';
import { multipart } from './factories/http';
import { call, createTestApp, dbKinds, DEMO_PASSWORD, signIn, type Client, type TestApp } from './harness';

const here = path.dirname(fileURLToPath(import.meta.url));
// shared/ sits beside the repository (or beside the folder of worktrees holding it).
const reportsDir = findReportsDir(here);
const report2024 = readFileSync(path.join(reportsDir, 'zhengzhou-huiji-2024.txt'), 'utf8');

describe.each(dbKinds())('rectification ledger (%s)', (kind) => {
  let t: TestApp;
  let supervisor: Client;
  let leader: Client;
  let depthead: Client;
  let clerk: Client;
  let inspector: Client;
  beforeAll(async () => {
    t = await createTestApp(kind);
    supervisor = await signIn(t.app, 'supervisor');
    leader = await signIn(t.app, 'leader');
    depthead = await signIn(t.app, 'depthead');
    clerk = await signIn(t.app, 'clerk');
    inspector = await signIn(t.app, 'inspector');
  });
  afterAll(() => t.close());

  const count = async (table: 'ledgerInspection' | 'ledgerFinding' | 'ledgerMeasure' | 'auditLog') =>
    Number(
      (
        await t.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('the demo has measures in every state, overdue computed from the due date', async () => {
    const r = await supervisor.request('GET', `/api/ledger/measures?inspectionId=${L.inspectionId}`);
    expect(r.status).toBe(200);
    const statuses = new Set(r.body.items.map((x: { status: string }) => x.status));
    for (const s of ['not_started', 'in_progress', 'overdue', 'awaiting_signoff', 'signed_off', 'reopened'])
      expect(statuses, s).toContain(s);
    const overdue = r.body.items.find((x: { measureId: string }) => x.measureId === L.overdueMeasureId);
    expect(overdue.status).toBe('overdue');
    // "My measures": the clerk sees only their own.
    const mine = await clerk.request('GET', '/api/ledger/my-measures');
    expect(mine.status).toBe(200);
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.every((x: { ownerUserId: string }) => x.ownerUserId === clerk.user.id)).toBe(true);
  });

  describe('REC-1 / SOD-2: sign-off needs evidence and a verifier who is not the owner', () => {
    let measureId: string;
    beforeAll(async () => {
      // A measure owned by the supervisor, so the owner holds ledger.signoff.
      const r = await leader.request('POST', `/api/ledger/findings/${L.openFindingId}/measures`, {
        content: '督查人员本人负责的措施',
        kind: 'deadline',
        dueDate: '2027-03-31',
        ownerUserId: supervisor.user.id,
      });
      expect(r.status).toBe(201);
      measureId = r.body.id;
    });

    it('REC-1: no evidence → refused, nothing written', async () => {
      const before = await count('auditLog');
      const r = await leader.request('POST', `/api/ledger/measures/${measureId}/signoff`, {});
      expect(r.status).toBe(409);
      expect(r.body.code).toBe('LEDGER_NO_EVIDENCE');
      expect(r.body.message).toMatch(/佐证/);
      // Progress without evidence is not enough either.
      await supervisor.request('POST', `/api/ledger/measures/${measureId}/progress`, {
        date: '2026-11-19',
        text: '已开始',
      });
      const again = await leader.request('POST', `/api/ledger/measures/${measureId}/signoff`, {});
      expect(again.body.code).toBe('LEDGER_NO_EVIDENCE');
      expect(await count('auditLog')).toBe(before + 1); // the progress entry only
    });

    it('SOD-2: the owner cannot sign off their own measure, even with evidence', async () => {
      const p = await supervisor.request('POST', `/api/ledger/measures/${measureId}/progress`, {
        date: '2026-11-20',
        text: '已完成',
        evidenceText: '会议纪要（2026年第9次）',
        requestSignoff: true,
      });
      expect(p.status).toBe(201);
      const r = await supervisor.request('POST', `/api/ledger/measures/${measureId}/signoff`, {});
      expect(r.status).toBe(403);
      expect(r.body.code).toBe('LEDGER_SIGNOFF_OWN');
      expect(r.body.message).toMatch(/责任人不能为自己负责的整改措施销号/);
      // An owner without the permission is refused by role.
      const byDepthead = await depthead.request(
        'POST',
        `/api/ledger/measures/${L.awaitingMeasureId}/signoff`,
        {},
      );
      expect(byDepthead.status).toBe(403);
    });

    it('another verifier with evidence → signed off; the report counts only signed-off measures as done', async () => {
      const before = (await leader.request('GET', `/api/ledger/inspections/${L.inspectionId}/report`)).body
        .numbers;
      // Evidence and a request for sign-off do not count as done (REC-1).
      expect(before.measuresByState.awaiting_signoff).toBeGreaterThan(0);
      const r = await leader.request('POST', `/api/ledger/measures/${measureId}/signoff`, {
        comment: '核验通过',
      });
      expect(r.status).toBe(200);
      expect(r.body.signedOffBy).toBe(leader.user.id);
      const after = (await leader.request('GET', `/api/ledger/inspections/${L.inspectionId}/report`)).body
        .numbers;
      expect(after.measuresDone).toBe(before.measuresDone + 1);
      const twice = await supervisor.request('POST', `/api/ledger/measures/${measureId}/signoff`, {});
      expect(twice.status).toBe(409);
    });

    it('evidence file upload: pdf accepted as evidence, a renamed file refused', async () => {
      const m = await leader.request('POST', `/api/ledger/findings/${L.openFindingId}/measures`, {
        content: '上传佐证的措施',
        kind: 'immediate',
        ownerUserId: clerk.user.id,
      });
      const clerkSession = await signInRaw(t, 'clerk');
      const clerkCsrf = clerkSession.csrf;
      const loginCookie = async () => clerkSession.cookie;
      const upload = async (bytes: Buffer, type: string) => {
        const { payload, contentType } = multipart(
          { name: 'e.pdf', type, bytes },
          { date: '2026-11-20', text: '已整改并拍照留存' },
        );
        const res = await t.app.inject({
          method: 'POST',
          url: `/api/ledger/measures/${m.body.id}/evidence`,
          payload,
          headers: {
            'content-type': contentType,
            cookie: await loginCookie(),
            [CSRF_HEADER]: clerkCsrf,
          },
        });
        return { status: res.statusCode, body: res.json() };
      };
      const bad = await upload(Buffer.from('not a pdf'), 'application/pdf');
      expect(bad.status).toBe(400);
      const ok = await upload(Buffer.from('%PDF-1.4\n%%EOF\n'), 'application/pdf');
      expect(ok.status).toBe(201);
      expect(ok.body.evidenceFiles).toHaveLength(1);
      const signed = await supervisor.request('POST', `/api/ledger/measures/${m.body.id}/signoff`, {});
      expect(signed.status).toBe(200);
    });
  });

  it('revisit (回头看) reopens a signed-off measure with a reason and keeps the history', async () => {
    const r = await supervisor.request('POST', `/api/ledger/measures/${L.signedOffMeasureId}/reopen`, {
      reason: '回头看抽查发现报表仍有人工修改',
    });
    expect(r.status).toBe(200);
    const detail = (await supervisor.request('GET', `/api/ledger/inspections/${L.inspectionId}`)).body;
    const finding = detail.findings.find((f: { id: string }) => f.id === L.doneFindingId);
    const m = finding.measures.find((x: { id: string }) => x.id === L.signedOffMeasureId);
    // Reopened, and already past its due date: the ledger shows it overdue.
    expect(m.status).toBe('overdue');
    expect(m.signedOffAt).toBeNull();
    expect(m.revisits).toHaveLength(1);
    expect(m.revisits[0].reason).toBe('回头看抽查发现报表仍有人工修改');
    expect(m.revisits[0].priorSignedOffBy).toBe(supervisor.user.id);
    // The old evidence belongs to the earlier round: signing off again needs new evidence.
    const again = await leader.request('POST', `/api/ledger/measures/${L.signedOffMeasureId}/signoff`, {});
    expect(again.body.code).toBe('LEDGER_NO_EVIDENCE');
    // The finding is no longer done (derived).
    expect(finding.done).toBe(false);
    // A finding-level revisit reopens its remaining signed-off measures.
    const rf = await leader.request('POST', `/api/ledger/findings/${L.doneFindingId}/reopen`, {
      reason: '整体回头看',
    });
    expect(rf.status).toBe(200);
    expect(rf.body.reopenedMeasures).toBe(1);
    const none = await leader.request('POST', `/api/ledger/findings/${L.doneFindingId}/reopen`, {
      reason: '再次',
    });
    expect(none.status).toBe(409);
  });

  it('import the 2024 report text → a draft, nothing saved; saving the draft creates every finding', async () => {
    const before = await count('ledgerInspection');
    const imported = await supervisor.request('POST', '/api/ledger/import/text', { text: report2024 });
    expect(imported.status).toBe(200);
    expect(await count('ledgerInspection')).toBe(before);
    const { outline, draft } = imported.body;
    expect(outline.findings.length).toBeGreaterThan(40);
    // Each element says where it was read and how sure the importer was; saving ignores it.
    expect(draft.findings[0].source).toMatchObject({ line: 13, confidence: expect.any(Number) });
    expect(draft.findings[0].source.text).toMatch(/^\(1\)个别问题整改不到位/);
    expect(draft.findings[0].measures[0].source.line).toBe(14);
    const saved = await supervisor.request('POST', '/api/ledger/drafts', draft);
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    expect(saved.body.findings).toBe(outline.findings.length);
    const inDb = await t.deps.db
      .selectFrom('ledgerFinding')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('inspectionId', '=', saved.body.inspectionId)
      .executeTakeFirstOrThrow();
    expect(Number(inDb.n)).toBe(outline.findings.length);
    const cats = await t.deps.db
      .selectFrom('ledgerCategory')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('inspectionId', '=', saved.body.inspectionId)
      .executeTakeFirstOrThrow();
    expect(Number(cats.n)).toBe(outline.categories.length);
  });

  it('a bad draft saves nothing (all or nothing)', async () => {
    const before = {
      i: await count('ledgerInspection'),
      f: await count('ledgerFinding'),
      m: await count('ledgerMeasure'),
      a: await count('auditLog'),
    };
    const draft = {
      inspection: { kind: 'xuncha', team: '县委第一巡察组', inspectedUnit: '云溪县行政审批服务局' },
      categories: [{ key: 'a', title: '作风方面' }],
      findings: [
        { title: '问题一', categoryKey: 'a', measures: [{ content: '措施', kind: 'immediate' }] },
        {
          title: '问题二',
          categoryKey: 'a',
          // The last measure names an owner who does not exist: found only after the rest was inserted.
          measures: [
            { content: '措施', kind: 'deadline', ownerUserId: '00000000-0000-4000-8000-00000000dead' },
          ],
        },
      ],
    };
    const r = await supervisor.request('POST', '/api/ledger/drafts', draft);
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('LEDGER_BAD_DRAFT');
    expect(r.body.message).toMatch(/第 2 个问题/);
    const unknownCategory = await supervisor.request('POST', '/api/ledger/drafts', {
      ...draft,
      findings: [{ title: '问题', categoryKey: 'zz', measures: [] }],
    });
    expect(unknownCategory.status).toBe(400);
    expect({
      i: await count('ledgerInspection'),
      f: await count('ledgerFinding'),
      m: await count('ledgerMeasure'),
      a: await count('auditLog'),
    }).toEqual(before);
  });

  it('TRUTH-1: the numbers in the generated report equal an independent count in SQL', async () => {
    const model = (await leader.request('GET', `/api/ledger/inspections/${L.inspectionId}/report`)).body;
    const db = t.deps.db;
    const q = async (text: string) =>
      Number(
        (
          await (
            await import('kysely')
          ).sql<{ n: string }>`${(await import('kysely')).sql.raw(text)}`.execute(db)
        ).rows[0]!.n,
      );
    const id = `'${L.inspectionId}'`;
    const measuresOf = `ledger_measure m join ledger_finding f on f.id = m.finding_id where f.inspection_id = ${id}`;
    expect(model.numbers.findingsTotal).toBe(
      await q(`select count(*) as n from ledger_finding where inspection_id = ${id}`),
    );
    expect(model.numbers.measuresTotal).toBe(await q(`select count(*) as n from ${measuresOf}`));
    expect(model.numbers.measuresDone).toBe(
      await q(`select count(*) as n from ${measuresOf} and m.signed_off_at is not null`),
    );
    expect(model.numbers.findingsDone).toBe(
      await q(
        `select count(*) as n from ledger_finding f where f.inspection_id = ${id}
           and exists (select 1 from ledger_measure m where m.finding_id = f.id)
           and not exists (select 1 from ledger_measure m where m.finding_id = f.id and m.signed_off_at is null)`,
      ),
    );
    expect(model.numbers.measuresOverdue).toBe(
      await q(
        `select count(*) as n from ${measuresOf} and m.signed_off_at is null and m.due_date < date '2026-11-20'`,
      ),
    );
    expect(model.numbers.accountabilityTotal).toBe(
      await q(`select coalesce(sum(count), 0) as n from ledger_accountability where inspection_id = ${id}`),
    );
    expect(model.numbers.regulations).toBe(
      await q(`select count(*) as n from ledger_regulation where inspection_id = ${id}`),
    );
    expect(model.numbers.refundedFen).toBe(
      await q(
        `select coalesce(sum(amount_fen), 0) as n from ledger_recovery where inspection_id = ${id} and kind = 'refunded'`,
      ),
    );
    expect(model.numbers.leadsReferred).toBe(
      await q(`select leads_referred as n from ledger_inspection where id = ${id}`),
    );
  });

  it('the .docx report opens and carries its headings and numbers', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/ledger/inspections/${L.inspectionId}/report.docx`,
      headers: { cookie: (await signInRaw(t, 'leader')).cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const { value: text } = await mammoth.extractRawText({ buffer: res.rawPayload });
    expect(text).toContain('一、整改工作开展情况');
    expect(text).toContain('二、反馈问题整改落实情况');
    expect(text).toContain('三、问题线索处理情况');
    expect(text).toContain('四、下一步工作');
    expect(text).toContain('县委第二巡察组');
    const model = (await leader.request('GET', `/api/ledger/inspections/${L.inspectionId}/report`)).body;
    expect(text).toContain(`反馈的${model.numbers.findingsTotal}个问题中`);
  });

  it('the public report needs no sign-in; public feedback is stored, validated', async () => {
    const r = await call(t.app, 'GET', `/api/public/reports/${L.inspectionId}`);
    expect(r.status).toBe(200);
    expect(r.body.title).toContain('整改进展情况的通报');
    expect(r.body.numbers.findingsTotal).toBe(8 + 0);
    const fb = await call(t.app, 'POST', `/api/public/reports/${L.inspectionId}/feedback`, {
      contact: '13800000000',
      text: '建议公布回访结果',
    });
    expect(fb.status).toBe(201);
    const tooLong = await call(t.app, 'POST', `/api/public/reports/${L.inspectionId}/feedback`, {
      contact: '13800000000',
      text: '长'.repeat(2001),
    });
    expect(tooLong.status).toBe(400);
    const list = await supervisor.request('GET', `/api/ledger/inspections/${L.inspectionId}/feedback`);
    expect(list.body.items.map((x: { text: string }) => x.text)).toContain('建议公布回访结果');
    // An unpublished inspection is not public.
    const draft = await supervisor.request('POST', '/api/ledger/inspections', {
      kind: 'self_check',
      team: '局自查组',
      inspectedUnit: '云溪县行政审批服务局',
    });
    expect((await call(t.app, 'GET', `/api/public/reports/${draft.body.id}`)).status).toBe(404);
  });

  it('the inspector reads but cannot write (403)', async () => {
    expect((await inspector.request('GET', `/api/ledger/inspections/${L.inspectionId}`)).status).toBe(200);
    const writes: [string, string, unknown][] = [
      ['POST', '/api/ledger/inspections', { kind: 'xuncha', team: '组', inspectedUnit: '单位' }],
      ['POST', `/api/ledger/findings/${L.openFindingId}/measures`, { content: '措施', kind: 'immediate' }],
      [
        'POST',
        `/api/ledger/measures/${L.inProgressMeasureId}/progress`,
        { date: '2026-11-20', text: '进展' },
      ],
      ['POST', `/api/ledger/measures/${L.awaitingMeasureId}/signoff`, {}],
      ['POST', `/api/ledger/measures/${L.signedOff2MeasureId}/reopen`, { reason: '原因' }],
    ];
    for (const [method, url, body] of writes) {
      const r = await inspector.request(method, url, body);
      expect(r.status, url).toBe(403);
    }
  });

  it('accountability names are shown only to leader and supervisor', async () => {
    const byLeader = (await leader.request('GET', `/api/ledger/inspections/${L.inspectionId}`)).body;
    const byClerk = (await clerk.request('GET', `/api/ledger/inspections/${L.inspectionId}`)).body;
    expect(byLeader.accountability.some((a: { names: string }) => a.names !== '')).toBe(true);
    expect(byClerk.accountability.every((a: { names: string }) => a.names === '')).toBe(true);
  });
});

async function signInRaw(t: TestApp, username: string): Promise<{ cookie: string; csrf: string }> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: DEMO_PASSWORD },
  });
  const c = res.cookies.find((x) => x.name === SESSION_COOKIE)!;
  return { cookie: `${c.name}=${c.value}`, csrf: (res.json() as { csrfToken: string }).csrfToken };
}
