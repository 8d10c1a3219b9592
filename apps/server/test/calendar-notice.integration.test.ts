import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dbKinds, signIn, type Client, type TestApp } from './harness';

// A 2027 notice written for this test in the State Council's wording (weekdays true for 2027).
const NOTICE_2027 = `国务院办公厅关于2027年部分节假日安排的通知
经国务院批准，现将2027年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月6日（农历除夕、周六）至13日（农历正月初七、周六）放假调休，共8天。2月14日（周日）、2月20日（周六）上班。
三、清明节：4月3日（周六）至5日（周一）放假，共3天。
四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）上班。
五、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。
国务院办公厅`;

describe.each(dbKinds())('CAL-2: loading the State Council notice (%s)', (kind) => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp(kind); // today is 2026-11-20; 2027 is not loaded
    admin = await signIn(t.app, 'admin');
  });
  afterAll(() => t.close());

  const deadline = async () =>
    (await admin.request('GET', '/api/calendar/deadline?regionCode=350999&start=2026-12-28&n=5')).body;

  it('CAL-2: before the notice, a deadline in 2027 is provisional and counts 元旦 as a working day', async () => {
    const d = await deadline();
    expect(d.deadline).toBe('2027-01-04');
    expect(d.provisional).toBe(true);
    const inYear = (
      await admin.request('GET', '/api/calendar/deadline?regionCode=350999&start=2026-12-01&n=5')
    ).body;
    expect(inYear.provisional).toBe(false);
  });

  it('CAL-2: the preview lists every day and what it changes, and saves nothing', async () => {
    const r = await admin.request('POST', '/api/calendar/national/notice-preview', { text: NOTICE_2027 });
    expect(r.status).toBe(200);
    expect(r.body.year).toBe(2027);
    expect(r.body.warnings).toEqual([]);
    expect(r.body.change.yearLoaded).toBe(false);
    expect(
      r.body.days.filter((x: { kind: string }) => x.kind === 'workday').map((x: { date: string }) => x.date),
    ).toEqual(['2027-02-14', '2027-02-20', '2027-04-25', '2027-09-26', '2027-10-09']);
    expect((await deadline()).provisional).toBe(true);
  });

  it('CAL-2: a notice with doubtful weekdays is not loaded until a person accepts the warnings', async () => {
    const doubtful = NOTICE_2027.replace('1月1日（周五）', '1月1日（周四）');
    const r = await admin.request('POST', '/api/calendar/national/notice', { text: doubtful });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('CALENDAR_NOTICE_WARNINGS');
    expect(r.body.details.warnings[0]).toMatch(/2027-01-01/);
    expect((await deadline()).provisional).toBe(true);
  });

  it('CAL-2: only the system administrator loads national days; past years and non-notices are refused', async () => {
    const sup = await signIn(t.app, 'supervisor');
    expect((await sup.request('POST', '/api/calendar/national/notice', { text: NOTICE_2027 })).status).toBe(
      403,
    );
    const past = await admin.request('POST', '/api/calendar/national/notice', {
      text: NOTICE_2027.replaceAll('2027年', '2025年'),
      acceptWarnings: true,
    });
    expect(past.status).toBe(400);
    expect(past.body.code).toBe('CALENDAR_NOTICE_PAST_YEAR');
    const junk = await admin.request('POST', '/api/calendar/national/notice', {
      text: '各单位：请做好节日期间的值班安排。谢谢。',
    });
    expect(junk.status).toBe(400);
    expect(junk.body.code).toBe('CALENDAR_NOTICE_UNREADABLE');
  });

  it('CAL-1/CAL-2: once loaded, 2027 holidays count, the deadline moves and is no longer provisional; audited', async () => {
    const r = await admin.request('POST', '/api/calendar/national/notice', { text: NOTICE_2027 });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({ year: 2027, holidays: 26, workdays: 5, replaced: false });
    const d = await deadline();
    expect(d.deadline).toBe('2027-01-05');
    expect(d.provisional).toBe(false);
    const status = (await admin.request('GET', '/api/calendar/status')).body;
    expect(status.dataThroughYear).toBe(2027);
    const audit = await sql<{ summary: unknown }>`
      select summary from audit_log where action = 'calendar.national.load_notice'`.execute(t.deps.db);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]!.summary).toMatchObject({ year: 2027, holidays: 26, workdays: 5, replaced: false });
  });

  it('CAL-2: loading the same year again replaces it and the preview says nothing changes', async () => {
    const p = await admin.request('POST', '/api/calendar/national/notice-preview', { text: NOTICE_2027 });
    expect(p.body.change).toEqual({ yearLoaded: true, added: [], removed: [], changed: [] });
    const moved = NOTICE_2027.replace('2月20日（周六）上班', '2月27日（周六）上班');
    const p2 = await admin.request('POST', '/api/calendar/national/notice-preview', { text: moved });
    expect(p2.body.change).toEqual({
      yearLoaded: true,
      added: ['2027-02-27'],
      removed: ['2027-02-20'],
      changed: [],
    });
    const r = await admin.request('POST', '/api/calendar/national/notice', { text: moved });
    expect(r.body.replaced).toBe(true);
  });
});
