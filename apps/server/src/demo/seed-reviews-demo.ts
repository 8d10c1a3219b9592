import { DEFAULT_SCHEMES, type Role } from '@tongban/contracts';
import type { Actor } from '../platform/access';
import { SYSTEM_ACTOR } from '../platform/access';
import type { Deps } from '../platform/app-types';
import { fixedClock } from '../platform/clock';
import { DEMO_PASSWORD } from '../modules/auth';
import { casesService as svc } from '../modules/cases';
import { catalogService, getPublishedVersion } from '../modules/catalog';
import { orgService } from '../modules/org';
import {
  acceptAutoFinding,
  dismissAutoFinding,
  listAutoFindings,
} from '../modules/reviews/use-cases/decide-auto-finding';
import { computeAssessment } from '../modules/reviews/use-cases/compute-assessment';
import { createReviewPlan } from '../modules/reviews/use-cases/create-review-plan';
import { drawReviewPlan } from '../modules/reviews/use-cases/draw-review-plan';
import { evaluateAutoRules } from '../modules/reviews/use-cases/evaluate-auto-rules';
import { publishScheme } from '../modules/reviews/use-cases/publish-scheme';
import { refreshSupervision } from '../modules/supervision';
import { scoreReviewFile } from '../modules/reviews/use-cases/score-review-file';

const REGION = '350999';

/** Back-office staff of 卫健 and 住建 (they also review other departments' files). */
const REVIEWERS: { username: string; displayName: string; dept: string }[] = [
  { username: 'approver3', displayName: '林若曦', dept: '云溪县卫生健康局' },
  { username: 'approver4', displayName: '陈嘉禾', dept: '云溪县卫生健康局' },
  { username: 'approver5', displayName: '王立群', dept: '云溪县住房和城乡建设局' },
  { username: 'approver6', displayName: '赵明轩', dept: '云溪县住房和城乡建设局' },
];

/** Per department: the item its cases are for, the two back-office signers, and which cases run late. */
const PLAN: { dept: string; item: string; signers: [string, string]; late: Record<number, number> }[] = [
  { dept: '云溪县市场监督管理局', item: '食品经营许可', signers: ['approver', 'approver2'], late: {} },
  {
    dept: '云溪县卫生健康局',
    item: '公共场所卫生许可',
    signers: ['approver3', 'approver4'],
    late: { 0: 2, 1: 2, 2: 2, 3: 2 },
  },
  {
    dept: '云溪县住房和城乡建设局',
    item: '建设工程竣工验收备案',
    signers: ['approver5', 'approver6'],
    late: { 1: 1 },
  },
];

const pad = (n: number) => String(n).padStart(2, '0');

/** The last complete quarter before `now` and its three months (YYYY-MM). */
export function demoQuarter(now: Date) {
  const y = now.getUTCFullYear();
  const q = Math.floor(now.getUTCMonth() / 3); // current quarter index 0..3
  const qy = q === 0 ? y - 1 : y;
  const qi = q === 0 ? 3 : q - 1;
  const months = [1, 2, 3].map((k) => `${qy}-${pad(qi * 3 + k)}`);
  const next = qi === 3 ? `${qy + 1}-01` : `${qy}-${pad(qi * 3 + 4)}`;
  return {
    label: `${qy}-Q${qi + 1}`,
    start: `${months[0]}-01`,
    end: `${months[2]}-${qi === 0 || qi === 3 ? 31 : 30}`,
    months,
    next,
  };
}

/**
 * Demo of issue 21: concluded cases of three departments over the last quarter and the month after
 * (卫健 decides most of them late), one finished 卷宗评查 of that quarter, the quarter's assessment,
 * and automatic findings in each state (draft, accepted into a 自查, dismissed with a reason).
 */
export async function seedReviewsDemo(deps: Deps): Promise<void> {
  const depts = (await orgService.listDepartments(deps, SYSTEM_ACTOR)).filter((d) => d.regionCode === REGION);
  const deptId = (name: string) => depts.find((d) => d.name === name)?.id;
  if (!deptId('云溪县卫生健康局') || !deptId('云溪县住房和城乡建设局')) return;
  for (const r of REVIEWERS)
    await orgService.createUser(
      deps,
      SYSTEM_ACTOR,
      {
        username: r.username,
        displayName: r.displayName,
        password: DEMO_PASSWORD,
        role: 'approver',
        regionCode: REGION,
        departmentId: deptId(r.dept)!,
      },
      { demoAccount: true },
    );
  const users = (await orgService.listUsers(deps, SYSTEM_ACTOR)).filter((u) => u.regionCode === REGION);
  const actor = (username: string): Actor => {
    const u = users.find((x) => x.username === username)!;
    return { ...u, userId: u.id, role: u.role as Role, clientIp: '127.0.0.1' };
  };
  const clerk = actor('clerk');
  const supervisor = actor('supervisor');
  const now = deps.clock.now();
  const quarter = demoQuarter(now);
  const months = [...quarter.months, quarter.next];

  const clock = fixedClock(now);
  const d: Deps = { ...deps, clock };
  const applicant = await svc.createApplicant(d, clerk, {
    kind: 'person',
    name: '郭文静',
    idNumber: '350999199003150026',
    phone: '13905997788',
  });
  for (const p of PLAN) {
    const itemId = await findItemId(d, p.item);
    if (!itemId) continue;
    const version = await getPublishedVersion(d, itemId);
    const back = svc.backOfficeSteps(version.steps);
    if (back.length > 2) continue;
    const materials = version.materials
      .filter((m) => m.requirement === 'required')
      .map((m) => ({ name: m.name, status: 'provided' as const }));
    for (const [mi, month] of months.entries()) {
      for (const [di, day] of [6, 13, 20].entries()) {
        const late = di < (p.late[mi] ?? 0);
        const decided = new Date(`${month}-${pad(day)}T10:00:00+08:00`);
        const received = new Date(decided.getTime() - (late ? 40 : 0) * 86_400_000 - 3 * 3_600_000);
        if (decided >= now) continue;
        clock.set(received);
        const { detail } = await svc.createCase(d, clerk, {
          itemId,
          applicantId: applicant.id,
          agentId: null,
          channel: 'window',
          materials,
        });
        let v = detail.version;
        clock.set(new Date(received.getTime() + 30 * 60_000));
        v = (await svc.accept(d, clerk, detail.id, { version: v, deferred: [] })).version;
        if (back.length === 2) {
          clock.set(new Date(decided.getTime() - 60 * 60_000));
          v = (
            await svc.completeStep(d, actor(p.signers[0]), detail.id, {
              version: v,
              opinion: '材料齐全，符合条件',
            })
          ).version;
        }
        clock.set(decided);
        await svc.decide(d, actor(p.signers[1]), detail.id, {
          version: v,
          outcome: 'grant',
          opinion: '同意',
          reason: '',
          legalBasis: version.legalBasis.map((b) => `${b.name}${b.article ?? ''}`).join('；'),
        });
      }
    }
  }

  // One finished 卷宗评查 of the quarter (FR-1): seed committed, drawn, every file scored.
  const plan = await createReviewPlan(deps, supervisor, {
    title: `${quarter.label.replace('-Q', '年第')}季度卷宗评查`,
    periodStart: quarter.start,
    periodEnd: quarter.end,
    departmentIds: PLAN.map((p) => deptId(p.dept)!),
    casesPerDepartment: 2,
    reviewerPool: users.filter((u) => u.role === 'approver').map((u) => u.id),
  });
  const drawn = await drawReviewPlan(deps, supervisor, plan.id);
  let low = false;
  for (const f of drawn.files) {
    const scores: Record<string, number> = {};
    for (const r of drawn.rubric) scores[r.key] = f.prefill[r.key]?.suggested ?? r.maxPoints;
    const lowOne: boolean = !low && f.departmentName === '云溪县卫生健康局';
    if (lowOne) Object.assign(scores, { legal_basis: 0, materials_complete: 5, archive: 0 });
    low ||= lowOne;
    await scoreReviewFile(deps, actor(users.find((u) => u.id === f.reviewerUserId)!.username), f.id, {
      scores,
      comment: lowOne ? '超承诺时限作出决定，卷内缺少现场核查记录，归档材料不全' : '卷宗规范',
    });
  }

  // The quarter's assessment (ASSESS-1) from published schemes, over supervision's stored facts.
  await refreshSupervision(deps, { full: true });
  const scheme = await publishScheme(deps, supervisor, {
    unitKind: 'department',
    name: '进驻部门季度考核方案（2026 版）',
    indicators: DEFAULT_SCHEMES.department,
  });
  await publishScheme(deps, supervisor, {
    unitKind: 'township',
    name: '乡镇便民服务中心考核方案（2026 版）',
    indicators: DEFAULT_SCHEMES.township,
  });
  await computeAssessment(deps, supervisor, {
    schemeId: scheme.id,
    periodKind: 'quarter',
    period: quarter.label,
  });

  // Automatic findings: the quarter's last month fires for 卫健 (accepted into a 自查); the month
  // after fires again for the next pair of months (dismissed with a reason); the low score stays a draft.
  await evaluateAutoRules(deps, supervisor, quarter.months[2]!);
  const first = (await listAutoFindings(deps, supervisor, 'draft')).items.find(
    (f) => f.rule === 'red_share_two_months',
  );
  if (first)
    await acceptAutoFinding(deps, supervisor, first.id, {
      newInspection: { kind: 'self_check', team: '县政务服务中心督查科', inspectedUnit: '云溪县卫生健康局' },
    });
  if (quarter.next < `${now.getUTCFullYear()}-${pad(now.getUTCMonth() + 1)}`) {
    await evaluateAutoRules(deps, supervisor, quarter.next);
    const second = (await listAutoFindings(deps, supervisor, 'draft')).items.find(
      (f) => f.rule === 'red_share_two_months',
    );
    if (second)
      await dismissAutoFinding(
        deps,
        supervisor,
        second.id,
        '与上月已转入自查台账的问题同源，已在该台账中一并整改',
      );
  }
}

async function findItemId(deps: Deps, name: string): Promise<string | undefined> {
  const { items } = await catalogService.listItems(deps, SYSTEM_ACTOR, {
    q: name,
    page: 1,
    pageSize: 20,
  } as Parameters<typeof catalogService.listItems>[2]);
  return items.find((i) => i.name === name && i.regionCode === REGION && i.status === 'published')?.id;
}
