import type { ComplaintSource, ComplaintType, Role, SubjectKind } from '@tongban/contracts';
import { callbackComplaint } from '../modules/complaints/use-cases/callback-complaint';
import { closeComplaint } from '../modules/complaints/use-cases/close-complaint';
import { coordinateMatter, escalateMatter } from '../modules/complaints/use-cases/coordinate-matter';
import { leaderDecide } from '../modules/complaints/use-cases/leader-decide';
import { dispatchComplaint } from '../modules/complaints/use-cases/dispatch-complaint';
import { intakeComplaint } from '../modules/complaints/use-cases/intake-complaint';
import { publishCatalog } from '../modules/complaints/use-cases/manage-catalog';
import { mergeComplaint } from '../modules/complaints/use-cases/merge-complaint';
import { noteComplaint, replyComplaint } from '../modules/complaints/use-cases/reply-complaint';
import { decideReturn, returnComplaint } from '../modules/complaints/use-cases/return-complaint';
import { superviseComplaint } from '../modules/complaints/use-cases/supervise-complaint';
import { accounts } from '../modules/auth';
import { listDepartmentsIn, listStaffNamesIn } from '../modules/org';
import { SYSTEM_ACTOR, type Actor } from '../platform/access';
import type { Deps } from '../platform/app-types';
import { fixedClock } from '../platform/clock';

const REGION = '350999';
const DAY = 86_400_000;
/** The refused demo case (seed-cases-demo, case 11): a 办不成事 visitor came about it. */
const REFUSED_CASE_ID = 'ca5e0000-0000-4000-8000-000000000011';

type Step =
  | 'received'
  | 'dispatched'
  | 'returned'
  | 'reassigned'
  | 'handling'
  | 'replied'
  | 'called_back'
  | 'closed'
  | 'unsatisfied'
  | 'overdue';

/**
 * Demo complaints in every state from every channel, through the use cases (events, holdings,
 * audit entries and to-dos are all real). Dates lie in the past: each record runs on its own clock.
 */
export async function seedComplaintsDemo(deps: Deps): Promise<void> {
  const users = await accounts.listAccounts(deps.db, REGION);
  const actor = (username: string): Actor => {
    const u = users.find((x) => x.username === username);
    return u ? { ...u, userId: u.id, role: u.role as Role, clientIp: '127.0.0.1' } : SYSTEM_ACTOR;
  };
  const sup = actor('supervisor');
  const clerk = actor('clerk');
  const clerk2 = actor('clerk2');
  const head = actor('depthead');
  const leader = actor('leader');
  if (sup.role !== 'supervisor' || !head.departmentId || !clerk2.departmentId) return;
  const market = head.departmentId;
  const health = clerk2.departmentId;
  const depts = await listDepartmentsIn(deps.db, REGION);
  const dept = (short: string) => depts.find((d) => d.shortName === short)?.id ?? market;
  const staff = await listStaffNamesIn(deps.db, REGION);
  const staffId = (name: string) => staff.find((s) => s.name === name)?.id ?? null;

  const now = deps.clock.now().getTime();
  const at = (daysAgo: number) => ({ ...deps, clock: fixedClock(new Date(now - daysAgo * DAY)) });
  await publishCatalog(at(60), sup, {
    note: '首版派单目录',
    rules: [
      {
        type: null,
        subjectKind: 'department',
        subjectId: null,
        leadDepartmentId: market,
        assistDepartmentIds: [],
        explanation: '反映部门的诉求由被反映部门主办',
      },
      {
        type: 'consult',
        subjectKind: null,
        subjectId: null,
        leadDepartmentId: market,
        assistDepartmentIds: [],
        explanation: '咨询类由市场监管（首问窗口）答复',
      },
      {
        type: 'complain',
        subjectKind: 'staff',
        subjectId: null,
        leadDepartmentId: market,
        assistDepartmentIds: [health],
        explanation: '针对工作人员的投诉由其所在部门主办，督查协办',
      },
      {
        type: 'help',
        subjectKind: null,
        subjectId: null,
        leadDepartmentId: dept('人社'),
        assistDepartmentIds: [],
        explanation: '求助多涉及社保、就业，由人社主办',
      },
    ],
  });

  type Spec = {
    source: ComplaintSource;
    type: ComplaintType;
    title: string;
    content: string;
    daysAgo: number;
    to: Step;
    name?: string;
    phone?: string;
    subject?: [SubjectKind, string | null, string];
    externalNo?: string;
    lead?: string;
    relatedCaseId?: string;
  };
  const specs: Spec[] = [
    {
      source: 'hotline_12345',
      type: 'complain',
      title: '社保窗口排队两小时',
      content: '社保卡补办排队两个小时，只开一个窗口。',
      daysAgo: 1,
      to: 'received',
      name: '王建国',
      phone: '13905950001',
      externalNo: 'GD202611180001',
      subject: ['window', null, 'B03 社保卡专窗'],
    },
    {
      source: 'hotline_12345',
      type: 'consult',
      title: '个体户执照办理',
      content: '个体户营业执照网上怎么办？',
      daysAgo: 2,
      to: 'dispatched',
      externalNo: 'GD202611170002',
      lead: market,
    },
    {
      source: 'window',
      type: 'complain',
      title: '窗口人员态度生硬',
      content: '办理执照时窗口人员不解释原因，语气生硬。',
      daysAgo: 3,
      to: 'returned',
      name: '林美玲',
      phone: '13805950002',
      subject: ['staff', staffId('陈一鸣'), '陈一鸣'],
      lead: health,
    },
    {
      source: 'grievance_window',
      type: 'suggest',
      title: '建议增加自助复印机',
      content: '大厅只有一台复印机，经常排队。',
      daysAgo: 6,
      to: 'reassigned',
      lead: health,
    },
    {
      source: 'comment_book',
      type: 'complain',
      title: '意见簿：午间无人值守',
      content: '意见簿留言：中午12点到1点B区窗口无人。',
      daysAgo: 8,
      to: 'handling',
      subject: ['department', market, '市场监管'],
      lead: market,
    },
    {
      source: 'online',
      type: 'help',
      title: '老人不会用自助机',
      content: '希望安排工作人员帮老人操作自助机。',
      daysAgo: 9,
      to: 'replied',
      name: '周晓梅',
      phone: '13605950003',
      lead: market,
    },
    {
      source: 'invited_monitor',
      type: 'complain',
      title: '暗访：工作人员玩手机',
      content: '特邀监督员暗访发现A02窗口工作人员上班时间玩手机。',
      daysAgo: 20,
      to: 'closed',
      subject: ['staff', staffId('陈一鸣'), '陈一鸣'],
      lead: market,
    },
    {
      source: 'report_feedback',
      type: 'suggest',
      title: '整改通报反馈：公开更多数据',
      content: '希望整改通报公开每个部门的办结率。',
      daysAgo: 25,
      to: 'closed',
      lead: market,
    },
    {
      source: 'hotline_12345',
      type: 'complain',
      title: '同一问题再次投诉',
      content: '上次反映的窗口态度问题又出现了。',
      daysAgo: 12,
      to: 'unsatisfied',
      name: '王建国',
      phone: '13905950001',
      externalNo: 'GD202611110003',
      subject: ['staff', staffId('陈一鸣'), '陈一鸣'],
      lead: market,
    },
    {
      source: 'window',
      type: 'praise',
      title: '表扬帮办代办员',
      content: '帮办代办员全程陪同，半天办完。',
      daysAgo: 15,
      to: 'called_back',
      name: '郑大海',
      phone: '13705950004',
      subject: ['staff', staffId('蔡文博'), '蔡文博'],
      lead: market,
    },
    {
      source: 'hotline_12345',
      type: 'consult',
      title: '公积金提取材料',
      content: '提取公积金需要哪些材料？',
      daysAgo: 20,
      to: 'overdue',
      externalNo: 'GD202611030004',
      lead: market,
    },
    {
      source: 'unresolved_window',
      type: 'help',
      title: '食品经营许可被拒后无人指导',
      content: '申请食品经营许可被不予受理，不知道该去哪里办。',
      daysAgo: 1,
      to: 'received',
      name: '何志强',
      phone: '13505950005',
      subject: ['case', REFUSED_CASE_ID, '不予受理的办件'],
      relatedCaseId: REFUSED_CASE_ID,
    },
  ];
  const ids: string[] = [];
  for (const s of specs) {
    let v = 0;
    const d0 = at(s.daysAgo);
    const { id } = await intakeComplaint(
      d0,
      s.source === 'window' ||
        s.source === 'grievance_window' ||
        s.source === 'comment_book' ||
        s.source === 'unresolved_window'
        ? clerk
        : sup,
      {
        source: s.source,
        type: s.type,
        title: s.title,
        content: s.content,
        anonymous: !s.name,
        complainantName: s.name ?? '',
        phone: s.phone ?? '',
        externalNo: s.externalNo ?? null,
        address: '',
        relatedCaseId: s.relatedCaseId ?? null,
        subjectKind: s.subject?.[0] ?? 'none',
        subjectId: s.subject?.[1] ?? null,
        subjectLabel: s.subject?.[2] ?? '',
      },
      REGION,
    );
    ids.push(id);
    if (s.to === 'received') continue;
    const d1 = at(s.daysAgo - 0.1);
    const lead = s.to === 'returned' || s.to === 'reassigned' ? market : s.lead!;
    v = (
      await dispatchComplaint(d1, sup, id, {
        version: v,
        leadDepartmentId: lead,
        assistDepartmentIds: [],
        note: '',
      })
    ).version;
    if (s.to === 'dispatched' || s.to === 'overdue') {
      if (s.to === 'overdue') await superviseComplaint(deps, sup, id, { version: v });
      continue;
    }
    if (s.to === 'returned' || s.to === 'reassigned') {
      v = (
        await returnComplaint(at(s.daysAgo - 1), head, id, { version: v, reason: '该事项不属于本部门职责' })
      ).version;
      if (s.to === 'returned') continue;
      v = (
        await decideReturn(at(s.daysAgo - 1.5), sup, id, {
          version: v,
          accept: true,
          leadDepartmentId: health,
          assistDepartmentIds: [],
          note: '改派卫健局',
        })
      ).version;
      continue;
    }
    const handler = lead === market ? head : clerk2;
    v = (await noteComplaint(at(s.daysAgo - 1), handler, id, { version: v, note: '已调取监控并约谈当事人' }))
      .version;
    if (s.to === 'handling') continue;
    v = (
      await replyComplaint(at(s.daysAgo - 2), handler, id, {
        version: v,
        text: '经核实情况属实，已批评教育并整改，感谢监督。',
      })
    ).version;
    if (s.to === 'replied') continue;
    const unhappy = s.to === 'unsatisfied';
    v = (
      await callbackComplaint(at(s.daysAgo - 3), sup, id, {
        version: v,
        result: unhappy ? 'unsatisfied' : 'satisfied',
        note: unhappy ? '诉求人表示问题未解决' : '电话回访，诉求人满意',
      })
    ).version;
    if (s.to === 'called_back' || unhappy) continue;
    await closeComplaint(at(s.daysAgo - 3), leader, id, { version: v });
  }
  // 并单: a duplicate of the comment-book order (CPL-3).
  const dup = await intakeComplaint(
    at(7),
    clerk,
    {
      source: 'window',
      type: 'complain',
      title: '中午窗口没人',
      content: '中午去B区办事，窗口没有人。',
      anonymous: false,
      complainantName: '陈小红',
      phone: '13305950006',
      externalNo: null,
      address: '',
      relatedCaseId: null,
      subjectKind: 'department',
      subjectId: market,
      subjectLabel: '市场监管',
    },
    REGION,
  );
  await mergeComplaint(at(7), sup, dup.id, { version: 0, intoId: ids[4]! });
  // 办不成事: one resolved by explanation, one escalated to the leader and waiting, one the leader
  // has assigned to a department.
  for (const [title, escalate] of [
    ['社保转移接续卡住', false],
    ['跨省户口迁移办不成', true],
    ['个体户注销与税务清税互相推诿', 'assign'],
  ] as const) {
    const m = await intakeComplaint(
      at(4),
      clerk,
      {
        source: 'unresolved_window',
        type: 'help',
        title,
        content: `${title}，来办不成事窗口反映。`,
        anonymous: false,
        complainantName: '赵立新',
        phone: '13205950007',
        externalNo: null,
        address: '',
        relatedCaseId: null,
        subjectKind: 'none',
        subjectId: null,
        subjectLabel: '',
      },
      REGION,
    );
    if (escalate) {
      await escalateMatter(at(3), clerk, m.id, { version: 0, note: '涉及跨省协调，窗口无法解决' });
      if (escalate === 'assign')
        await leaderDecide(at(2), leader, m.id, {
          version: 1,
          decision: 'assigned',
          departmentId: market,
          note: '由市场监管局牵头，会同税务部门三个工作日内答复来访人',
        });
    } else
      await coordinateMatter(at(3), clerk, m.id, {
        version: 0,
        outcome: 'explained',
        outcomeCaseId: null,
        note: '已联系人社局，转移接续已办理',
      });
  }
}
