import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BUNDLES } from '../src/demo/seed-bundles-demo';
import { DEMO_CASES, makeIdNumber } from '../src/demo/seed-cases-demo';
import { verifyAuditChain } from '../src/modules/audit';
import { forgetBranches } from '../src/modules/bundles';
import { casesService } from '../src/modules/cases';
import { call, createTestApp, dbKinds, signIn, type Client, type TestApp } from './harness';

/**
 * 一件事一次办 (issue 20) through the HTTP app: one application → a bundle and a branch case per
 * item, branches decided in parallel by their departments, the join, one delivery with 一业一证.
 */
describe.each(dbKinds())('bundles (%s)', (kind) => {
  let t: TestApp;
  const c: Record<string, Client> = {};
  let restaurant: {
    id: string;
    items: { itemId: string; itemName: string }[];
    materials: { name: string }[];
  };
  let project: typeof restaurant;
  let n = 10;

  beforeAll(async () => {
    t = await createTestApp(kind);
    for (const u of [
      'admin',
      'clerk',
      'clerk2',
      'clerk_housing',
      'clerk_resources',
      'approver',
      'approver2',
      'approver_health',
      'approver_health2',
      'approver_housing',
      'approver_housing2',
      'approver_housing3',
      'approver_resources',
      'approver_resources2',
      'leader',
      'supervisor',
      'inspector',
    ])
      c[u] = await signIn(t.app, u);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const defs = (await c.admin!.request('GET', '/api/bundles/definitions')).body.items as any[];
    restaurant = defs.find((d) => d.code === DEMO_BUNDLES.restaurantCode) as typeof restaurant;
    project = defs.find((d) => d.code === DEMO_BUNDLES.projectCode) as typeof project;
  });
  afterAll(async () => t.close());

  const clerkOf: Record<string, string> = {
    云溪县市场监督管理局: 'clerk',
    云溪县卫生健康局: 'clerk2',
    云溪县住房和城乡建设局: 'clerk_housing',
    云溪县自然资源局: 'clerk_resources',
  };
  // Reviewers in step order, the decider last (SOD-1).
  const approversOf: Record<string, string[]> = {
    云溪县市场监督管理局: ['approver', 'approver2'],
    云溪县卫生健康局: ['approver_health', 'approver_health2'],
    云溪县住房和城乡建设局: ['approver_housing', 'approver_housing2', 'approver_housing3'],
    云溪县自然资源局: ['approver_resources', 'approver_resources2'],
  };
  type Branch = { caseId: string; caseNo: string; departmentName: string; itemName: string; status: string };
  const version = async (who: string, caseId: string) =>
    (await c[who]!.request('GET', `/api/cases/${caseId}`)).body.version as number;
  const act = async (who: string, caseId: string, name: string, body: Record<string, unknown> = {}) =>
    c[who]!.request('POST', `/api/cases/${caseId}/${name}`, { version: await version(who, caseId), ...body });
  const accept = (b: Branch) => act(clerkOf[b.departmentName]!, b.caseId, 'accept', { deferred: [] });
  /** Every step before the decision, each by the next reviewer (or the one given). */
  const review = async (b: Branch, who?: string) => {
    const chain = who ? [who] : approversOf[b.departmentName]!.slice(0, -1);
    let last = { status: 200, body: {} as Record<string, unknown> };
    for (const w of chain) {
      const cur = (await c[w]!.request('GET', `/api/cases/${b.caseId}`)).body;
      if (!who && cur.stepName === '决定') break;
      last = await act(w, b.caseId, 'complete-step', { opinion: '符合条件' });
      if (last.status !== 200) return last;
    }
    return last;
  };
  const grant = (b: Branch, who = approversOf[b.departmentName]!.at(-1)!) =>
    act(who, b.caseId, 'decide', { outcome: 'grant', opinion: '准予' });
  const detail = async (id: string) => (await c.supervisor!.request('GET', `/api/bundles/${id}`)).body;

  async function applyOnline(definitionId: string, materials: string[], seats = true) {
    n++;
    const r = await call(
      t.app,
      'POST',
      '/api/public/bundles',
      {
        definitionId,
        applicant: {
          kind: 'person',
          name: `测试经营者${n}`,
          idNumber: makeIdNumber('350999', '19900101', 500 + n),
          phone: `1360599${String(1000 + n)}`,
        },
        formValues: { applicantName: `测试餐馆${n}`, ...(seats ? { seats: '30' } : {}) },
        materials,
      },
      { 'x-forwarded-for': `10.9.0.${n}` },
    );
    expect(r.status).toBe(201);
    const list = (await c.supervisor!.request('GET', '/api/bundles?limit=100')).body.items as {
      id: string;
      bundleNo: string;
    }[];
    const id = list.find((b) => b.bundleNo === r.body.bundleNo)!.id;
    return { ...r.body, id, detail: await detail(id) };
  }

  /** An online application with every material of the definition (the restaurant's form asks for seats). */
  async function applyComplete(def: typeof restaurant) {
    const b = await applyOnline(
      def.id,
      def.materials.map((m) => m.name),
      def === restaurant,
    );
    return { b, branches: b.detail.branches as Branch[] };
  }
  /** The investment project's branches by item: land use, the building permit (after land), waste. */
  const projectBranches = (branches: Branch[]) => ({
    land: branches.find((x) => x.itemName.includes('用地'))!,
    permit: branches.find((x) => x.itemName.includes('施工许可'))!,
    waste: branches.find((x) => x.itemName.includes('建筑垃圾'))!,
  });

  it('BUN-1: a definition with an item from another region, a cycle or one department is refused, nothing saved', async () => {
    const before = (await c.admin!.request('GET', '/api/bundles/definitions')).body.items.length;
    const items = project.items.map((i) => ({ itemId: i.itemId, dependsOn: [] as string[] }));
    items[0]!.dependsOn = [items[1]!.itemId];
    items[1]!.dependsOn = [items[0]!.itemId];
    const cycle = await c.admin!.request('POST', '/api/bundles/definitions', {
      code: 'CYCLE',
      name: '循环',
      items,
    });
    expect(cycle.status).toBe(422);
    expect(cycle.body.code).toBe('BUNDLE_DEPENDENCY_CYCLE');
    const unknown = await c.admin!.request('POST', '/api/bundles/definitions', {
      code: 'UNKNOWN',
      name: '未发布',
      items: [{ itemId: items[0]!.itemId }, { itemId: '00000000-0000-4000-8000-000000000099' }],
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('BUNDLE_ITEM_NOT_PUBLISHED');
    expect((await c.admin!.request('GET', '/api/bundles/definitions')).body.items.length).toBe(before);
    expect(
      (await c.clerk!.request('POST', '/api/bundles/definitions', { code: 'X1', name: 'x', items })).status,
    ).toBe(403);
  });

  it('BUN-1: a definition may not take an item of another region', async () => {
    const { orgService } = await import('../src/modules/org');
    const { catalogService } = await import('../src/modules/catalog');
    const { SYSTEM_ACTOR } = await import('../src/platform/access');
    const { CatalogItemCreate } = await import('@tongban/contracts');
    await orgService.createRegion(t.deps, SYSTEM_ACTOR, { code: '350998', name: '邻县', parentCode: null });
    const hall = await orgService.createHall(t.deps, SYSTEM_ACTOR, {
      regionCode: '350998',
      name: '邻县政务服务中心',
      level: 'county',
      address: '邻县',
      phone: '0599-1',
    });
    const dept = await orgService.createDepartment(t.deps, SYSTEM_ACTOR, {
      regionCode: '350998',
      hallId: hall.id,
      name: '邻县市场监督管理局',
      shortName: '邻县市场监管',
      hallExemption: null,
    });
    const v = await catalogService.createItem(
      t.deps,
      SYSTEM_ACTOR,
      CatalogItemCreate.parse({
        itemCode: '350998-TEST-1',
        regionCode: '350998',
        name: '邻县事项',
        itemType: 'licensing',
        departmentId: dept.id,
        handling: 'promised',
        legalLimitDays: 20,
        promisedLimitDays: 5,
        maxVisits: 1,
        onlineLevel: 'full_online',
        location: '邻县',
        hours: '工作日',
        consultPhone: '1',
        complaintPhone: '12345',
        acceptanceConditions: '无',
        legalBasis: [{ name: '法', article: '1' }],
        materials: [{ name: '申请书', requirement: 'required', form: 'original', copies: 1 }],
        guides: { zh: { name: '邻县事项', conditions: '无', process: '受理', notes: '无' } },
      }),
    );
    await catalogService.publish(t.deps, SYSTEM_ACTOR, v.itemId, v.id);
    const r = await c.admin!.request('POST', '/api/bundles/definitions', {
      code: 'OTHER',
      name: '跨区',
      items: [{ itemId: restaurant.items[0]!.itemId }, { itemId: v.itemId }],
    });
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('BUNDLE_ITEM_OTHER_REGION');
  });

  it('BUN-1: 开办餐饮店 online once, one set of materials; three departments in parallel; a supplement pauses one branch; the bundle concludes once and is delivered once with a 一业一证 license', async () => {
    expect(restaurant.materials.filter((m) => m.name === '营业执照')).toHaveLength(1);
    const all = restaurant.materials.map((m) => m.name);
    const b = await applyOnline(restaurant.id, all);
    const branches = b.detail.branches as Branch[];
    expect(branches.map((x) => x.departmentName).sort()).toEqual(
      ['云溪县住房和城乡建设局', '云溪县卫生健康局', '云溪县市场监督管理局'].sort(),
    );
    // Each branch is an ordinary case of its department: visible in its clerk's case list.
    const housingCases = (await c.clerk_housing!.request('GET', '/api/cases?limit=100')).body.items as {
      id: string;
    }[];
    expect(
      housingCases.some((x) => x.id === branches.find((y) => y.departmentName.includes('住房'))!.caseId),
    ).toBe(true);
    const [food, hygiene, drain] = ['市场', '卫生', '住房'].map((k) =>
      branches.find((x) => x.departmentName.includes(k))!,
    );
    expect((await accept(food!)).status).toBe(200);
    expect((await accept(drain!)).status).toBe(200);
    // The health clerk asks for a supplement on its branch only.
    const sup = await act('clerk2', hygiene!.caseId, 'request-supplement', {
      faulty: [{ name: '场所平面布局图', reason: '未标注面积' }],
    });
    expect(sup.status).toBe(200);
    let d = await detail(b.id);
    const br = (x: Branch) =>
      (d.branches as (Branch & { paused: boolean })[]).find((y) => y.caseId === x.caseId)!;
    expect(br(hygiene!).paused).toBe(true);
    expect(br(food!).paused).toBe(false);
    expect(br(food!).status).toBe('accepted');
    // The applicant sees what is missing and hands it in online.
    const tracked = await call(t.app, 'POST', '/api/public/bundles/track', {
      bundleNo: b.bundleNo,
      queryCode: b.queryCode,
    });
    expect(tracked.body.bundle.branches.find((x: Branch) => x.caseNo === hygiene!.caseNo).missing).toEqual([
      '场所平面布局图',
    ]);
    const up = await call(t.app, 'POST', '/api/public/bundles/supplement', {
      bundleNo: b.bundleNo,
      queryCode: b.queryCode,
      caseNo: hygiene!.caseNo,
      materials: ['场所平面布局图'],
    });
    expect(up.status).toBe(200);
    expect((await accept(hygiene!)).status).toBe(200);
    for (const x of [food!, hygiene!, drain!]) expect((await review(x)).status).toBe(200);
    // Delivering before every branch concluded: 409, nothing changed.
    d = await detail(b.id);
    const early = await c.clerk!.request('POST', `/api/bundles/${b.id}/deliver`, {
      version: d.version,
      method: 'window',
      receivedBy: '经营者',
    });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('BUNDLE_NOT_CONCLUDED');
    expect((await grant(food!)).status).toBe(200);
    expect((await grant(hygiene!)).status).toBe(200);
    expect((await detail(b.id)).status).toBe('open');
    expect((await grant(drain!)).status).toBe(200);
    d = await detail(b.id);
    expect(d.status).toBe('concluded');
    expect(d.events.filter((e: { type: string }) => e.type === 'concluded')).toHaveLength(1);
    const delivered = await c.clerk!.request('POST', `/api/bundles/${b.id}/deliver`, {
      version: d.version,
      method: 'window',
      receivedBy: '经营者',
    });
    expect(delivered.status).toBe(200);
    expect(delivered.body.status).toBe('delivered');
    expect(delivered.body.license.typeName).toBe('餐饮服务行业综合许可证');
    expect(delivered.body.license.members).toHaveLength(3);
    // The reply is built from what the delivery's transaction held: it is what a read now gives.
    expect(delivered.body).toEqual((await c.clerk!.request('GET', `/api/bundles/${b.id}`)).body);
    const again = await c.clerk!.request('POST', `/api/bundles/${b.id}/deliver`, {
      version: delivered.body.version,
      method: 'window',
      receivedBy: '经营者',
    });
    expect(again.status).toBe(409);
    // Every branch case was delivered with the bundle, once: each prepared and handed over by the
    // same rules and with the same events and audit entries as a case delivered on its own.
    for (const x of [food!, hygiene!, drain!]) {
      const row = await t.deps.db
        .selectFrom('serviceCase')
        .select('status')
        .where('id', '=', x.caseId)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('delivered');
      const events = await t.deps.db
        .selectFrom('caseEvent')
        .select(['seq', 'type'])
        .where('caseId', '=', x.caseId)
        .orderBy('seq')
        .execute();
      expect(events.slice(-3).map((e) => e.type)).toEqual(['delivery_prepared', 'delivered', 'visit']);
      expect(events.map((e) => e.seq)).toEqual(events.map((_, k) => k + 1));
      const entries = await t.deps.db
        .selectFrom('auditLog')
        .select(['action', 'summary'])
        .where('entityType', '=', 'case')
        .where('entityId', '=', x.caseId)
        .orderBy('at')
        .orderBy('seq')
        .execute();
      expect(entries.slice(-2).map((e) => e.action)).toEqual(['case.prepare_delivery', 'case.deliver']);
    }
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
    const verified = await call(
      t.app,
      'GET',
      `/api/public/bundles/licenses/${delivered.body.license.verifyToken}`,
    );
    expect(verified.body.found).toBe(true);
    expect(verified.body.license.id).toBe(delivered.body.license.id);
    const unknown = await call(t.app, 'GET', '/api/public/bundles/licenses/nope-nope-nope');
    expect(unknown.body).toEqual({ found: false, license: null });
  });

  it('BUN-1: a dependent branch waits for its prerequisite; SOD-1 across branches', async () => {
    const { branches } = await applyComplete(project);
    const { land, permit, waste } = projectBranches(branches);
    for (const x of [land, permit, waste]) expect((await accept(x)).status).toBe(200);
    const waiting = await review(permit, 'approver_housing2');
    expect(waiting.status).toBe(409);
    expect(waiting.body.code).toBe('BUNDLE_BRANCH_WAITING');
    expect((await review(land)).status).toBe(200);
    expect((await grant(land)).status).toBe(200);
    expect((await review(permit, 'approver_housing2')).status).toBe(200);
    // approver_housing reviews the waste branch, and may then not decide the permit branch.
    expect((await review(waste, 'approver_housing')).status).toBe(200);
    const sod = await grant(permit, 'approver_housing');
    expect(sod.status).toBe(409);
    expect(sod.body.code).toBe('BUNDLE_SOD_ACROSS_BRANCHES');
    expect((await c.approver_housing!.request('GET', `/api/cases/${permit.caseId}`)).body.status).toBe(
      'accepted',
    );
  });

  it('BUN-1: a process that has not seen the branches (a restart) still joins each into its bundle', async () => {
    const { b, branches } = await applyComplete(restaurant);
    // Every transition's opening asks whether its case is a branch; the answer is remembered.
    forgetBranches();
    casesService.forgetCaseRegions();
    for (const x of branches) expect((await accept(x)).status).toBe(200);
    forgetBranches();
    casesService.forgetCaseRegions();
    for (const x of branches) {
      expect((await review(x)).status).toBe(200);
      forgetBranches();
      expect((await grant(x)).status).toBe(200);
    }
    const d = await detail(b.id);
    expect((d.branches as Branch[]).map((x) => x.status)).toEqual(['granted', 'granted', 'granted']);
    expect(d.status).toBe('concluded');
  });

  it("BUN-1: review steps of a bundle's branches run side by side", async () => {
    const { b, branches } = await applyComplete(restaurant);
    for (const x of branches) expect((await accept(x)).status).toBe(200);
    // A review step locks the bundle shared (no branch status moves): every branch's step at once.
    const steps = await Promise.all(
      branches.map((x) =>
        act(approversOf[x.departmentName]![0]!, x.caseId, 'complete-step', { opinion: '符合条件' }),
      ),
    );
    expect(steps.map((r) => r.status)).toEqual([200, 200, 200]);
    const d = await detail(b.id);
    expect(d.status).toBe('open');
    expect(d.events.filter((e: { type: string }) => e.type.startsWith('branch_'))).toHaveLength(3); // accepted ×3
  });

  it('BUN-1, SOD-1: a review and a decision by one person on two branches at once: exactly one passes', async () => {
    const { branches } = await applyComplete(project);
    const { land, permit, waste } = projectBranches(branches);
    for (const x of branches) expect((await accept(x)).status).toBe(200);
    expect((await review(land)).status).toBe(200);
    expect((await grant(land)).status).toBe(200);
    expect((await review(permit, 'approver_housing2')).status).toBe(200);
    // approver_housing decides the permit branch while reviewing the waste branch: the decision locks
    // the bundle exclusively, so one of the two sees the other and SOD-1 across branches refuses it.
    const race = await Promise.all([grant(permit, 'approver_housing'), review(waste, 'approver_housing')]);
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(race.find((r) => r.status === 409)!.body.code).toBe('BUNDLE_SOD_ACROSS_BRANCHES');
  });

  it('BUN-1: a refused branch does not cancel the others; the applicant chooses to continue', async () => {
    const { b, branches } = await applyComplete(restaurant);
    const drain = branches.find((x) => x.departmentName.includes('住房'))!;
    const refused = await act('clerk_housing', drain.caseId, 'refuse', {
      reason: '不符合排水接入条件',
      redirectTo: '县住建局排水科',
    });
    expect(refused.status).toBe(200);
    let d = await detail(b.id);
    expect(d.status).toBe('awaiting_choice');
    expect(d.branches.filter((x: Branch) => x.status === 'submitted')).toHaveLength(2);
    const chosen = await call(t.app, 'POST', '/api/public/bundles/choice', {
      bundleNo: b.bundleNo,
      queryCode: b.queryCode,
      choice: 'continue',
    });
    expect(chosen.status).toBe(200);
    d = await detail(b.id);
    expect(d.status).toBe('open');
    for (const x of branches.filter((y) => y !== drain)) {
      await accept(x);
      await review(x);
      await grant(x);
    }
    d = await detail(b.id);
    expect(d.status).toBe('concluded');
    const delivered = await c.clerk!.request('POST', `/api/bundles/${b.id}/deliver`, {
      version: d.version,
      method: 'electronic',
      receivedBy: '经营者',
    });
    expect(delivered.status).toBe(200);
    // Not every branch granted: no comprehensive license, the granted results are delivered.
    expect(delivered.body.license).toBeNull();
    expect(delivered.body).toEqual((await c.clerk!.request('GET', `/api/bundles/${b.id}`)).body);
  });

  it('BUN-1: the join under concurrent last branches concludes the bundle exactly once', async () => {
    const { b, branches } = await applyComplete(restaurant);
    for (const x of branches) {
      await accept(x);
      await review(x);
    }
    const versions = await Promise.all(
      branches.map((x) => version(approversOf[x.departmentName]!.at(-1)!, x.caseId)),
    );
    const replies = await Promise.all(
      branches.map((x, k) =>
        c[approversOf[x.departmentName]!.at(-1)!]!.request('POST', `/api/cases/${x.caseId}/decide`, {
          version: versions[k],
          outcome: 'grant',
          opinion: '准予',
        }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    const d = await detail(b.id);
    expect(d.status).toBe('concluded');
    expect(d.concludedBranches).toBe(3);
    expect(d.events.filter((e: { type: string }) => e.type === 'concluded')).toHaveLength(1);
  });

  it('BUN-1: one window intake files and accepts every branch; the case numbers are gap-free and taken together, nothing written when a branch fails', async () => {
    const intake = (materials: string[], applicantId = DEMO_CASES.enterpriseApplicantId) =>
      c.clerk!.request('POST', '/api/bundles', {
        definitionId: restaurant.id,
        applicantId,
        formValues: {},
        materials: materials.map((name) => ({ name, status: 'provided' })),
        accept: true,
      });
    const all = restaurant.materials.map((m) => m.name);
    const first = await intake(all);
    expect(first.status).toBe(201);
    const second = await intake(all);
    expect(second.status).toBe(201);
    const serialsOf = async (bundleId: string) =>
      ((await detail(bundleId)).branches as Branch[]).map((b) => Number(b.caseNo.split('-').at(-1)));
    const serials = [...(await serialsOf(first.body.bundleId)), ...(await serialsOf(second.body.bundleId))];
    expect(serials.length).toBe(restaurant.items.length * 2);
    const d = await detail(first.body.bundleId);
    expect(d.branches.map((b: Branch) => b.status)).toEqual(d.branches.map(() => 'accepted'));
    expect(d.events.map((e: { type: string }) => e.type)).toEqual([
      'submitted',
      ...d.branches.map(() => 'branch_accepted'),
    ]);
    for (const b of d.branches as Branch[]) {
      const cs = (await c.supervisor!.request('GET', `/api/cases/${b.caseId}`)).body;
      expect(cs.status).toBe('accepted');
      expect(cs.caseNo).toBe(b.caseNo);
      expect(cs.notices.map((n: { kind: string }) => n.kind)).toEqual(['accept']);
    }
    // The branches are ordinary cases of their departments: they are reviewed and decided as any.
    const branch = (d.branches as Branch[])[0]!;
    expect((await review(branch)).status).toBe(200);
    // A failing intake (an unknown applicant) writes nothing and takes no number.
    const failed = await intake(all, '00000000-0000-0000-0000-000000000000');
    expect(failed.status).toBeGreaterThanOrEqual(400);
    expect(failed.status).toBeLessThan(500);
    const third = await intake(all);
    expect(third.status).toBe(201);
    expect((await serialsOf(third.body.bundleId))[0]).toBe(serials.at(-1)! + 1);
    // TRUTH-1: every branch's 收件 and 受理 and the bundle's intake are on the audit chains, in order
    // (entries on one lane written together link to each other), and the chains verify.
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
  });

  it('DEC-2: one extension of at most 15 days, approved by the leader only; the legal deadline moves', async () => {
    const b = await applyOnline(restaurant.id, []);
    let d = await detail(b.id);
    const before = d.legalDeadline;
    const tooLong = await c.clerk!.request('POST', `/api/bundles/${b.id}/extension`, {
      version: d.version,
      days: 16,
      reason: '专家评审',
    });
    expect(tooLong.status).toBe(400);
    const asked = await c.clerk!.request('POST', `/api/bundles/${b.id}/extension`, {
      version: d.version,
      days: 15,
      reason: '专家评审',
    });
    expect(asked.status).toBe(200);
    const byHead = await c.supervisor!.request('POST', `/api/bundles/${b.id}/extension/decision`, {
      version: asked.body.version,
      approved: true,
    });
    expect(byHead.status).toBe(403);
    const ok = await c.leader!.request('POST', `/api/bundles/${b.id}/extension/decision`, {
      version: asked.body.version,
      approved: true,
    });
    expect(ok.status).toBe(200);
    d = await detail(b.id);
    expect(d.legalLimitDays).toBe(60);
    expect(d.legalDeadline > before).toBe(true);
    const second = await c.clerk!.request('POST', `/api/bundles/${b.id}/extension`, {
      version: d.version,
      days: 5,
      reason: '再次',
    });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('BUNDLE_EXTENSION_USED');
  });

  it('TRUTH-1: figures come from the bundles; inspectors read them, clerks do not', async () => {
    const f = await c.inspector!.request('GET', '/api/bundles/figures');
    expect(f.status).toBe(200);
    expect(f.body.total).toBeGreaterThan(0);
    expect(f.body.concluded).toBeLessThanOrEqual(f.body.total);
    expect(f.body.holding.length).toBeGreaterThan(0);
    expect((await c.clerk!.request('GET', '/api/bundles/figures')).status).toBe(403);
  });
});
