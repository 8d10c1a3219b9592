import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_HALL, demoPerson } from '../src/demo/seed-hall-demo';
import { countRows } from './factories/http';
import { createTestApp, dbKinds, signIn, type Client, type TestApp } from './harness';

/**
 * The hall (issue 19): APT-1 bookings with limits held by the database, QUE-1 queue, presence,
 * tidal windows, PAT-1 patrols and 督查告知书. Demo clock: 2026-11-20 10:00 Shanghai.
 */
describe.each(dbKinds())('hall (%s)', (kind) => {
  let t: TestApp;
  let hallId: string;
  let groups: Record<string, string>;
  let windows: Record<string, string>;
  let supervisor: Client;
  let clerk: Client;
  let clerk2: Client;
  let head: Client;
  let seq = 0;
  let addr = 0;
  // Each public call from its own address: the per-address limit (SEC-2) is tested elsewhere.
  const pub = async (method: string, url: string, body?: unknown) => {
    const res = await t.app.inject({
      method: method as 'GET',
      url,
      remoteAddress: `172.16.${(++addr >> 8) & 255}.${addr & 255}`,
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    return { status: res.statusCode, body: res.body ? res.json() : undefined, headers: res.headers };
  };
  const hold = (slotId: string, idNumber: string, key = `k-${kind}-${++seq}-xxxxxxxx`) =>
    pub('POST', '/api/public/hall/bookings', {
      slotId,
      name: '测试人',
      idNumber,
      phone: '13900000000',
      idempotencyKey: key,
    });
  const newSlot = async (capacity: number, date = '2026-11-23', group = 'A', from = '09:00') => {
    const r = await supervisor.request('POST', '/api/hall/slots', {
      hallId,
      groupId: groups[group],
      date,
      from,
      to: `${String(Number(from.slice(0, 2)) + 1).padStart(2, '0')}${from.slice(2)}`,
      minutes: 60,
      capacity,
    });
    expect(r.status).toBe(201);
    return r.body.slots[0].id as string;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    supervisor = await signIn(t.app, 'supervisor');
    clerk = await signIn(t.app, 'clerk');
    clerk2 = await signIn(t.app, 'clerk2');
    head = await signIn(t.app, 'depthead');
    const halls = (await pub('GET', '/api/public/hall/halls')).body.halls;
    hallId = halls[0].id;
    groups = Object.fromEntries(halls[0].groups.map((g: { code: string; id: string }) => [g.code, g.id]));
    const ov = await supervisor.request('GET', `/api/hall/halls/${hallId}/overview`);
    windows = Object.fromEntries(
      ov.body.windows.map((w: { number: string; windowId: string }) => [w.number, w.windowId]),
    );
  });
  afterAll(() => t.close());

  it('APT-1: hold then confirm with the code; a repeated idempotency key returns the same booking', async () => {
    const slot = await newSlot(3);
    const key = `same-key-${kind}-0001`;
    const a = await hold(slot, demoPerson(200), key);
    expect(a.status).toBe(201);
    expect(a.body.status).toBe('held');
    expect(a.body.idMasked).toMatch(/^3509\*+/);
    expect(JSON.stringify(a.body)).not.toContain(demoPerson(200));
    const again = await hold(slot, demoPerson(200), key);
    expect(again.body.id).toBe(a.body.id);
    expect(
      (await pub('POST', `/api/public/hall/bookings/${a.body.id}/confirm`, { code: 'WRONGCODE' })).status,
    ).toBe(404);
    const c = await pub('POST', `/api/public/hall/bookings/${a.body.id}/confirm`, { code: a.body.code });
    expect(c.body.status).toBe('confirmed');
    const slots = (
      await pub('GET', `/api/public/hall/slots?hallId=${hallId}&date=2026-11-23&groupId=${groups.A}`)
    ).body.slots;
    expect(slots.find((s: { id: string }) => s.id === slot).booked).toBe(1);
  });

  it('APT-1: the hall manager sets holds, no-show limits and patrols per day; bad values change nothing', async () => {
    const before = (await supervisor.request('GET', '/api/hall/settings')).body;
    expect(before.patrolsPerDay).toBeGreaterThanOrEqual(4);
    const audits = await countRows(t.deps.db, 'audit_log');
    const next = { ...before, holdMinutes: 20, noShowLimit: 2, patrolsPerDay: 5 };
    const saved = await supervisor.request('PUT', '/api/hall/settings', next);
    expect(saved.status).toBe(200);
    expect((await clerk.request('GET', '/api/hall/settings')).body).toEqual(next);
    expect(await countRows(t.deps.db, 'audit_log')).toBe(audits + 1);
    // PAT-1: fewer than four patrols a day is refused, and so is a clerk changing anything.
    const few = await supervisor.request('PUT', '/api/hall/settings', { ...next, patrolsPerDay: 3 });
    expect(few.status).toBe(400);
    expect(few.body.message).toContain('每天至少巡查四次');
    expect((await clerk.request('PUT', '/api/hall/settings', before)).status).toBe(403);
    expect((await supervisor.request('GET', '/api/hall/settings')).body).toEqual(next);
    expect(await countRows(t.deps.db, 'audit_log')).toBe(audits + 1);
    expect((await supervisor.request('PUT', '/api/hall/settings', before)).status).toBe(200);
  });

  it('APT-1: a full slot refuses a booking with 409 and nothing changes', async () => {
    const slot = await newSlot(1, '2026-11-24');
    expect((await hold(slot, demoPerson(201))).status).toBe(201);
    const r = await hold(slot, demoPerson(202));
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('HALL_SLOT_FULL');
    const booked = (await supervisor.request('GET', `/api/hall/bookings?hallId=${hallId}&date=2026-11-24`))
      .body.bookings;
    expect(booked).toHaveLength(1);
  });

  it('APT-1: a second overlapping booking and one past the person limit are refused', async () => {
    const s1 = await newSlot(5, '2026-11-25', 'M');
    const s2 = await newSlot(5, '2026-11-25', 'S');
    const s3 = await newSlot(5, '2026-11-26', 'M');
    expect((await hold(s1, demoPerson(203))).status).toBe(201);
    const overlap = await hold(s2, demoPerson(203));
    expect(overlap.status).toBe(409);
    expect(overlap.body.code).toBe('HALL_BOOKING_OVERLAP');
    const limit = await hold(s3, demoPerson(203));
    expect(limit.status).toBe(409);
    expect(limit.body.code).toBe('HALL_PERSON_LIMIT');
  });

  it('APT-1: a person suspended for no-shows cannot book online', async () => {
    const slot = await newSlot(5, '2026-11-27', 'B');
    const r = await hold(slot, DEMO_HALL.suspendedIdNumber);
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('HALL_PERSON_SUSPENDED');
  });

  it('APT-1: cancelling frees the place', async () => {
    const slot = await newSlot(1, '2026-11-28');
    const a = await hold(slot, demoPerson(204));
    expect(
      (await pub('POST', `/api/public/hall/bookings/${a.body.id}/cancel`, { code: a.body.code })).body.status,
    ).toBe('cancelled');
    expect((await hold(slot, demoPerson(205))).status).toBe(201);
  });

  it('APT-1: many parallel bookings on one slot never overbook', async () => {
    const slot = await newSlot(5, '2026-11-29');
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => hold(slot, demoPerson(300 + i))));
    expect(results.filter((r) => r.status === 201)).toHaveLength(5);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'HALL_SLOT_FULL')).toBe(true);
    const s = (
      await pub('GET', `/api/public/hall/slots?hallId=${hallId}&date=2026-11-29&groupId=${groups.A}`)
    ).body.slots;
    expect(s.find((x: { id: string }) => x.id === slot).booked).toBe(5);
  });

  it('APT-1: parallel bookings of one person never exceed the limit', async () => {
    // Group A allows 2 per 30 days; ten slots on different hours at once.
    const slots = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        newSlot(5, '2026-11-30', 'A', `${String(8 + i).padStart(2, '0')}:00`),
      ),
    );
    const results = await Promise.all(slots.map((s) => hold(s, demoPerson(400))));
    expect(results.filter((r) => r.status === 201)).toHaveLength(2);
    expect(results.filter((r) => r.status !== 201).every((r) => r.body.code === 'HALL_PERSON_LIMIT')).toBe(
      true,
    );
  });

  it('QUE-1: kiosk tickets are called by priority class then arrival; a ticket called twice is refused', async () => {
    // clerk2 sits at A03 (group A) in the demo; finish what it has first.
    await clerk2.request('POST', '/api/hall/queue/finish');
    const normal = await pub('POST', '/api/public/hall/tickets', { hallId, groupId: groups.A });
    const green = await pub('POST', '/api/public/hall/tickets', {
      hallId,
      groupId: groups.A,
      green: true,
      greenReason: '残疾人',
    });
    expect(normal.status).toBe(201);
    expect(green.body.priority).toBe('green');
    const next = await clerk2.request('POST', '/api/hall/queue/next');
    expect(next.status).toBe(200);
    // Green channel first, whatever came before it.
    expect(next.body.priority).toBe('green');
    expect(next.body.waitingSeconds).toBe(0);
    await clerk2.request('POST', '/api/hall/queue/finish');
    const first = await clerk2.request('POST', '/api/hall/queue/call', { ticketId: normal.body.id });
    expect(first.status).toBe(200);
    await clerk2.request('POST', '/api/hall/queue/skip');
    const twice = await clerk2.request('POST', '/api/hall/queue/call', { ticketId: normal.body.id });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('HALL_TICKET_STATE');
    const detail = await supervisor.request('GET', `/api/hall/tickets/${normal.body.id}`);
    expect(detail.body.events.map((e: { kind: string }) => e.kind)).toEqual(['issue', 'call', 'skip']);
  });

  it('QUE-1: a transfer to a window nobody is at is refused and changes nothing', async () => {
    await pub('POST', '/api/public/hall/tickets', { hallId, groupId: groups.A });
    const called = await clerk2.request('POST', '/api/hall/queue/next');
    expect(called.status).toBe(200);
    const r = await clerk2.request('POST', '/api/hall/queue/transfer', { toWindowId: windows.B01 });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('HALL_WINDOW_CLOSED');
    const still = await supervisor.request('GET', `/api/hall/tickets/${called.body.id}`);
    expect(still.body.status).toBe('called');
    const ok = await clerk2.request('POST', '/api/hall/queue/transfer', { toGroupId: groups.S });
    expect(ok.body.status).toBe('waiting');
    expect(ok.body.groupId).toBe(groups.S);
  });

  it('QUE-1: a citizen checks in, the call reaches the screen stream, the clerk finishes', async () => {
    const slot = await newSlot(2, '2026-11-20', 'A', '10:30');
    const b = await hold(slot, demoPerson(500));
    await pub('POST', `/api/public/hall/bookings/${b.body.id}/confirm`, { code: b.body.code });
    const ticket = await pub('POST', '/api/public/hall/check-in', { hallId, idNumber: demoPerson(500) });
    expect(ticket.status).toBe(201);
    expect(ticket.body.priority).toBe('appointment');
    const unknown = await pub('POST', '/api/public/hall/check-in', { hallId, idNumber: demoPerson(501) });
    expect(unknown.status).toBe(404);

    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address() as { port: number };
    const res = await fetch(`http://127.0.0.1:${address.port}/api/public/hall/halls/${hallId}/calls/stream`);
    const reader = res.body!.getReader();
    await reader.read(); // the greeting
    // A02 (clerk) has nothing called in the demo; a second later than the calls before.
    t.clock.advance(1000);
    const called = await clerk.request('POST', '/api/hall/queue/call', { ticketId: ticket.body.id });
    expect(called.status).toBe(200);
    let text = '';
    while (!text.includes(ticket.body.number)) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('event: call');
    expect(text).toContain('"windowNumber":"A02"');
    await reader.cancel();
    const screen = await pub('GET', `/api/public/hall/halls/${hallId}/calls`);
    expect(screen.body.calls[0].ticketNumber).toBe(ticket.body.number);
    const fin = await clerk.request('POST', '/api/hall/queue/finish');
    expect(fin.body.status).toBe('finished');
  });

  it('presence: one person per window; the board shows only staff who sign in; the register compares', async () => {
    const taken = await clerk2.request('POST', '/api/hall/presence/sign-in', {
      windowId: windows.A01,
      staffId: (await clerk2.request('GET', `/api/hall/halls/${hallId}/console`)).body.staffOptions[0].id,
    });
    expect(taken.status).toBe(409);
    const board = await pub('GET', `/api/public/hall/halls/${hallId}/board`);
    const names = board.body.entries.map((e: { name: string }) => e.name);
    expect(names).toContain('陈一鸣');
    expect(names).not.toContain('钱立新'); // on the register, never signed in
    expect(names).not.toContain('赵德海'); // past term
    expect(board.body.entries.every((e: { missingPhoto: boolean }) => e.missingPhoto)).toBe(true);
    const reg = await supervisor.request('GET', `/api/hall/halls/${hallId}/register?days=30`);
    const market = reg.body.rows.find(
      (r: { departmentName: string }) => r.departmentName === '云溪县市场监督管理局',
    );
    expect(market.registered).toBeGreaterThan(market.signedIn);
    expect(market.neverSignedIn.map((s: { name: string }) => s.name)).toContain('钱立新');
  });

  it('tidal windows: a long queue suggests a switch; applying it is recorded', async () => {
    for (let i = 0; i < 14; i++) await pub('POST', '/api/public/hall/tickets', { hallId, groupId: groups.S });
    const v = await supervisor.request('GET', `/api/hall/halls/${hallId}/tidal`);
    expect(v.status).toBe(200);
    const s = v.body.suggestions[0];
    expect(s.toGroupId).toBe(groups.S);
    expect(s.windowNumber).toBe('A03');
    expect(
      (
        await clerk.request('POST', `/api/hall/halls/${hallId}/tidal`, {
          windowId: s.windowId,
          toGroupIds: [s.toGroupId],
          reason: 'x',
        })
      ).status,
    ).toBe(403);
    const applied = await supervisor.request('POST', `/api/hall/halls/${hallId}/tidal`, {
      windowId: s.windowId,
      toGroupIds: [s.toGroupId],
      reason: s.reason,
    });
    expect(applied.status).toBe(200);
    const after = await supervisor.request('GET', `/api/hall/halls/${hallId}/tidal`);
    expect(after.body.switches[0].windowNumber).toBe('A03');
  });

  it('PAT-1: at least four patrols a day, times hidden until due; an empty window yields a 督查告知书 in the department head inbox, followed up', async () => {
    const day = await supervisor.request('GET', `/api/hall/halls/${hallId}/patrols`);
    expect(day.body.patrols.length).toBeGreaterThanOrEqual(4);
    for (const p of day.body.patrols) expect(p.due || p.plannedAt === null).toBe(true);
    const p = await supervisor.request('POST', `/api/hall/halls/${hallId}/patrols`);
    expect(p.status).toBe(201);
    const bad = await supervisor.request('POST', `/api/hall/patrols/${p.body.id}/problems`, {
      kind: 'absent',
    });
    expect(bad.status).toBe(400);
    const prob = await supervisor.request('POST', `/api/hall/patrols/${p.body.id}/problems`, {
      kind: 'absent',
      windowId: windows.B01,
      note: '巡查时窗口无人',
    });
    expect(prob.status).toBe(201);
    expect(prob.body.staffName).toBe('郑可欣');
    expect(prob.body.repeatCount).toBeGreaterThan(1); // B01 was empty before
    const done = await supervisor.request('POST', `/api/hall/patrols/${p.body.id}/finish`);
    expect(done.status).toBe(200);
    const noticeId = done.body.problems[0].noticeId as string;
    const inbox = await head.request('GET', '/api/inbox?filter=todo');
    const item = inbox.body.items.find((i: { entityId: string }) => i.entityId === noticeId);
    expect(item.title).toContain('督查告知书');
    expect((await clerk.request('POST', `/api/hall/notices/${noticeId}/reply`, { reply: 'x' })).status).toBe(
      403,
    );
    const replied = await head.request('POST', `/api/hall/notices/${noticeId}/reply`, {
      reply: '已落实 AB 岗',
    });
    expect(replied.body.status).toBe('replied');
    expect(
      (await head.request('GET', '/api/inbox?filter=todo')).body.items.map(
        (i: { entityId: string }) => i.entityId,
      ),
    ).not.toContain(noticeId);
    const fu = await supervisor.request('POST', `/api/hall/notices/${noticeId}/follow-up`, {
      passed: true,
      note: '复查在岗',
    });
    expect(fu.body.status).toBe('closed');
    expect(
      (
        await supervisor.request('POST', `/api/hall/notices/${noticeId}/follow-up`, {
          passed: true,
          note: 'x',
        })
      ).status,
    ).toBe(409);
  });

  it('PAT-1: the demo has a notice in every state; the monthly 通报 is a .docx', async () => {
    const list = (await supervisor.request('GET', '/api/hall/notices')).body.notices as {
      status: string;
      overdue: boolean;
      round: number;
    }[];
    expect(new Set(list.map((n) => n.status))).toEqual(new Set(['issued', 'replied', 'closed']));
    expect(list.some((n) => n.overdue)).toBe(true);
    expect(list.some((n) => n.round === 2)).toBe(true);
    const own = (await head.request('GET', '/api/hall/notices')).body.notices as { departmentName: string }[];
    expect(own.every((n) => n.departmentName === '云溪县市场监督管理局')).toBe(true);
    const docx = await t.app.inject({
      method: 'GET',
      url: `/api/hall/halls/${hallId}/patrol-report.docx?month=2026-11`,
      headers: { cookie: '' },
    });
    expect(docx.statusCode).toBe(401);
    const ok = await supervisor.request('GET', `/api/hall/halls/${hallId}/patrol-report.docx?month=2026-11`);
    expect(ok.status).toBe(200);
    expect(String(ok.headers['content-type'])).toContain('wordprocessingml');
  });

  it('TRUTH-1: figures are counted from the records and drill into them', async () => {
    const f = await supervisor.request(
      'GET',
      `/api/hall/figures?hallId=${hallId}&from=2026-11-13&to=2026-11-20`,
    );
    expect(f.status).toBe(200);
    expect(f.body.bookings.noShow).toBeGreaterThan(0);
    const row = f.body.waitingByGroupHour[0];
    expect(row.p90Seconds).toBeGreaterThanOrEqual(0);
    const drill = await supervisor.request(
      'GET',
      `/api/hall/tickets?hallId=${hallId}&groupId=${row.groupId}&hour=${row.hour}`,
    );
    expect(drill.body.tickets.length).toBeGreaterThanOrEqual(row.count);
    expect(f.body.problemsByDepartment.length).toBeGreaterThan(0);
  });
});
