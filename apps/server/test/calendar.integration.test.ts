import type { CalendarDayView, DayNote } from '@tongban/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNationalDays } from '../src/modules/calendar';
import { createTestApp, dbKinds, signIn, type Client, type TestApp } from './harness';
import { createRegion, createStaffUser } from './factories/org';

const COUNTY = '350999';
const TOWNSHIP = '350999100000';
const OTHER_COUNTY = '350998';

describe.each(dbKinds())('calendar in the database and its API (%s)', (kind) => {
  let t: TestApp;
  let supervisor: Client;
  let admin: Client;

  beforeAll(async () => {
    t = await createTestApp(kind);
    // Idempotent: the harness loads them already; this keeps the test honest if it stops doing so.
    await loadNationalDays(t.deps.db);
    supervisor = await signIn(t.app, 'supervisor');
    admin = await signIn(t.app, 'admin');
  });
  afterAll(() => t.close());

  const deadline = (c: Client, start: string, n: number | string, region = COUNTY) =>
    c.request('GET', `/api/calendar/deadline?regionCode=${region}&start=${start}&n=${n}`);

  it('CAL-1: national days are loaded from chinese-days for every year it carries (2004 onward)', async () => {
    const years = await t.deps.db
      .selectFrom('nationalDay')
      .select((eb) => eb.fn.min('date').as('first'))
      .executeTakeFirstOrThrow();
    expect(years.first).toBe('2004-01-01');
    expect(await loadNationalDays(t.deps.db)).toEqual([]); // a second start loads nothing

    const r = await supervisor.request(
      'GET',
      `/api/calendar/days?regionCode=${COUNTY}&from=2026-09-28&to=2026-10-11`,
    );
    expect(r.status).toBe(200);
    const byDate = new Map<string, CalendarDayView>(r.body.days.map((d: CalendarDayView) => [d.date, d]));
    expect(r.body.days).toHaveLength(14);
    expect(byDate.get('2026-10-01')).toMatchObject({ status: 'holiday', working: false, name: '国庆节' });
    expect(byDate.get('2026-10-07')).toMatchObject({ status: 'holiday', working: false });
    expect(byDate.get('2026-10-10')).toMatchObject({ status: 'workday', working: true });
    expect(byDate.get('2026-10-10')?.name).toMatch(/调休/);
    expect(byDate.get('2026-10-11')).toMatchObject({ status: 'weekend', working: false });
    expect(byDate.get('2026-09-30')).toMatchObject({ status: 'weekday', working: true });
  });

  it('CAL-1: a deadline query counts working days after the start and explains the skipped days', async () => {
    const r = await deadline(supervisor, '2026-09-30', 3);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      deadline: '2026-10-10',
      endsAt: '2026-10-10T16:00:00.000Z',
      calendarDays: 10,
    });
    const notes = r.body.explanation as DayNote[];
    expect(notes.filter((n) => n.reason === 'holiday').map((n) => n.date)).toEqual([
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ]);
    expect(notes.find((n) => n.date === '2026-10-10')).toMatchObject({ counted: true, reason: 'workday' });
    expect(notes[0]?.text).toContain('国庆节');
  });

  it('CAL-2: a closure extends a deadline that spans it, is audited, and applies to the township below', async () => {
    expect((await deadline(supervisor, '2026-11-20', 5)).body.deadline).toBe('2026-11-27');

    const add = await supervisor.request('POST', '/api/calendar/local-days', {
      regionCode: COUNTY,
      date: '2026-11-24',
      kind: 'closure',
      reason: '台风“海葵”停工',
    });
    expect(add.status).toBe(201);
    expect(add.body).toMatchObject({ regionCode: COUNTY, date: '2026-11-24', kind: 'closure' });

    const moved = await deadline(supervisor, '2026-11-20', 5);
    expect(moved.body.deadline).toBe('2026-11-30');
    expect(moved.body.explanation).toContainEqual(
      expect.objectContaining({
        date: '2026-11-24',
        counted: false,
        reason: 'closure',
        name: '台风“海葵”停工',
      }),
    );
    // A region covers the ones below it: the township's calendar has the county's closure too.
    expect((await deadline(supervisor, '2026-11-20', 5, TOWNSHIP)).body.deadline).toBe('2026-11-30');
    const townshipDays = await supervisor.request(
      'GET',
      `/api/calendar/days?regionCode=${TOWNSHIP}&from=2026-11-24&to=2026-11-24`,
    );
    expect(townshipDays.body.days[0]).toMatchObject({
      status: 'closure',
      working: false,
      localDay: { id: add.body.id, inherited: true, reason: '台风“海葵”停工' },
    });

    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select(['action', 'regionCode', 'actorName', 'summary'])
      .where('entityId', '=', add.body.id)
      .execute();
    expect(audit).toEqual([
      expect.objectContaining({ action: 'calendar.local_day.add', regionCode: COUNTY, actorName: '杨静怡' }),
    ]);

    const again = await supervisor.request('POST', '/api/calendar/local-days', {
      regionCode: COUNTY,
      date: '2026-11-24',
      kind: 'closure',
      reason: '重复',
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/已有本地调整/);

    const del = await supervisor.request('DELETE', `/api/calendar/local-days/${add.body.id}`);
    expect(del.status).toBe(204);
    expect((await deadline(supervisor, '2026-11-20', 5)).body.deadline).toBe('2026-11-27');
    expect((await deadline(supervisor, '2026-11-20', 5, TOWNSHIP)).body.deadline).toBe('2026-11-27');
    const removed = await t.deps.db
      .selectFrom('auditLog')
      .select('action')
      .where('entityId', '=', add.body.id)
      .where('action', '=', 'calendar.local_day.remove')
      .execute();
    expect(removed).toHaveLength(1);
  });

  it("CAL-2: on one date the more specific region wins (a township's extra working day over the county's closure)", async () => {
    const county = await admin.request('POST', '/api/calendar/local-days', {
      regionCode: COUNTY,
      date: '2026-12-07',
      kind: 'closure',
      reason: '全县停电检修',
    });
    expect(county.status).toBe(201);
    const township = await admin.request('POST', '/api/calendar/local-days', {
      regionCode: TOWNSHIP,
      date: '2026-12-07',
      kind: 'extra_workday',
      reason: '青石镇照常办公',
    });
    expect(township.status).toBe(201);
    const day = async (region: string) =>
      (await admin.request('GET', `/api/calendar/days?regionCode=${region}&from=2026-12-07&to=2026-12-07`))
        .body.days[0];
    expect(await day(COUNTY)).toMatchObject({ status: 'closure', working: false });
    expect(await day(TOWNSHIP)).toMatchObject({
      status: 'extra_workday',
      working: true,
      localDay: { inherited: false },
    });
    expect((await admin.request('DELETE', `/api/calendar/local-days/${township.body.id}`)).status).toBe(204);
    expect((await admin.request('DELETE', `/api/calendar/local-days/${county.body.id}`)).status).toBe(204);
  });

  it('CAL-2: only admin and supervisor of the region may change it (inspector, clerk, another county: 403)', async () => {
    const body = { regionCode: COUNTY, date: '2026-11-25', kind: 'closure', reason: '台风停工' };
    for (const username of ['inspector', 'clerk', 'leader']) {
      const c = await signIn(t.app, username);
      const r = await c.request('POST', '/api/calendar/local-days', body);
      expect(r.status, username).toBe(403);
      expect(r.body.message).toBeTruthy();
      // Reading is for all staff.
      expect((await deadline(c, '2026-11-20', 5)).status, username).toBe(200);
    }

    await createRegion(t, { code: OTHER_COUNTY, name: '邻溪县' });
    const otherAdmin = await createStaffUser(t, { role: 'admin', regionCode: OTHER_COUNTY });
    expect((await otherAdmin.request('POST', '/api/calendar/local-days', body)).status).toBe(403);

    const own = await supervisor.request('POST', '/api/calendar/local-days', body);
    expect(own.status).toBe(201);
    // Nor may the other county's admin remove it.
    expect((await otherAdmin.request('DELETE', `/api/calendar/local-days/${own.body.id}`)).status).toBe(403);
    expect((await supervisor.request('DELETE', `/api/calendar/local-days/${own.body.id}`)).status).toBe(204);
    const rows = await t.deps.db.selectFrom('localDay').select('id').execute();
    expect(rows).toEqual([]);
  });

  it('CAL-2: nextYearMissing is false in November and true from 1 December while next year is absent', async () => {
    const first = await admin.request('GET', '/api/calendar/status');
    expect(first.status).toBe(200);
    const through: number = first.body.dataThroughYear;
    expect(through).toBeGreaterThanOrEqual(2026);
    // chinese-days 1.5.7 carries up to 2026: the demo clock (2026-11-20) is inside the data's last year.
    if (through === 2026) expect(first.body).toMatchObject({ nextYear: 2027, nextYearMissing: false });

    const saved = t.clock.now();
    try {
      // Whatever the data's last year, its 1 December is when the warning starts.
      // (a fresh sign-in each time: moving the clock ends idle sessions)
      t.clock.set(new Date(`${through}-11-30T23:59:00+08:00`));
      const nov = await (await signIn(t.app, 'admin')).request('GET', '/api/calendar/status');
      expect(nov.body).toMatchObject({ nextYear: through + 1, nextYearMissing: false });
      t.clock.set(new Date(`${through}-12-01T00:00:00+08:00`));
      const dec = await (await signIn(t.app, 'admin')).request('GET', '/api/calendar/status');
      expect(dec.body).toMatchObject({
        dataThroughYear: through,
        nextYear: through + 1,
        nextYearMissing: true,
      });
    } finally {
      t.clock.set(saved);
    }
  });

  it('CAL-1: bad input is a 4xx with a Chinese message, never a 500', async () => {
    const cases: [string, number, RegExp][] = [
      [`/api/calendar/deadline?regionCode=${COUNTY}&start=2026-11-20&n=-1`, 400, /负数/],
      [`/api/calendar/deadline?regionCode=${COUNTY}&start=2026-11-20&n=100000`, 400, /不超过/],
      [`/api/calendar/deadline?regionCode=${COUNTY}&start=2026-11-20&n=abc`, 400, /整数|数字/],
      [`/api/calendar/deadline?regionCode=${COUNTY}&start=2026-02-30&n=1`, 400, /日期/],
      [`/api/calendar/deadline?regionCode=${COUNTY}&start=1999-01-01&n=1`, 400, /覆盖范围/],
      [`/api/calendar/deadline?regionCode=${COUNTY}&start=2029-12-20&n=1000`, 400, /覆盖范围/],
      [`/api/calendar/deadline?regionCode=350999200000&start=2026-11-20&n=1`, 404, /区划不存在/],
      [`/api/calendar/deadline?regionCode=350997&start=2026-11-20&n=1`, 403, /无权/],
      [`/api/calendar/deadline?regionCode=12345&start=2026-11-20&n=1`, 400, /行政区划代码/],
      [`/api/calendar/days?regionCode=${COUNTY}&from=2026-12-01&to=2026-11-01`, 400, /起始日期/],
      [`/api/calendar/days?regionCode=${COUNTY}&from=2020-01-01&to=2026-11-01`, 400, /400/],
    ];
    for (const [url, status, message] of cases) {
      const r = await supervisor.request('GET', url);
      expect(r.status, url).toBe(status);
      expect(r.body.message, url).toMatch(message);
    }
    const sunday = await supervisor.request('POST', '/api/calendar/local-days', {
      regionCode: COUNTY,
      date: '2026-11-22',
      kind: 'closure',
      reason: '周日停工',
    });
    expect(sunday.status).toBe(400);
    expect(sunday.body.message).toMatch(/无需调整/);
    const noReason = await supervisor.request('POST', '/api/calendar/local-days', {
      regionCode: COUNTY,
      date: '2026-11-23',
      kind: 'closure',
      reason: '  ',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toMatch(/原因/);
    const missing = await supervisor.request(
      'DELETE',
      '/api/calendar/local-days/00000000-0000-4000-8000-000000000000',
    );
    expect(missing.status).toBe(404);
    expect(missing.body.message).toMatch(/不存在/);
  });

  it('DEC-1 / SUS-1: the clock explanation gives the deadlines and the skipped days for a tooltip', async () => {
    const r = await supervisor.request('POST', '/api/calendar/clock-explanation', {
      regionCode: COUNTY,
      materialsReceivedAt: '2026-09-21T01:00:00Z',
      acceptedAt: '2026-09-21T02:00:00Z',
      suspensions: [
        { kind: 'testing', countsInLimit: false, start: '2026-09-23T02:00:00Z', end: '2026-09-29T08:00:00Z' },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.body.clock.decision.legal).toMatchObject({
      limitDays: 20,
      deadline: '2026-10-29',
      suspendedWorkingDays: 3,
    });
    expect(r.body.clock.state).toBe('red'); // the demo clock is 2026-11-20
    const notes = r.body.notes as DayNote[];
    expect(notes).toContainEqual(
      expect.objectContaining({ date: '2026-09-24', reason: 'suspension', counted: false }),
    );
    expect(notes.find((n) => n.date === '2026-09-24')?.text).toContain('检测');
    expect(notes).toContainEqual(
      expect.objectContaining({ date: '2026-10-01', reason: 'holiday', name: '国庆节' }),
    );

    const bad = await supervisor.request('POST', '/api/calendar/clock-explanation', {
      regionCode: COUNTY,
      materialsReceivedAt: '2026-09-21T01:00:00Z',
      acceptedAt: '2026-09-22T02:00:00Z',
      decidedAt: '2026-09-20T02:00:00Z',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/顺序/);
    const overCap = await supervisor.request('POST', '/api/calendar/clock-explanation', {
      regionCode: COUNTY,
      materialsReceivedAt: '2026-09-21T01:00:00Z',
      acceptedAt: '2026-09-21T02:00:00Z',
      extension: { days: 30 },
    });
    expect(overCap.status).toBe(400);
    expect(overCap.body.message).toMatch(/延期/);
  });
});
