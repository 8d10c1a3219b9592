import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CASES } from '../src/demo/seed-cases-demo';
import { DEMO_SUPERVISION } from '../src/demo/seed-supervision-demo';
import { casesService } from '../src/modules/cases';
import { refreshSupervision, verifyTruth } from '../src/modules/supervision';
import { getDashboard, getFigures } from '../src/modules/supervision/use-cases/read-figures';
import { inboxSiteAdapter } from '../src/modules/inbox';
import { fixedClock } from '../src/platform/clock';
import { channelTransport, deliverDue, logTransport } from '../src/platform/outbox';
import { createTestApp, dbKinds, signIn, type Client, type TestApp } from './harness';

/**
 * 电子监察 (issue 16) through the HTTP app on the demo: SUP-1 colours kept in the stored projection
 * (events and calendar changes), SUP-2 ladder once per level with the 督办单 and its escalation,
 * RATE-1 figures that open their cases, TRUTH-1 truth:verify catching a corrupted aggregate.
 */
const DAY = 86_400_000;
const PERIOD = 'from=2026-01&to=2026-12';

describe.each(dbKinds())('supervision (%s)', (kind) => {
  let t: TestApp;
  let supervisor: Client;
  let head: Client;
  let leader: Client;
  let clerk: Client;
  beforeAll(async () => {
    t = await createTestApp(kind);
    supervisor = await signIn(t.app, 'supervisor');
    head = await signIn(t.app, 'depthead');
    leader = await signIn(t.app, 'leader');
    clerk = await signIn(t.app, 'clerk');
  });
  afterAll(async () => t.close());

  it('SUP-1: the demo shows open cases in every colour on the board', async () => {
    const board = await supervisor.request('GET', '/api/supervision/board');
    expect(board.status).toBe(200);
    const { totals } = board.body;
    expect(totals.green).toBeGreaterThan(0);
    expect(totals.yellow).toBeGreaterThan(0);
    expect(totals.red).toBeGreaterThan(0);
    expect(totals.paused).toBeGreaterThan(0);
    const yellow = await supervisor.request('GET', '/api/supervision/clocks?colour=yellow');
    expect(yellow.body.items.map((c: { caseId: string }) => c.caseId)).toContain(
      DEMO_SUPERVISION.yellowCaseId,
    );
  });

  it('SUP-2: the demo has 督办单 open, answered and late (escalated to the leader once)', async () => {
    const orders = (await supervisor.request('GET', '/api/supervision/orders')).body.items as {
      caseId: string;
      status: string;
      escalatedAt: string | null;
    }[];
    const of = (id: string) => orders.find((o) => o.caseId === id);
    expect(of(DEMO_SUPERVISION.answeredCaseId)?.status).toBe('answered');
    expect(of(DEMO_SUPERVISION.lateCaseId)).toMatchObject({ status: 'late' });
    expect(of(DEMO_SUPERVISION.lateCaseId)?.escalatedAt).not.toBeNull();
    expect(of(DEMO_SUPERVISION.openOrderCaseId)?.status).toBe('open');
    const inbox = (await leader.request('GET', '/api/inbox')).body.items as { kind: string; title: string }[];
    expect(inbox.filter((i) => i.kind === 'supervision.leader').length).toBeGreaterThan(0);
  });

  it('SUP-2: an escalation reaches each recipient’s inbox once; its outbox copy is a text, not a second item', async () => {
    // Deliver everything the demo queued, the way the server does (site messages become inbox items).
    // A message is due from the database's own now(), later than the test's fixed clock.
    const transport = channelTransport([inboxSiteAdapter()], logTransport({ info: () => undefined }));
    const later = { db: t.deps.db, clock: fixedClock(new Date(Date.now() + 3_600_000)) };
    let delivered = 0;
    for (let r = await deliverDue(later, transport); r.claimed > 0; r = await deliverDue(later, transport))
      delivered += r.sent;
    expect(delivered).toBeGreaterThan(0);
    const inbox = (await leader.request('GET', '/api/inbox?filter=all')).body.items as {
      kind: string;
      title: string;
    }[];
    const escalations = inbox.filter((i) => i.kind.startsWith('supervision.')).map((i) => i.title);
    expect(escalations.length).toBeGreaterThan(0);
    expect(escalations.filter((x, i) => escalations.indexOf(x) !== i)).toEqual([]);
    const channels = await t.deps.db
      .selectFrom('outboxMessage')
      .select('channel')
      .distinct()
      .where('kind', 'like', 'supervision.%')
      .execute();
    expect(channels.map((c) => c.channel)).toEqual(['sms']);
  });

  it('inbox items keep the facts their sentence was worded from (other languages word them anew)', async () => {
    type Item = { kind: string; title: string; body: string; params: Record<string, string | number> | null };
    const leaders = (await leader.request('GET', '/api/inbox?filter=all&limit=200')).body.items as Item[];
    const late = leaders.find((i) => i.kind === 'supervision.leader')!;
    expect(late.params).toMatchObject({ variant: 'leader' });
    expect(late.title).toContain(String(late.params!.caseNo));
    // A site message through the outbox (an extension waiting for the head) keeps them too.
    const heads = (await head.request('GET', '/api/inbox?filter=all&limit=200')).body.items as Item[];
    const extension = heads.find((i) => i.kind === 'case.extension_requested')!;
    expect(extension.body).toContain(String(extension.params!.caseNo));
    expect(extension.body).toContain(`${extension.params!.days} 个工作日`);
  });

  it('SUP-2: running the job again fires nothing twice', async () => {
    const again = await refreshSupervision(t.deps, { full: true });
    expect(again.escalations).toBe(0);
    expect(again.ordersEscalated).toBe(0);
  });

  it('SUP-1/SUP-2: a case goes yellow, red, gets a 督办单 the head answers; the supervisor sees it answered', async () => {
    const start = t.clock.now();
    const { detail } = await casesService.createCase(
      t.deps,
      { ...clerkActor(clerk), displayName: '陈一鸣' },
      {
        itemId: (await casesService.getDetail(t.deps, clerkActor(clerk), DEMO_CASES.acceptedCaseId)).itemId,
        applicantId: DEMO_CASES.personApplicantId,
        agentId: null,
        channel: 'window',
        materials: [
          { name: '食品经营许可申请书', status: 'provided' },
          { name: '营业执照', status: 'provided' },
          { name: '经营场所平面布局图和设备布局、操作流程说明', status: 'provided' },
          { name: '食品安全自查、从业人员健康管理、进货查验等管理制度', status: 'provided' },
        ],
      },
    );
    await casesService.accept(t.deps, clerkActor(clerk), detail.id, {
      version: detail.version,
      deferred: [],
    });
    // Sessions end when the clock jumps days ahead: each look signs in again.
    const colourOf = async () => {
      supervisor = await signIn(t.app, 'supervisor');
      head = await signIn(t.app, 'depthead');
      clerk = await signIn(t.app, 'clerk');
      await supervisor.request('POST', '/api/supervision/refresh', {});
      const r = await supervisor.request('GET', `/api/supervision/clocks?limit=500`);
      return r.body.items.find((c: { caseId: string }) => c.caseId === detail.id);
    };
    expect((await colourOf()).colour).toBe('green');
    // Accepted Friday 2026-11-20 (promised 5 working days → Friday 11-27; warning 1 day).
    t.clock.set(new Date(start.getTime() + 6 * DAY)); // Thursday 11-26: 1 day left
    expect(await colourOf()).toMatchObject({ colour: 'yellow', leftWorkingDays: 1 });
    t.clock.set(new Date(start.getTime() + 10 * DAY)); // Monday 11-30: past the deadline
    expect((await colourOf()).colour).toBe('red');
    let orders = (await head.request('GET', '/api/supervision/orders')).body.items;
    expect(orders.find((o: { caseId: string }) => o.caseId === detail.id)).toBeUndefined();
    t.clock.set(new Date(start.getTime() + 12 * DAY)); // Wednesday 12-02: red for 3 working days
    expect((await colourOf()).overdueWorkingDays).toBe(3);
    orders = (await head.request('GET', '/api/supervision/orders?status=open')).body.items;
    const order = orders.find((o: { caseId: string }) => o.caseId === detail.id);
    expect(order).toBeDefined();
    const inbox = (await head.request('GET', '/api/inbox?filter=todo')).body.items;
    expect(inbox.some((i: { entityId: string }) => i.entityId === order.id)).toBe(true);

    // The reply form refuses a reply too short (4xx, nothing written), then takes the reply once.
    expect(
      (await head.request('POST', `/api/supervision/orders/${order.id}/reply`, { reply: '好' })).status,
    ).toBe(400);
    expect(
      (
        await clerk.request('POST', `/api/supervision/orders/${order.id}/reply`, {
          reply: '已核查，本周办结。',
        })
      ).status,
    ).toBe(403);
    const replied = await head.request('POST', `/api/supervision/orders/${order.id}/reply`, {
      reply: '已核查原因：现场核查排期延误；今日办结。',
    });
    expect(replied.status).toBe(200);
    expect(replied.body.status).toBe('answered');
    expect(
      (await head.request('POST', `/api/supervision/orders/${order.id}/reply`, { reply: '再次答复内容。' }))
        .status,
    ).toBe(409);
    const seen = await supervisor.request('GET', `/api/supervision/orders/${order.id}`);
    expect(seen.body).toMatchObject({ status: 'answered', repliedByName: '方建国' });
    const todos = (await head.request('GET', '/api/inbox?filter=todo')).body.items;
    expect(todos.some((i: { entityId: string }) => i.entityId === order.id)).toBe(false);
    const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log
      where entity_id = ${detail.id} and action = 'supervision.escalate'
        and summary::jsonb->>'level' in ('warning', 'yellow_card', 'red_card')`.execute(t.deps.db);
    expect(audit.rows[0]!.n).toBe(3);
    // 电子监察: its first back-office step (审查) had 2 working days of its own (5 shared by 审查 and
    // 决定); it ran over once and the alert fired once, however many passes saw it over.
    const steps = await sql<{ n: number }>`select count(*)::int as n from supervision_escalation
      where case_id = ${detail.id} and level = 'step_overdue'`.execute(t.deps.db);
    expect(steps.rows[0]!.n).toBe(1);
    const stepAlert = (await head.request('GET', '/api/inbox')).body.items.filter(
      (i: { entityId: string; kind: string }) =>
        i.entityId === detail.id && i.kind === 'supervision.step_overdue',
    );
    expect(stepAlert).toHaveLength(1);
    t.clock.set(start);
    supervisor = await signIn(t.app, 'supervisor');
    head = await signIn(t.app, 'depthead');
    clerk = await signIn(t.app, 'clerk');
    leader = await signIn(t.app, 'leader');
  });

  it('SUP-1 (CAL-2): a closure added to the calendar recolours the open cases at the next pass', async () => {
    await supervisor.request('POST', '/api/supervision/refresh', {});
    const before = (await supervisor.request('GET', `/api/supervision/clocks?limit=500`)).body.items.find(
      (c: { caseId: string }) => c.caseId === DEMO_SUPERVISION.yellowCaseId,
    );
    const today = new Date(t.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const added = await supervisor.request('POST', '/api/calendar/local-days', {
      regionCode: '350999',
      date: today,
      kind: 'closure',
      reason: '台风停工（测试）',
    });
    expect(added.status).toBe(201);
    const r = await refreshSupervision(t.deps);
    expect(r.casesRecomputed).toBeGreaterThan(0);
    const after = (await supervisor.request('GET', `/api/supervision/clocks?limit=500`)).body.items.find(
      (c: { caseId: string }) => c.caseId === DEMO_SUPERVISION.yellowCaseId,
    );
    expect(after.leftWorkingDays).toBe(before.leftWorkingDays + 1);
  });

  it('RATE-1: each figure opens the cases it counts; cuts add up; the sheet exports', async () => {
    const figures = await leader.request('GET', `/api/supervision/figures?${PERIOD}&cut=department`);
    expect(figures.status).toBe(200);
    const onTime = figures.body.total.figures.find((f: { key: string }) => f.key === 'on_time_rate');
    expect(onTime.denominator).toBeGreaterThan(0);
    const cases = await leader.request('GET', `/api/supervision/figures/cases?${PERIOD}&figure=on_time_rate`);
    expect(cases.body.total).toBe(onTime.numerator);
    const den = await leader.request(
      'GET',
      `/api/supervision/figures/cases?${PERIOD}&figure=on_time_rate&part=denominator`,
    );
    expect(den.body.total).toBe(onTime.denominator);
    const received = figures.body.groups.reduce((n: number, g: { received: number }) => n + g.received, 0);
    expect(received).toBe(figures.body.total.received);
    const sheet = await leader.request('GET', `/api/supervision/figures.xlsx?${PERIOD}&cut=month`);
    expect(sheet.status).toBe(200);
    expect(String(sheet.headers['content-type'])).toContain('spreadsheetml');
    expect((await leader.request('GET', '/api/supervision/figures?from=2020-01&to=2026-12')).status).toBe(
      400,
    );
  });

  it('RATE-1: figures cut by region, township and hall add up, open their cases and export', async () => {
    const total = (await leader.request('GET', `/api/supervision/figures?${PERIOD}`)).body.total;
    for (const cut of ['region', 'township', 'hall'] as const) {
      const r = await leader.request('GET', `/api/supervision/figures?${PERIOD}&cut=${cut}`);
      expect(r.status).toBe(200);
      const sum = (k: 'received' | 'concluded') =>
        r.body.groups.reduce((n: number, g: Record<string, number>) => n + g[k]!, 0);
      expect(sum('received')).toBe(total.received);
      expect(sum('concluded')).toBe(total.concluded);
      for (const g of r.body.groups) expect(g.label).not.toBe('');
      const sheet = await leader.request('GET', `/api/supervision/figures.xlsx?${PERIOD}&cut=${cut}`);
      expect(sheet.status).toBe(200);
    }
    const halls = (await leader.request('GET', `/api/supervision/figures?${PERIOD}&cut=hall`)).body.groups;
    const hall = halls.find((g: { key: string }) => g.key !== '');
    expect(hall.label).toBe('云溪县政务服务中心');
    const onTime = hall.figures.find((f: { key: string }) => f.key === 'on_time_rate');
    const cases = await leader.request(
      'GET',
      `/api/supervision/figures/cases?${PERIOD}&figure=on_time_rate&hallId=${hall.key}`,
    );
    expect(cases.body.total).toBe(onTime.numerator);
    const towns = (await leader.request('GET', `/api/supervision/figures?${PERIOD}&cut=township`)).body
      .groups;
    expect(towns.map((g: { label: string }) => g.label)).toContain('云溪县本级');
    const town = towns[0];
    const den = await leader.request(
      'GET',
      `/api/supervision/figures/cases?${PERIOD}&figure=on_time_rate&part=denominator&township=${town.key}`,
    );
    expect(den.body.total).toBe(
      town.figures.find((f: { key: string }) => f.key === 'on_time_rate').denominator,
    );
    // A township outside the leader's county is refused; a malformed one is a 400.
    expect(
      (
        await leader.request(
          'GET',
          `/api/supervision/figures/cases?${PERIOD}&figure=on_time_rate&township=110101001000`,
        )
      ).status,
    ).toBe(403);
    expect((await leader.request('GET', `/api/supervision/figures?${PERIOD}&township=35099910`)).status).toBe(
      400,
    );
  });

  it('SUP-1: a supervisor sets the warning threshold and step time of an item; bad values are refused, all audited', async () => {
    const list = await supervisor.request('GET', '/api/supervision/thresholds');
    expect(list.status).toBe(200);
    const item = list.body.items.find((i: { promisedLimitDays: number }) => i.promisedLimitDays >= 5);
    expect(item.warningDays).toBeNull();
    expect(item.defaultWarningDays).toBe(Math.max(1, Math.ceil(item.promisedLimitDays * 0.2)));
    const put = (c: Client, body: unknown) =>
      c.request('PUT', `/api/supervision/thresholds/${item.itemId}`, body);
    const tooLarge = await put(supervisor, { warningDays: item.promisedLimitDays, stepDays: null });
    expect(tooLarge.status).toBe(422);
    expect(tooLarge.body.code).toBe('SUPERVISION_THRESHOLD_TOO_LARGE');
    expect(
      (await put(supervisor, { warningDays: null, stepDays: item.promisedLimitDays + 1 })).body.code,
    ).toBe('SUPERVISION_STEP_DAYS_TOO_LARGE');
    expect((await put(supervisor, { warningDays: 1.5, stepDays: null })).status).toBe(400);
    expect((await put(supervisor, { warningDays: 0, stepDays: null })).status).toBe(400);
    expect((await put(supervisor, { warningDays: 2 })).status).toBe(400);
    expect((await put(supervisor, { warningDays: 2, stepDays: null, extra: 1 })).status).toBe(400);
    expect((await put(leader, { warningDays: 2, stepDays: null })).status).toBe(403);
    expect(
      (
        await supervisor.request('PUT', '/api/supervision/thresholds/00000000-0000-4000-8000-00000000f00d', {
          warningDays: 2,
          stepDays: null,
        })
      ).status,
    ).toBe(404);
    const unchanged = (await supervisor.request('GET', '/api/supervision/thresholds')).body.items.find(
      (i: { itemId: string }) => i.itemId === item.itemId,
    );
    expect(unchanged.warningDays).toBeNull();
    const ok = await put(supervisor, { warningDays: item.promisedLimitDays - 1, stepDays: 1 });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ warningDays: item.promisedLimitDays - 1, stepDays: 1 });
    // The next pass recolours the item's open cases with the new threshold.
    await refreshSupervision(t.deps);
    const clocks = (await supervisor.request('GET', '/api/supervision/clocks?limit=500')).body.items.filter(
      (c: { itemName: string; phase: string }) => c.itemName === item.itemName && c.phase === 'decision',
    );
    for (const c of clocks) expect(c.warningDays).toBe(item.promisedLimitDays - 1);
    const reset = await put(supervisor, { warningDays: null, stepDays: null });
    expect(reset.body).toMatchObject({ warningDays: null, stepDays: null });
    const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log
      where entity_id = ${item.itemId} and action = 'supervision.threshold.set'`.execute(t.deps.db);
    expect(audit.rows[0]!.n).toBe(2);
  });

  it('SUP-2: overdue 差评 work items and complaints are on the board and climb the ladder once per level', async () => {
    await refreshSupervision(t.deps);
    const work = (await supervisor.request('GET', '/api/supervision/work')).body.items as {
      kind: string;
      id: string;
      overdueWorkingDays: number;
      levels: string[];
    }[];
    const board = (await supervisor.request('GET', '/api/supervision/board')).body;
    expect(board.totals.badReviewsOverdue + board.totals.complaintsOverdue).toBe(work.length);
    for (const w of work) {
      expect(w.levels).toContain('yellow_card');
      expect(w.levels.includes('red_card')).toBe(w.overdueWorkingDays >= 3);
    }
    const count = async () =>
      (
        await sql<{ n: number }>`select count(*)::int as n from supervision_work_escalation`.execute(
          t.deps.db,
        )
      ).rows[0]!.n;
    const before = await count();
    expect(before).toBeGreaterThanOrEqual(work.length);
    await refreshSupervision(t.deps);
    expect(await count()).toBe(before);
  });

  it('电子监察: a refused case the 办不成事 review found acceptable gets one 督办单', async () => {
    const refused = await sql<{
      id: string;
    }>`select id from service_case where status = 'refused' order by id limit 1`.execute(t.deps.db);
    const caseId = refused.rows[0]!.id;
    const matter = await sql<{ id: string }>`select id from complaint order by id limit 1`.execute(t.deps.db);
    // The 办不成事 window's outcome "received again" (complaints' own coordinate step writes it).
    await sql`update complaint set outcome_kind = 'reopened', related_case_id = ${caseId}, updated_at = now()
      where id = ${matter.rows[0]!.id}`.execute(t.deps.db);
    await refreshSupervision(t.deps);
    await refreshSupervision(t.deps);
    // The supervisor sees every department's orders (the refused case may be any department's).
    const orders = (await supervisor.request('GET', '/api/supervision/orders')).body.items.filter(
      (o: { caseId: string; trigger: string }) => o.caseId === caseId && o.trigger === 'refused_acceptable',
    );
    expect(orders).toHaveLength(1);
  });

  it('一件事: open bundles name the branch holding each up; the bundle figures add up', async () => {
    await refreshSupervision(t.deps);
    const r = await leader.request('GET', `/api/supervision/bundles?${PERIOD}`);
    expect(r.status).toBe(200);
    const { open, figures } = r.body as {
      open: { branches: { status: string; holding: boolean; colour: string | null }[] }[];
      figures: { received: number; concluded: number; concludedRate: number | null };
    };
    expect(figures.concluded).toBeLessThanOrEqual(figures.received);
    if (figures.received > 0) expect(figures.concludedRate).toBeCloseTo(figures.concluded / figures.received);
    const RANK: Record<string, number> = { red: 0, yellow: 1, paused: 2, green: 3 };
    for (const b of open) {
      const waiting = b.branches.filter((x) =>
        ['submitted', 'supplement_requested', 'accepted'].includes(x.status),
      );
      const held = b.branches.filter((x) => x.holding);
      expect(held).toHaveLength(waiting.length > 0 ? 1 : 0);
      // The branch marked is the one with the worst clock of those still open.
      for (const w of waiting)
        expect(RANK[held[0]!.colour ?? 'green']!).toBeLessThanOrEqual(RANK[w.colour ?? 'green']!);
    }
    expect((await leader.request('GET', '/api/supervision/bundles?from=2026-13&to=2026-12')).status).toBe(
      400,
    );
  });

  it('RATE-1: the dashboard cuts a county by department, a city or the province by region', async () => {
    const county = await leader.request('GET', `/api/supervision/dashboard?${PERIOD}`);
    expect(county.status).toBe(200);
    expect(county.body.byDepartment.length).toBeGreaterThan(0);
    expect(county.body.byRegion).toEqual([]);
    // The ring of open cases is the board's totals.
    const board = await supervisor.request('GET', '/api/supervision/board');
    const { green, yellow, red, paused } = board.body.totals;
    expect(county.body.open).toEqual({ green, yellow, red, paused });
    expect(green + yellow + red + paused).toBeGreaterThan(0);
    // A city's leader: its departments are its counties', so the chart is by county.
    const cityLeader = { ...leaderActor(leader), regionCode: '350900' };
    const city = await getDashboard(t.deps, cityLeader, { from: '2026-01', to: '2026-12' });
    expect(city.byDepartment).toEqual([]);
    expect(city.byRegion.map((g) => [g.key, g.label, g.received])).toEqual([
      ['350999', '云溪县', county.body.total.received],
    ]);
    expect(city.total.received).toBe(county.body.total.received);
    expect(city.byMonth).toEqual(county.body.byMonth);
    // Per channel the dashboard leaves out 零跑动可办率; the figures page cut by channel has it.
    const keys = (g: { figures: { key: string }[] }) => g.figures.map((x) => x.key);
    expect(county.body.byChannel.length).toBeGreaterThan(0);
    for (const g of county.body.byChannel) expect(keys(g)).not.toContain('zero_visit_available_rate');
    expect(keys(county.body.total)).toContain('zero_visit_available_rate');
    const byChannel = await leader.request('GET', `/api/supervision/figures?${PERIOD}&cut=channel`);
    expect(byChannel.status).toBe(200);
    for (const g of byChannel.body.groups) expect(keys(g)).toContain('zero_visit_available_rate');
    // The dashboard reads its cuts together (GROUPING SETS); each equals the figures page's cut.
    type G = { key: string; figures: { key: string }[] };
    const figures = async (cut: string) =>
      (await leader.request('GET', `/api/supervision/figures?${PERIOD}&cut=${cut}`)).body;
    const noItems = (gs: G[]) =>
      gs.map((g) => ({ ...g, figures: g.figures.filter((x) => x.key !== 'zero_visit_available_rate') }));
    expect(county.body.total).toEqual((await figures('none')).total);
    expect(county.body.byMonth).toEqual((await figures('month')).groups);
    expect(county.body.byDepartment).toEqual((await figures('department')).groups);
    expect(county.body.byChannel).toEqual(noItems(byChannel.body.groups));
    const cityRegions = await getFigures(t.deps, cityLeader, {
      from: '2026-01',
      to: '2026-12',
      cut: 'region',
    });
    expect(city.byRegion).toEqual(cityRegions.groups);
    const online = county.body.byChannel.find((g: { key: string }) => g.key === 'online');
    expect(byChannel.body.groups.find((g: { key: string }) => g.key === 'online')?.received).toBe(
      online?.received,
    );
  });

  it('TRUTH-1: truth:verify agrees on the demo and names a deliberately corrupted aggregate', async () => {
    await refreshSupervision(t.deps);
    const ok = await verifyTruth(t.deps, { regionCode: '350999', from: '2026-01', to: '2026-12' });
    expect(ok.cases).toBeGreaterThan(10);
    expect(ok.disagreements).toEqual([]);
    const first = (by: number) => sql`update supervision_rollup set on_time = on_time + ${by}
      where (region_code, month, basis, department_id, item_id, channel) = (
        select region_code, month, basis, department_id, item_id, channel from supervision_rollup
        where basis = 'concluded' order by 1, 2, 3, 4, 5, 6 limit 1)`;
    await first(1).execute(t.deps.db);
    const bad = await verifyTruth(t.deps, { regionCode: '350999', from: '2026-01', to: '2026-12' });
    expect(bad.disagreements.length).toBeGreaterThan(0);
    expect(bad.disagreements.map((d) => d.figure)).toContain('按时办结率');
    // The dashboards' totals read the channel aggregate; the item cut reads this one.
    expect(bad.disagreements.map((d) => d.cut)).toContain('item');
    await first(-1).execute(t.deps.db);
  });

  it('TRUTH-1: each coarser aggregate the dashboards read is checked too (department, channel, item)', async () => {
    const verify = async () =>
      (await verifyTruth(t.deps, { regionCode: '350999', from: '2026-01', to: '2026-12' })).disagreements;
    // One row of a table, the first by its key, changed by a counter and back.
    const change = (table: string, key: string, where: string, col: string, by: number) =>
      sql`update ${sql.table(table)} set ${sql.ref(col)} = ${sql.ref(col)} + ${by}
        where (${sql.raw(key)}) = (select ${sql.raw(key)} from ${sql.table(table)}
          where ${sql.raw(where)} order by ${sql.raw(key)} limit 1)`.execute(t.deps.db);
    await refreshSupervision(t.deps);
    expect(await verify()).toEqual([]);
    const DEPT = 'region_code, month, basis, department_id';
    await change('supervision_rollup_department', DEPT, `basis = 'concluded'`, 'on_time', 1);
    const dept = await verify();
    expect(dept.map((d) => `${d.cut} ${d.figure}`)).toContain('department 按时办结率');
    expect(dept.every((d) => d.cut === 'department' || d.cut === 'hall')).toBe(true);
    await change('supervision_rollup_department', DEPT, `basis = 'concluded'`, 'on_time', -1);
    const CHANNEL = 'region_code, month, basis, channel';
    await change('supervision_rollup_channel', CHANNEL, `basis = 'received'`, 'online', 1);
    const channel = await verify();
    // The totals, months and regions are summed from the channel aggregate (the smallest whole one).
    expect(channel.map((d) => d.cut)).toEqual(expect.arrayContaining(['channel', 'none', 'month']));
    expect(channel.every((d) => d.cut !== 'department' && d.cut !== 'item')).toBe(true);
    await change('supervision_rollup_channel', CHANNEL, `basis = 'received'`, 'online', -1);
    expect(await verify()).toEqual([]);
    await sql`insert into supervision_rollup_item (region_code, month, item_id, cases, zero_visit_item)
      values ('350999', '2026-03', gen_random_uuid(), 1, 1)`.execute(t.deps.db);
    const item = await verify();
    expect(item.map((d) => `${d.cut} ${d.figure}`)).toContain('none 零跑动可办率');
    expect(item.every((d) => ['none', 'region', 'township', 'month', 'item'].includes(d.cut))).toBe(true);
    await sql`delete from supervision_rollup_item where cases = 1 and zero_visit_item = 1
      and item_id not in (select item_id from supervision_case_fact)`.execute(t.deps.db);
    expect(await verify()).toEqual([]);
    // The distinct items a department and a channel received: an item none of their cases was of,
    // counted as received, is named in that cut only.
    await sql`insert into supervision_rollup_item_department (region_code, month, department_id, item_id, cases, zero_visit_item)
      select region_code, '2026-03', department_id, gen_random_uuid(), 1, 1 from supervision_rollup_department
      where region_code = '350999' order by month desc limit 1`.execute(t.deps.db);
    const byDept = await verify();
    expect(byDept.map((d) => d.cut)).toContain('department');
    expect(byDept.every((d) => ['department', 'hall'].includes(d.cut))).toBe(true);
    await sql`delete from supervision_rollup_item_department
      where item_id not in (select item_id from supervision_case_fact)`.execute(t.deps.db);
    expect(await verify()).toEqual([]);
    await sql`insert into supervision_rollup_item_channel (region_code, month, channel, item_id, cases, zero_visit_item)
      values ('350999', '2026-03', 'window', gen_random_uuid(), 1, 1)`.execute(t.deps.db);
    const byChannel = await verify();
    expect(byChannel.map((d) => d.cut)).toContain('channel');
    expect(byChannel.every((d) => d.cut === 'channel')).toBe(true);
  });
});

/** An actor as the session of a demo account signs it in. */
function actorOf(c: Client, username: string, displayName: string, role: 'clerk' | 'leader') {
  return {
    userId: c.user.id,
    username,
    displayName,
    role,
    regionCode: c.user.regionCode,
    departmentId: c.user.departmentId,
    clientIp: '127.0.0.1',
  };
}
const clerkActor = (c: Client) => actorOf(c, 'clerk', '陈一鸣', 'clerk');
const leaderActor = (c: Client) => actorOf(c, 'leader', '刘振华', 'leader');
