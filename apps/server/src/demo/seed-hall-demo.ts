import type { Role } from '@tongban/contracts';
import { SYSTEM_ACTOR, type Actor } from '../platform/access';
import type { Deps } from '../platform/app-types';
import type { Clock } from '../platform/clock';
import { shanghaiToday } from '../platform/time';
import { DEMO_PASSWORD, listUserIdsByRole } from '../modules/auth';
import { orgService } from '../modules/org';
import { cancelBooking, confirmBooking } from '../modules/hall/use-cases/change-booking';
import { finishPatrol } from '../modules/hall/use-cases/finish-patrol';
import { holdBooking } from '../modules/hall/use-cases/hold-booking';
import { checkInBooking, issueTicket } from '../modules/hall/use-cases/issue-ticket';
import { createGroup, createSlots } from '../modules/hall/use-cases/manage-hall';
import { markNoShows } from '../modules/hall/use-cases/mark-no-shows';
import { followUpNotice, replyNotice } from '../modules/hall/use-cases/notices';
import { addProblem, patrolDay, startPatrol } from '../modules/hall/use-cases/patrols';
import { signIn, signOut } from '../modules/hall/use-cases/presence';
import { serveTicket, transferTicket } from '../modules/hall/use-cases/serve-ticket';
import { applyTidalSwitch } from '../modules/hall/use-cases/tidal-windows';
import { addDays, shanghaiInstant } from '../modules/hall/hall.policy';
import * as hallRepo from '../modules/hall/hall.repository';
import { listSlotsOfDay } from '../modules/hall/use-cases/queue-views';
import { makeIdNumber } from './seed-cases-demo';

const REGION = '350999';

/** Extra window clerks of the demo hall (password as every demo account). */
const HALL_CLERKS = [
  { username: 'clerk3', displayName: '吴志远', dept: '云溪县民政局', window: 'B02' },
  { username: 'clerk4', displayName: '许若彤', dept: '云溪县人力资源和社会保障局', window: 'B03' },
  { username: 'clerk5', displayName: '林晓岚', dept: '云溪县市场监督管理局', window: 'A01' },
];

/** Identity numbers of demo citizens (fictional, valid check digits). */
export const demoPerson = (n: number) =>
  makeIdNumber('350999', `19${70 + (n % 30)}0${1 + (n % 9)}1${n % 10}`, n);

export const DEMO_HALL = {
  /** Booked three times and never came: online booking suspended (APT-1). */
  suspendedIdNumber: demoPerson(90),
  /** Has a confirmed booking today that may check in now (when the demo is seeded in opening hours). */
  checkInIdNumber: demoPerson(91),
};

type ManualClock = Clock & { set(d: Date): void; add(min: number): Date };

/**
 * The demo hall's day (issue 19): item groups and the windows serving them, slots for a week, a
 * day of bookings (held, confirmed, checked in, cancelled, no-shows, a suspended person), tickets
 * waiting, called and finished, presence at windows, a tidal switch, patrols on several days and
 * 督查告知书 in every state (issued, overdue, replied, sent back, closed). Goes through the use cases
 * with a clock that walks through the past days, so every record has its audit entry.
 */
export async function seedHallDemo(deps: Deps): Promise<void> {
  const realNow = deps.clock.now();
  let cur = realNow;
  const clock: ManualClock = {
    now: () => cur,
    set: (d) => (cur = d),
    add: (min) => (cur = new Date(cur.getTime() + min * 60_000)),
  };
  const dd: Deps = { ...deps, clock };
  const day = shanghaiToday(realNow);
  const halls = await orgService.listHallRecords(deps.db, REGION);
  const hall = halls.find((h) => h.regionCode === REGION)!;
  const windows = new Map((await orgService.listHallWindows(deps.db, hall.id)).map((w) => [w.number, w]));
  const depts = await orgService.listHallDepartments(deps.db, hall.id);
  const deptId = (name: string) => depts.find((d) => d.name === name)!.id;

  // Extra clerks and staff: the register lists more people than sign in (32-vs-21).
  for (const c of HALL_CLERKS)
    await orgService.createUser(
      deps,
      SYSTEM_ACTOR,
      {
        username: c.username,
        displayName: c.displayName,
        password: DEMO_PASSWORD,
        role: 'clerk',
        regionCode: REGION,
        departmentId: deptId(c.dept),
      },
      { demoAccount: true },
    );
  const onPaper = [
    {
      name: '钱立新',
      title: '市场准入审批员',
      dept: '云溪县市场监督管理局',
      from: '2025-03-01',
      until: '2027-02-28',
    },
    {
      name: '孙雅琪',
      title: '社保经办员',
      dept: '云溪县人力资源和社会保障局',
      from: '2025-03-01',
      until: '2027-02-28',
    },
    { name: '赵德海', title: '婚姻登记员', dept: '云溪县民政局', from: '2023-03-01', until: '2025-02-28' },
  ];
  for (const [i, s] of onPaper.entries())
    await orgService.createStaff(deps, SYSTEM_ACTOR, {
      name: s.name,
      title: s.title,
      staffNo: `YX${String(201 + i).padStart(4, '0')}`,
      departmentId: deptId(s.dept),
      windowId: null,
      employment: 'employee',
      stationedFrom: s.from,
      stationedUntil: s.until,
    });

  const staffAll = await orgService.listHallStaff(deps.db, hall.id);
  const staffAt = (w: string) => staffAll.find((s) => s.windowId === windows.get(w)!.id)!;
  const actorOf = async (username: string, role: Role, departmentId: string | null): Promise<Actor> => {
    const ids = await listUserIdsByRole(deps.db, { regionCode: REGION, role, departmentId });
    const users = await orgService.listUsers(deps, SYSTEM_ACTOR);
    const u = users.find((x) => x.username === username && ids.includes(x.id))!;
    return {
      userId: u.id,
      username,
      displayName: u.displayName,
      role,
      regionCode: REGION,
      departmentId,
      clientIp: '',
    };
  };
  const manager = await actorOf('supervisor', 'supervisor', null);
  const head = await actorOf('depthead', 'dept_head', deptId('云溪县市场监督管理局'));
  const clerks = {
    A01: await actorOf('clerk5', 'clerk', deptId('云溪县市场监督管理局')),
    A02: await actorOf('clerk', 'clerk', deptId('云溪县市场监督管理局')),
    A03: await actorOf('clerk2', 'clerk', deptId('云溪县卫生健康局')),
    B02: await actorOf('clerk3', 'clerk', deptId('云溪县民政局')),
    B03: await actorOf('clerk4', 'clerk', deptId('云溪县人力资源和社会保障局')),
  };

  // Item groups and the windows that serve them.
  clock.set(shanghaiInstant(addDays(day, -8), '08:00'));
  const g = {
    A: await createGroup(dd, manager, {
      hallId: hall.id,
      code: 'A',
      name: '综合受理',
      personLimit: 2,
      limitPeriodDays: 30,
    }),
    B: await createGroup(dd, manager, {
      hallId: hall.id,
      code: 'B',
      name: '市场准入',
      personLimit: 1,
      limitPeriodDays: 30,
    }),
    M: await createGroup(dd, manager, {
      hallId: hall.id,
      code: 'M',
      name: '婚姻登记',
      personLimit: 1,
      limitPeriodDays: 30,
    }),
    S: await createGroup(dd, manager, {
      hallId: hall.id,
      code: 'S',
      name: '社保业务',
      personLimit: 2,
      limitPeriodDays: 30,
    }),
  };
  const serve: [string, (keyof typeof g)[]][] = [
    ['A01', ['A']],
    ['A02', ['A']],
    ['A03', ['A']],
    ['B01', ['B']],
    ['B02', ['M']],
    ['B03', ['S']],
  ];
  for (const [w, gs] of serve)
    await applyTidalSwitch(dd, manager, hall.id, {
      windowId: windows.get(w)!.id,
      toGroupIds: gs.map((k) => g[k].id),
      reason: '开厅配置',
    });
  // Slots: from a week ago to a week ahead, every 30 minutes in opening hours.
  for (let k = -7; k <= 7; k++)
    for (const key of ['A', 'B', 'M', 'S'] as const)
      await createSlots(dd, manager, {
        hallId: hall.id,
        groupId: g[key].id,
        date: addDays(day, k),
        from: '08:30',
        to: '17:30',
        minutes: 30,
        capacity: key === 'M' ? 2 : 4,
      });
  const slotsOf = async (date: string, key: keyof typeof g) =>
    (await listSlotsOfDay(deps, { hallId: hall.id, groupId: g[key].id, date })).slots.map((x) => ({
      id: x.id,
      startsAt: new Date(x.startsAt),
      endsAt: new Date(x.endsAt),
    }));
  let n = 0;
  const book = async (slotId: string, idNumber: string, name: string, confirm = true, counter?: Actor) => {
    const b = await holdBooking(
      dd,
      counter ?? { ...SYSTEM_ACTOR, username: 'public', role: 'applicant', regionCode: REGION },
      {
        slotId,
        name,
        idNumber,
        phone: `139${String(10_000_000 + ++n).slice(-8)}`,
        idempotencyKey: `demo-booking-${n}`,
      },
      counter ? 'counter' : 'portal',
    );
    return confirm && !counter ? confirmBooking(dd, SYSTEM_ACTOR, b.id, b.code) : b;
  };

  // APT-1: one person books three days running and never comes → suspended.
  for (const [k, key] of [
    [-4, 'A'],
    [-3, 'M'],
    [-2, 'S'],
  ] as const) {
    clock.set(shanghaiInstant(addDays(day, k - 1), '12:00'));
    const [s] = await slotsOf(addDays(day, k), key);
    await book(s!.id, DEMO_HALL.suspendedIdNumber, '陈大海');
  }
  // Yesterday's bookings: some checked in, one no-show, one cancelled.
  clock.set(shanghaiInstant(addDays(day, -2), '15:00'));
  const yesterday = await slotsOf(addDays(day, -1), 'A');
  const yb = [];
  for (let i = 0; i < 4; i++)
    yb.push(await book(yesterday[2 + i]!.id, demoPerson(i), ['王芳', '李强', '张敏', '刘洋'][i]!));
  await cancelBooking(dd, SYSTEM_ACTOR, yb[3]!.id, yb[3]!.code);
  for (let i = 0; i < 2; i++) {
    clock.set(new Date(Date.parse(yb[i]!.startsAt) - 10 * 60_000));
    await checkInBooking(dd, SYSTEM_ACTOR, { hallId: hall.id, idNumber: demoPerson(i) });
  }

  // Yesterday's presence (the register counts who signed in) and a patrol the day before.
  clock.set(shanghaiInstant(addDays(day, -1), '08:25'));
  for (const w of ['A01', 'A02', 'A03', 'B02', 'B03'] as const) {
    await signIn(dd, clerks[w], windows.get(w)!.id, staffAt(w).id);
    clock.add(1);
  }
  clock.set(shanghaiInstant(addDays(day, -1), '17:35'));
  for (const w of ['A01', 'A02', 'A03', 'B02', 'B03'] as const) await signOut(dd, clerks[w]);
  clock.set(shanghaiInstant(day, '00:05'));
  await markNoShows(dd, manager, REGION);

  // Patrols and 督查告知书 in every state (PAT-1).
  const patrolOn = async (
    date: string,
    finds: { kind: 'absent' | 'badge' | 'dress' | 'scalper' | 'late'; window: string; note: string }[],
  ) => {
    clock.set(shanghaiInstant(date, '08:00'));
    const plan = await patrolDay(dd, manager, hall.id, date);
    for (const [i, p] of plan.patrols.entries()) {
      const planned = (await hallRepo.listPatrols(deps.db, hall.id, date)).find((x) => x.id === p.id)!;
      clock.set(new Date(planned.plannedAt.getTime() + 60_000));
      await startPatrol(dd, manager, p.id);
      clock.add(5);
      if (i === 1)
        for (const f of finds)
          await addProblem(dd, manager, p.id, {
            kind: f.kind,
            windowId: windows.get(f.window)!.id,
            note: f.note,
          });
      clock.add(10);
      await finishPatrol(dd, manager, p.id);
    }
  };
  const noticeOf = async (patrolDate: string, department: string) =>
    (await hallRepo.listNotices(deps.db, { regionLike: REGION, departmentId: deptId(department) })).find(
      (x) => shanghaiToday(x.issuedAt) === patrolDate,
    )!;
  // Six days ago: B01 empty (market; replied and passed), B02 without badge (civil; never answered → overdue).
  await patrolOn(addDays(day, -6), [
    { kind: 'absent', window: 'B01', note: '10 分钟内窗口无人' },
    { kind: 'badge', window: 'B02', note: '未佩戴工牌' },
  ]);
  const closed = await noticeOf(addDays(day, -6), '云溪县市场监督管理局');
  clock.set(shanghaiInstant(addDays(day, -5), '16:00'));
  await replyNotice(dd, head, closed.id, '已对窗口人员提醒谈话，排定替岗人员，离岗须登记。');
  clock.set(shanghaiInstant(addDays(day, -4), '10:00'));
  await followUpNotice(dd, manager, closed.id, true, '复查时窗口有人在岗，替岗登记本在用。');
  // Three days ago: A02 dress (market; replied, follow-up failed → issued again).
  await patrolOn(addDays(day, -3), [{ kind: 'dress', window: 'A02', note: '未着工装' }]);
  const back = await noticeOf(addDays(day, -3), '云溪县市场监督管理局');
  clock.set(shanghaiInstant(addDays(day, -2), '16:00'));
  await replyNotice(dd, head, back.id, '已要求着装规范。');
  clock.set(shanghaiInstant(addDays(day, -1), '10:30'));
  await followUpNotice(dd, manager, back.id, false, '复查时仍未着工装，请落实到人。');
  // Yesterday: B01 empty again (a repeat; replied, waiting for the follow-up) and a 黄牛 near C01.
  await patrolOn(addDays(day, -1), [
    { kind: 'absent', window: 'B01', note: '窗口再次无人' },
    { kind: 'scalper', window: 'C01', note: '有人在帮办窗口附近兜售号源' },
  ]);
  const replied = await noticeOf(addDays(day, -1), '云溪县市场监督管理局');
  clock.set(shanghaiInstant(addDays(day, -1), '17:00'));
  await replyNotice(dd, head, replied.id, '已调整 B01 排班，增设 AB 岗。');

  // Today: the day's bookings and queue, walked up to now.
  const start = new Date(realNow.getTime() - 100 * 60_000);
  clock.set(new Date(start.getTime() - 24 * 3600_000));
  const todayA = await slotsOf(day, 'A');
  const fits = (s: { startsAt: Date; endsAt: Date }) =>
    s.startsAt.getTime() < realNow.getTime() + 50 * 60_000 && s.endsAt.getTime() > realNow.getTime();
  const nowSlot = todayA.find(fits);
  if (nowSlot) await book(nowSlot.id, DEMO_HALL.checkInIdNumber, '周小米');
  for (const [i, s] of todayA
    .filter((x) => x.startsAt > realNow)
    .slice(0, 6)
    .entries())
    await book(s.id, demoPerson(20 + i), ['吴敏', '郑华', '冯磊', '何静', '高飞', '罗娟'][i]!, i !== 5);
  const heldToday = await book(todayA.at(-1)!.id, demoPerson(40), '梁晨', false);
  void heldToday;
  const counterDay = await slotsOf(addDays(day, 1), 'M');
  clock.set(start);
  for (const w of ['A01', 'A02', 'A03', 'B02', 'B03'] as const) {
    await signIn(dd, clerks[w], windows.get(w)!.id, staffAt(w).id);
    clock.add(1);
  }
  await book(counterDay[3]!.id, demoPerson(41), '秦朗', true, clerks.B02);
  const issue = async (key: keyof typeof g, green = false) => {
    clock.add(3);
    return issueTicket(dd, SYSTEM_ACTOR, {
      hallId: hall.id,
      groupId: g[key].id,
      green,
      greenReason: green ? '老年人' : undefined,
    });
  };
  for (const key of ['A', 'A', 'S', 'A', 'M', 'A', 'S', 'A'] as const) await issue(key);
  await issue('A', true);
  // Calls and finishes through the morning.
  for (const w of ['A01', 'A02', 'A03', 'B03', 'B02'] as const) {
    clock.add(2);
    await serveTicket(dd, clerks[w], 'next').catch(() => undefined);
  }
  clock.add(8);
  for (const w of ['A01', 'A02', 'A03', 'B03'] as const)
    await serveTicket(dd, clerks[w], 'finish').catch(() => undefined);
  clock.add(2);
  await serveTicket(dd, clerks.A03, 'next').catch(() => undefined);
  await transferTicket(dd, clerks.A03, { toWindowId: windows.get('A01')!.id }).catch(() => undefined);
  await serveTicket(dd, clerks.B02, 'skip').catch(() => undefined);
  for (const key of ['A', 'A', 'B', 'A', 'S', 'A', 'A'] as const) await issue(key);
  if (nowSlot && realNow.getTime() - 5 * 60_000 > cur.getTime()) {
    clock.set(new Date(realNow.getTime() - 5 * 60_000));
    await checkInBooking(dd, SYSTEM_ACTOR, { hallId: hall.id, idNumber: DEMO_HALL.checkInIdNumber }).catch(
      () => undefined,
    );
  }
  // The clerk at A02 ends with nothing called (the console's next call is theirs to make); A01
  // and A03 are serving.
  clock.set(new Date(Math.max(cur.getTime(), realNow.getTime() - 2 * 60_000)));
  await serveTicket(dd, clerks.A01, 'next').catch(() => undefined);
  await serveTicket(dd, clerks.A03, 'next').catch(() => undefined);
  void cancelBooking;
}
