import type { Role } from '@tongban/contracts';
import { SYSTEM_ACTOR, type Actor } from '../platform/access';
import type { Deps } from '../platform/app-types';
import { fixedClock } from '../platform/clock';
import { listUserIdsByRole } from '../modules/auth';
import { caseFeed, casesService as svc } from '../modules/cases';
import { refreshSupervision } from '../modules/supervision';
import { listOrders } from '../modules/supervision/use-cases/read-board';
import { replyOrder } from '../modules/supervision/use-cases/reply-order';
import { DEMO_CASES } from './seed-cases-demo';

/**
 * Demo of 电子监察 (issue 16), relative to today: besides the demo cases (green, red, paused …),
 * a case in its warning days (yellow), and 督办单 in each state — one answered by the head, two
 * unanswered past their reply deadline (late, escalated to the leader) and one just issued (open).
 * The supervision job runs twice: ten days ago (the older orders are issued then) and now.
 */
const REGION = '350999';
const DAY = 86_400_000;
const fixedId = (n: number) => `ca5e0000-0000-4000-8000-${String(500 + n).padStart(12, '0')}`;

export const DEMO_SUPERVISION = {
  yellowCaseId: fixedId(1),
  answeredCaseId: fixedId(2),
  lateCaseId: fixedId(3),
  openOrderCaseId: fixedId(4),
} as const;

export async function seedSupervisionDemo(deps: Deps): Promise<void> {
  const db = deps.db;
  if ((await caseFeed.readCaseHistories(db, [fixedId(1)])).length > 0) return;
  // The food license item and its department, from the demo's case under review.
  const [model] = await caseFeed.readCaseHistories(db, [DEMO_CASES.acceptedCaseId]);
  if (!model) return;
  const staff = async (role: Role, displayName: string, departmentId: string | null): Promise<Actor> => {
    const [id] = await listUserIdsByRole(db, { regionCode: REGION, role, departmentId });
    return id
      ? {
          userId: id,
          username: role,
          displayName,
          role,
          regionCode: REGION,
          departmentId,
          clientIp: '127.0.0.1',
        }
      : SYSTEM_ACTOR;
  };
  const clerk = await staff('clerk', '陈一鸣', model.departmentId);
  const head = await staff('dept_head', '方建国', model.departmentId);
  const supervisor = await staff('supervisor', '杨静怡', null);
  if (clerk.role !== 'clerk') return;
  const item = { itemId: model.itemId };

  const now = deps.clock.now().getTime();
  const at = (daysAgo: number, hour = 10) => {
    const d = new Date(now - daysAgo * DAY);
    d.setUTCHours(hour - 8, 0, 0, 0);
    return d;
  };
  const clock = fixedClock(at(0));
  const d: Deps = { ...deps, clock };
  const materials = [
    { name: '食品经营许可申请书', status: 'provided' as const },
    { name: '营业执照', status: 'provided' as const },
    { name: '经营场所平面布局图和设备布局、操作流程说明', status: 'provided' as const },
    { name: '食品安全自查、从业人员健康管理、进货查验等管理制度', status: 'provided' as const },
  ];
  /** A food license case received and accepted `daysAgo` (promised limit 5 working days). */
  const acceptedCase = async (n: number, daysAgo: number) => {
    clock.set(at(daysAgo, 9));
    const { detail } = await svc.createCase(
      d,
      clerk,
      {
        itemId: item.itemId,
        applicantId: DEMO_CASES.personApplicantId,
        agentId: null,
        channel: 'window',
        materials,
      },
      undefined,
      { caseId: fixedId(n) },
    );
    clock.set(at(daysAgo, 10));
    await svc.accept(d, clerk, detail.id, { version: detail.version, deferred: [] });
  };
  // Yellow: four working days used of five (or fewer, around weekends: still within its warning).
  await acceptedCase(1, 4);
  await acceptedCase(2, 30);
  await acceptedCase(3, 40);
  await acceptedCase(4, 14);

  // Ten days ago: the old red cases get their 红牌 and 督办单; the head answers one of them.
  clock.set(at(10, 18));
  await refreshSupervision(d, { full: true });
  const order = (await listOrders(d, supervisor, {})).items.find(
    (o) => o.caseId === DEMO_SUPERVISION.answeredCaseId,
  );
  clock.set(at(9, 11));
  if (order)
    await replyOrder(d, head, order.id, {
      reply: '经核查，该件因现场核查人员不足延误，已调配人员，本周内办结，并对承办人批评教育。',
    });
  // Today: the unanswered orders are late and go to the leader; newer red cases get theirs.
  clock.set(at(0));
  await refreshSupervision(d, { full: true });
}
