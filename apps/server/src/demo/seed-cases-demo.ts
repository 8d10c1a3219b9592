import { creditCodeCheckChar, idCardCheckChar, type ApplicantInput, type Role } from '@tongban/contracts';
import type { Actor } from '../platform/access';
import { SYSTEM_ACTOR } from '../platform/access';
import type { Deps } from '../platform/app-types';
import { fixedClock } from '../platform/clock';
import { accounts } from '../modules/auth';
import { casesService as svc, declareLicenseType, hasAnyCase } from '../modules/cases';
import { listPublishedItemNames } from '../modules/catalog';
import { listDepartmentsIn, recordDepartmentCreditCode } from '../modules/org';

/**
 * Demo cases of the demo county, relative to today: one in every state — just received, deemed
 * accepted (ACC-1, no answer within 5 working days), waiting for supplements, under review, 容缺
 * outstanding, overdue (red), suspended (paused), waiting for an extension, decided and ready for
 * pickup, delivered with a license, refused, denied, 即办件 done on the spot, online, withdrawn.
 * Goes through the services, so every case has its events, notices and audit entries.
 */

const REGION = '350999';
export const fixedId = (n: number) => `ca5e0000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Known ids of demo cases, for tests (the access matrix addresses them). */
export const DEMO_CASES = {
  submittedCaseId: fixedId(1),
  acceptedCaseId: fixedId(4),
  deliveredCaseId: fixedId(10),
  /** An enterprise applicant (食品经营) in the demo. */
  enterpriseApplicantId: fixedId(101),
  personApplicantId: fixedId(102),
} as const;

/** A valid 公民身份号码 (ID-1) from a region, birth date and sequence. */
export function makeIdNumber(region: string, birth: string, seq: number): string {
  const first17 = `${region}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idCardCheckChar(first17);
}

/** A valid 统一社会信用代码 (ID-1). */
export function makeCreditCode(prefix2: string, region: string, org9: string): string {
  const first17 = `${prefix2}${region}${org9}`;
  return first17 + creditCodeCheckChar(first17)!;
}

// E-license types the demo items issue on 准予 (the business license type is also 免提交 elsewhere).
const LICENSE_TYPES: { item: string; typeCode: string; typeName: string; validYears: number | null }[] = [
  { item: '食品经营许可', typeCode: '113509990000000001', typeName: '食品经营许可证', validYears: 5 },
  { item: '个体工商户登记', typeCode: '1110000000001347X1', typeName: '营业执照', validYears: null },
  { item: '企业变更登记', typeCode: '1110000000001347X1', typeName: '营业执照', validYears: null },
  { item: '药品零售许可', typeCode: '113509990000000002', typeName: '药品经营许可证', validYears: 5 },
];

const CREDIT_CODES: Record<string, string> = {
  云溪县市场监督管理局: makeCreditCode('11', REGION, 'MB0123456'),
  云溪县卫生健康局: makeCreditCode('11', REGION, 'MB0234567'),
  云溪县住房和城乡建设局: makeCreditCode('11', REGION, 'MB0345678'),
  云溪县民政局: makeCreditCode('11', REGION, 'MB0456789'),
};

const DAY = 86_400_000;

export async function seedCasesDemo(deps: Deps): Promise<void> {
  const db = deps.db;
  if (await hasAnyCase(db)) return;
  const depts = await listDepartmentsIn(db, REGION);
  for (const d of depts)
    if (CREDIT_CODES[d.name]) await recordDepartmentCreditCode(db, d.id, CREDIT_CODES[d.name]!);
  const items = await listPublishedItemNames(db, REGION);
  const itemId = (name: string) => items.find((i) => i.name === name)?.itemId;
  for (const t of LICENSE_TYPES) {
    const id = itemId(t.item);
    if (id)
      await declareLicenseType(db, {
        itemId: id,
        regionCode: REGION,
        typeCode: t.typeCode,
        typeName: t.typeName,
        validYears: t.validYears,
      });
  }
  const food = itemId('食品经营许可');
  const solo = itemId('个体工商户登记');
  if (!food || !solo) return;

  const users = await accounts.listAccounts(db, REGION);
  const actor = (username: string): Actor => {
    const u = users.find((x) => x.username === username);
    if (!u) return SYSTEM_ACTOR;
    return { ...u, userId: u.id, role: u.role as Role, clientIp: '127.0.0.1' };
  };
  const clerk = actor('clerk');
  const approver = actor('approver');
  const approver2 = actor('approver2');
  const head = actor('depthead');
  if (clerk.role !== 'clerk') return;

  // Each case runs on its own clock, from `daysAgo` forward, so its dates lie in the past.
  const now = deps.clock.now().getTime();
  const at = (daysAgo: number, hour = 9) => {
    const d = new Date(now - daysAgo * DAY);
    d.setUTCHours(hour - 8, 30, 0, 0);
    return d;
  };
  const clock = fixedClock(at(0));
  const d: Deps = { ...deps, clock };

  const enterprise: ApplicantInput = {
    kind: 'enterprise',
    name: '云溪县溪畔餐饮管理有限公司',
    idNumber: makeCreditCode('91', REGION, 'MA2XK3L4P'),
    legalRepresentative: '张文涛',
    contactName: '李婷',
    phone: '13905990001',
  };
  const person = (n: number, name: string): ApplicantInput => ({
    kind: 'person',
    name,
    idNumber: makeIdNumber(REGION, `19${80 + (n % 20)}0${1 + (n % 9)}1${n % 10}`, n),
    phone: `1390599${String(1000 + n).slice(-4)}`,
  });
  const make = async (input: ApplicantInput, id?: string) => {
    const a = await svc.createApplicant(d, clerk, input, id ? { id } : {});
    return a.id;
  };
  const ent = await make(enterprise, DEMO_CASES.enterpriseApplicantId);
  const p1 = await make(person(1, '王小明'), DEMO_CASES.personApplicantId);
  const people: string[] = [];
  const names = [
    '陈丽华',
    '赵建军',
    '孙美玲',
    '周国强',
    '吴晓燕',
    '郑海峰',
    '冯雅琴',
    '何志明',
    '许静',
    '马骏',
  ];
  for (const [i, n] of names.entries()) people.push(await make(person(i + 2, n)));

  const allFood = [
    { name: '食品经营许可申请书', status: 'provided' as const },
    { name: '营业执照', status: 'provided' as const },
    { name: '经营场所平面布局图和设备布局、操作流程说明', status: 'provided' as const },
    { name: '食品安全自查、从业人员健康管理、进货查验等管理制度', status: 'provided' as const },
  ];
  const soloMaterials = [
    { name: '个体工商户登记申请书', status: 'provided' as const },
    { name: '经营者居民身份证', status: 'provided' as const },
    { name: '经营场所使用证明', status: 'provided' as const },
  ];
  type Step = (id: string, v: number) => Promise<{ version: number }>;
  /** Receives a case `daysAgo` and runs its steps, each `gap` days later. */
  const run = async (
    n: number,
    daysAgo: number,
    input: Parameters<typeof svc.createCase>[2],
    steps: Step[],
    gap = 1,
  ) => {
    clock.set(at(daysAgo));
    const { detail } = await svc.createCase(d, clerk, input, undefined, { caseId: fixedId(n) });
    let v = detail.version;
    for (const [i, step] of steps.entries()) {
      // Never in the future, never before the previous step.
      const t = at(Math.max(0, daysAgo - (i + 1) * gap), 10 + (i % 6)).getTime();
      clock.set(
        new Date(Math.max(clock.now().getTime() + 60_000, Math.min(t, now - 60_000 * (steps.length - i)))),
      );
      v = (await step(detail.id, v)).version;
    }
  };
  type Given = { name: string; status: 'provided' | 'missing' | 'not_applicable' };
  const foodCase = (applicantId: string, materials: Given[] = allFood) => ({
    itemId: food,
    applicantId,
    agentId: null,
    channel: 'window' as const,
    materials,
  });
  const accept: Step = (id, v) => svc.accept(d, clerk, id, { version: v, deferred: [] });
  const review: Step = (id, v) =>
    svc.completeStep(d, approver, id, { version: v, opinion: '材料齐全，现场核查符合要求' });
  const grant: Step = (id, v) =>
    svc.decide(d, approver2, id, {
      version: v,
      outcome: 'grant',
      opinion: '同意',
      reason: '',
      legalBasis: '',
    });

  // 1 just received; 2 received 9 days ago and never answered (ACC-1: deemed accepted).
  await run(1, 0, foodCase(ent), []);
  await run(2, 9, foodCase(people[0]!), []);
  // 3 waiting for supplements (一次性告知).
  await run(3, 2, foodCase(people[1]!, allFood.slice(0, 2)), [
    (id, v) => svc.requestSupplement(d, clerk, id, { version: v, faulty: [], note: '' }),
  ]);
  // 4 under review; 5 accepted with a deferred (容缺) material still outstanding.
  await run(4, 2, foodCase(p1), [accept]);
  await run(
    5,
    3,
    foodCase(people[2]!, [...allFood, { name: '专职或兼职食品安全管理人员任命文件', status: 'missing' }]),
    [
      (id, v) =>
        svc.accept(d, clerk, id, {
          version: v,
          deferred: [
            { name: '专职或兼职食品安全管理人员任命文件', dueDate: at(-7).toISOString().slice(0, 10) },
          ],
        }),
    ],
  );
  // 6 accepted 45 days ago and still at 审查: overdue (red).
  await run(6, 45, foodCase(people[3]!), [accept]);
  // 7 suspended for 检测: the clock is paused (SUS-1).
  await run(
    7,
    15,
    foodCase(people[4]!),
    [
      accept,
      review,
      (id, v) =>
        svc.suspend(d, approver2, id, {
          version: v,
          kind: 'testing',
          expectedDays: 10,
          reason: '需对经营场所送检水样',
        }),
    ],
    3,
  );
  // 8 waiting for the head to decide an extension (DEC-1).
  await run(
    8,
    20,
    foodCase(people[5]!),
    [
      accept,
      review,
      (id, v) =>
        svc.requestExtension(d, approver2, id, { version: v, days: 5, reason: '需征求卫生健康部门意见' }),
    ],
    5,
  );
  // 9 granted, license issued, ready for pickup at the window.
  await run(9, 6, foodCase(people[6]!), [
    accept,
    review,
    grant,
    (id, v) => svc.prepareDelivery(d, clerk, id, { version: v, method: 'window', trackingNo: null }),
  ]);
  // 10 delivered with its license (the enterprise's food business license).
  await run(10, 12, foodCase(ent), [
    accept,
    review,
    (id, v) => svc.requestExtension(d, approver2, id, { version: v, days: 3, reason: '需补充现场核查' }),
    (id, v) => svc.decideExtension(d, head, id, { version: v, approved: true, note: '同意' }),
    grant,
    (id, v) => svc.prepareDelivery(d, clerk, id, { version: v, method: 'post', trackingNo: 'SF1234567890' }),
    (id, v) => svc.deliver(d, clerk, id, { version: v, receivedBy: '李婷' }),
  ]);
  // 11 refused (不予受理) — in the 办不成事 list.
  await run(11, 1, foodCase(people[7]!), [
    (id, v) =>
      svc.refuse(d, clerk, id, {
        version: v,
        reason: '仅销售预包装食品，依法实行备案管理，不需要申请食品经营许可',
        redirectTo: '云溪县市场监督管理局（食品经营备案）',
      }),
  ]);
  // 12 denied (不予许可) with reasons, legal basis and remedies.
  await run(
    12,
    14,
    foodCase(people[8]!),
    [
      accept,
      review,
      (id, v) =>
        svc.decide(d, approver2, id, {
          version: v,
          outcome: 'deny',
          opinion: '',
          reason: '经营场所与公共厕所距离不足 25 米，不符合食品经营场所卫生要求',
          legalBasis: '《食品经营许可和备案管理办法》第十一条',
        }),
    ],
    3,
  );
  // 13 个体工商户登记, a 即办件 decided on the spot and picked up at the window.
  await run(
    13,
    4,
    { itemId: solo, applicantId: people[9]!, agentId: null, channel: 'window', materials: soloMaterials },
    [
      (id, v) =>
        svc.instantDecision(d, clerk, id, {
          version: v,
          outcome: 'grant',
          opinion: '当场办结',
          reason: '',
          legalBasis: '',
        }),
      (id, v) => svc.prepareDelivery(d, clerk, id, { version: v, method: 'window', trackingNo: null }),
      (id, v) =>
        svc.deliver(d, clerk, id, {
          version: v,
          receivedBy: '马骏',
          receiver: { kind: 'applicant', idNumber: person(11, '马骏').idNumber },
        }),
    ],
    0,
  );
  // 14 withdrawn by the applicant.
  await run(14, 3, foodCase(people[1]!), [
    (id, v) => svc.withdraw(d, clerk, id, { version: v, reason: '申请人决定暂缓开业' }),
  ]);
}
