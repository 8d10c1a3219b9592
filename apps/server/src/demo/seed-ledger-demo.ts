import type { Role } from '@tongban/contracts';
import type { Actor } from '../platform/access';
import { SYSTEM_ACTOR } from '../platform/access';
import type { Deps } from '../platform/app-types';
import { shanghaiToday } from '../platform/time';
import { accounts } from '../modules/auth';
import { ledgerService, seedFixedLedger } from '../modules/ledger';
import { listDepartmentsIn } from '../modules/org';

/**
 * A demo rectification ledger, written for the fictional 云溪县 (modelled on the published reports,
 * not copied from them): 县委第二巡察组 inspected 云溪县行政审批服务局; three categories, eight
 * findings and measures in every state. Dates are relative to today so the states hold whenever the
 * demo is seeded. Fixed ids let tests and the access matrix address the records.
 */
export const DEMO_LEDGER = {
  inspectionId: '7e0d0000-0000-4000-8000-000000000001',
  /** A finding whose measures are all signed off (done). */
  doneFindingId: '7e0d0000-0000-4000-8000-000000000101',
  /** A finding with open measures. */
  openFindingId: '7e0d0000-0000-4000-8000-000000000104',
  /** Not started, owner approver (market). */
  notStartedMeasureId: '7e0d0000-0000-4000-8000-000000000201',
  /** In progress, owner depthead (market). */
  inProgressMeasureId: '7e0d0000-0000-4000-8000-000000000202',
  /** Overdue, owner clerk (market). */
  overdueMeasureId: '7e0d0000-0000-4000-8000-000000000203',
  /** Awaiting sign-off with an evidence record, owner clerk. */
  awaitingMeasureId: '7e0d0000-0000-4000-8000-000000000204',
  /** Signed off by the supervisor, owner depthead. */
  signedOffMeasureId: '7e0d0000-0000-4000-8000-000000000205',
  /** Signed off by the leader, owner approver (a target for a revisit). */
  signedOff2MeasureId: '7e0d0000-0000-4000-8000-000000000209',
  /** Signed off, then reopened by a 回头看. */
  reopenedMeasureId: '7e0d0000-0000-4000-8000-000000000207',
} as const;

const id = (n: number) => `7e0d0000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export async function seedLedgerDemo(deps: Deps): Promise<void> {
  const db = deps.db;
  const region = '350999';
  const today = shanghaiToday(deps.clock.now());
  const day = (n: number) => addDays(today, n);

  // Users and departments through their modules' exports (issue 13: no query on another's tables).
  const users = await accounts.listAccountsByUsername(db, [
    'supervisor',
    'leader',
    'depthead',
    'clerk',
    'approver',
  ]);
  const actor = (username: string): Actor => {
    const u = users.find((x) => x.username === username)!;
    return {
      userId: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role as Role,
      regionCode: u.regionCode,
      departmentId: u.departmentId,
      clientIp: '',
    };
  };
  const uid = (username: string) => actor(username).userId;
  const departments = await listDepartmentsIn(db, `${region}%`);
  const dept = (name: string) => {
    const d = departments.find((x) => x.name === name);
    if (!d) throw new Error(`demo: no department ${name}`);
    return d.id;
  };
  const market = dept('云溪县市场监督管理局');
  const health = dept('云溪县卫生健康局');

  type M = {
    n: number;
    finding: number;
    content: string;
    leader: string;
    departmentId: string | null;
    owner: string;
    due: string | null;
    kind: 'immediate' | 'deadline' | 'ongoing';
  };
  const categories = [
    { n: 11, title: '落实“放管服”改革和优化营商环境决策部署方面' },
    { n: 12, title: '窗口服务作风和群众办事体验方面' },
    { n: 13, title: '内部管理和制度执行方面' },
  ];
  const findings: {
    n: number;
    cat: number;
    title: string;
    description: string;
    severity: 'minor' | 'general' | 'serious';
  }[] = [
    {
      n: 101,
      cat: 11,
      title: '网上申报率统计口径不实',
      description:
        '部分事项将窗口代为录入的办件计入网上申报，导致网办率高于实际；统计报表由人工汇总，无法追溯到具体办件。',
      severity: 'serious',
    },
    {
      n: 102,
      cat: 11,
      title: '容缺受理制度落实不到位',
      description:
        '容缺受理事项清单公布后，窗口仍要求申请人补齐全部材料后再受理，个别事项申请人往返三次以上。',
      severity: 'general',
    },
    {
      n: 103,
      cat: 11,
      title: '“好差评”差评整改回访不及时',
      description: '抽查的差评中，部分未在规定时限内完成整改，实名差评存在未回访即标记“已处理”的情况。',
      severity: 'general',
    },
    {
      n: 104,
      cat: 12,
      title: '窗口人员“不能说不”要求落实不到位',
      description:
        '个别窗口对材料不全的申请简单答复“办不了”，未一次性告知所缺材料，也未引导至办不成事反映窗口。',
      severity: 'general',
    },
    {
      n: 105,
      cat: 12,
      title: '办不成事反映窗口作用发挥不充分',
      description: '反映窗口登记的诉求多数未形成闭环记录，群众反映的问题去向不清。',
      severity: 'general',
    },
    {
      n: 106,
      cat: 12,
      title: '窗口人员业务培训未达到年度计划',
      description: '年度培训计划安排4次，实际只开展2次，新进驻人员未经岗前培训即上岗。',
      severity: 'minor',
    },
    {
      n: 107,
      cat: 13,
      title: '勘验、审核、审批岗位分离不到位',
      description: '个别事项的现场勘验、审核和审批由同一人完成，系统未作限制。',
      severity: 'serious',
    },
    {
      n: 108,
      cat: 13,
      title: '上轮巡察反馈问题整改不彻底',
      description: '上轮巡察指出的投诉台账问题整改后标记“已解决”，但部分投诉人表示未接到任何答复。',
      severity: 'general',
    },
  ];
  const measures: M[] = [
    // 101: done — both measures signed off by the supervisor, owners depthead and clerk.
    {
      n: 205,
      finding: 101,
      content: '按办件来源自动统计网办率，停止人工汇总报表',
      leader: '分管副局长 刘振华',
      departmentId: market,
      owner: 'depthead',
      due: day(-60),
      kind: 'immediate',
    },
    {
      n: 206,
      finding: 101,
      content: '逐项核对近一年网上申报数据，更正虚报数据并向社会说明',
      leader: '分管副局长 刘振华',
      departmentId: market,
      owner: 'clerk',
      due: day(-30),
      kind: 'deadline',
    },
    // 102: awaiting sign-off; not started.
    {
      n: 204,
      finding: 102,
      content: '重新梳理容缺受理事项清单，在窗口和网上同步公布并培训到人',
      leader: '分管副局长 刘振华',
      departmentId: market,
      owner: 'clerk',
      due: day(15),
      kind: 'deadline',
    },
    {
      n: 201,
      finding: 102,
      content: '对容缺受理后补交材料情况开展季度抽查',
      leader: '分管副局长 刘振华',
      departmentId: market,
      owner: 'approver',
      due: day(60),
      kind: 'deadline',
    },
    // 103: reopened by a revisit.
    {
      n: 207,
      finding: 103,
      content: '建立差评限时整改和实名差评百分之百回访机制',
      leader: '局长 刘振华',
      departmentId: market,
      owner: 'depthead',
      due: day(20),
      kind: 'deadline',
    },
    // 104: in progress; overdue.
    {
      n: 202,
      finding: 104,
      content: '开展“不能说不”专项整治，逐窗口核查一次性告知书使用情况',
      leader: '分管副局长 刘振华',
      departmentId: market,
      owner: 'depthead',
      due: day(30),
      kind: 'deadline',
    },
    {
      n: 203,
      finding: 104,
      content: '对推诿情形建立通报制度，每月通报一次',
      leader: '分管副局长 刘振华',
      departmentId: market,
      owner: 'clerk',
      due: day(-10),
      kind: 'deadline',
    },
    // 105: ongoing.
    {
      n: 208,
      finding: 105,
      content: '办不成事反映窗口诉求全部录入系统，按月分析并闭环销号',
      leader: '局长 刘振华',
      departmentId: health,
      owner: 'depthead',
      due: null,
      kind: 'ongoing',
    },
    // 106–108.
    {
      n: 209,
      finding: 106,
      content: '按年度计划补齐业务培训，新进驻人员岗前培训合格后上岗',
      leader: '分管副局长 刘振华',
      departmentId: market,
      owner: 'approver',
      due: day(-5),
      kind: 'deadline',
    },
    {
      n: 210,
      finding: 107,
      content: '在审批系统中设置勘验、审核、审批不得为同一人的校验',
      leader: '局长 刘振华',
      departmentId: market,
      owner: 'approver',
      due: day(45),
      kind: 'deadline',
    },
    {
      n: 211,
      finding: 108,
      content: '对上轮投诉台账逐件电话回访，未答复的重新办理',
      leader: '局长 刘振华',
      departmentId: market,
      owner: 'clerk',
      due: day(10),
      kind: 'deadline',
    },
  ];

  const system = { ...SYSTEM_ACTOR, regionCode: region };
  const seeded = await seedFixedLedger(deps, system, {
    inspection: {
      id: DEMO_LEDGER.inspectionId,
      regionCode: region,
      kind: 'xuncha',
      team: '县委第二巡察组',
      inspectedUnit: '云溪县行政审批服务局',
      issuer: '中共云溪县行政审批服务局党组',
      periodStart: day(-240),
      periodEnd: day(-200),
      feedbackDate: day(-180),
      scope: '局党组及机关各股室、县政务服务中心',
      planApprovedOn: day(-165),
      leadsReferred: 1,
      workDone:
        '局党组把巡察整改作为重要政治任务，成立由党组书记任组长的整改工作领导小组，逐条制定整改措施，明确责任领导、责任部门、责任人和完成时限。\n' +
        '建立整改台账，实行“完成一项、核验一项、销号一项”，每项措施须有佐证材料并由督查人员核验后方可销号。',
      nextSteps:
        '对尚未完成的整改事项紧盯不放，逾期事项逐项约谈责任人。\n对已销号事项开展回头看，防止问题反弹。',
      contactPhone: '0599-7712399',
      contactEmail: 'zhenggai@yunxi.example.gov.cn',
      contactAddress: '云溪县溪畔大道 88 号县政务服务中心三楼',
      publishedAt: deps.clock.now(),
    },
    categories: categories.map((c, i) => ({
      id: id(c.n),
      regionCode: region,
      inspectionId: DEMO_LEDGER.inspectionId,
      parentId: null,
      title: c.title,
      sortOrder: i + 1,
    })),
    findings: findings.map((f, i) => ({
      id: id(f.n),
      regionCode: region,
      inspectionId: DEMO_LEDGER.inspectionId,
      categoryId: id(f.cat),
      number: i + 1,
      title: f.title,
      description: f.description,
      severity: f.severity,
      source: 'inspection',
      carriedOverFromId: null,
    })),
    measures: measures.map((m) => ({
      id: id(m.n),
      regionCode: region,
      findingId: id(m.finding),
      sortOrder: measures.filter((x) => x.finding === m.finding).indexOf(m) + 1,
      content: m.content,
      leader: m.leader,
      departmentId: m.departmentId,
      ownerUserId: uid(m.owner),
      dueDate: m.due,
      kind: m.kind,
    })),
  });
  if (!seeded) return;

  // Progress, sign-off and revisit go through the service, so the demo obeys REC-1 and SOD-2.
  const progress = (
    owner: string,
    n: number,
    days: number,
    text: string,
    extra: { evidenceText?: string; requestSignoff?: boolean } = {},
  ) => ledgerService.addProgress(deps, actor(owner), id(n), { date: day(days), text, ...extra });
  const sign = (who: string, n: number, comment: string) =>
    ledgerService.signOff(deps, actor(who), id(n), { comment });

  await progress('depthead', 205, -70, '网办率改由系统按办件来源自动统计，人工报表停用', {
    evidenceText: '统计口径调整通知（云审服〔2026〕9号）',
    requestSignoff: true,
  });
  await sign('supervisor', 205, '抽查三个月报表，数据均可追溯到办件');
  await progress('clerk', 206, -40, '核对近一年数据，更正网上申报数 312 件，已在门户网站说明', {
    evidenceText: '数据更正说明及网站截图存档',
    requestSignoff: true,
  });
  await sign('supervisor', 206, '已核对更正记录');

  await progress('clerk', 204, -5, '容缺受理事项清单已重新公布，窗口人员全部完成培训', {
    evidenceText: '培训签到表、清单公布页面存档',
    requestSignoff: true,
  });

  await progress('depthead', 207, -100, '差评限时整改和回访机制印发实施', {
    evidenceText: '制度文件（云审服〔2026〕11号）',
    requestSignoff: true,
  });
  await sign('supervisor', 207, '制度已印发');
  await ledgerService.reopenMeasure(deps, actor('leader'), id(207), {
    reason: '回头看抽查发现仍有两件实名差评未回访，机制未真正落地',
  });

  await progress('depthead', 202, -20, '已完成 12 个窗口的一次性告知书使用情况核查，发现问题 3 处');
  await progress('clerk', 203, -25, '通报制度草案已起草，尚未印发');
  await progress('depthead', 208, -15, '一季度反映窗口诉求 46 件全部录入系统，已办结 41 件');

  await progress('approver', 209, -12, '已补开展业务培训 2 次，共 38 人参加', {
    evidenceText: '培训签到表、课件存档',
    requestSignoff: true,
  });
  await sign('leader', 209, '年度培训次数已达计划');

  const lead = actor('leader');
  await ledgerService.addAccountability(deps, lead, DEMO_LEDGER.inspectionId, {
    kind: 'reminder_talk',
    count: 2,
    date: day(-150),
    findingId: id(104),
    names: '窗口人员二名',
  });
  await ledgerService.addAccountability(deps, lead, DEMO_LEDGER.inspectionId, {
    kind: 'criticism_education',
    count: 1,
    date: day(-140),
    findingId: id(103),
  });
  await ledgerService.addAccountability(deps, lead, DEMO_LEDGER.inspectionId, {
    kind: 'circulated_criticism',
    count: 1,
    date: day(-120),
    findingId: id(101),
  });
  await ledgerService.addRegulation(deps, lead, DEMO_LEDGER.inspectionId, {
    name: '云溪县政务服务网办数据统计管理办法',
    docNumber: '云审服〔2026〕12号',
    date: day(-90),
    findingIds: [id(101)],
  });
  await ledgerService.addRecovery(deps, lead, DEMO_LEDGER.inspectionId, {
    kind: 'refunded',
    amountFen: 128000,
    date: day(-110),
    findingId: id(104),
    note: '退还违规收取的材料复印费',
  });
}
