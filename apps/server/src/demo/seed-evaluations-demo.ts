import type { Actor } from '../platform/access';
import { SYSTEM_ACTOR } from '../platform/access';
import type { Deps } from '../platform/app-types';
import { findStaffAccount, listUserIdsByRole } from '../modules/auth';
import { orgService } from '../modules/org';
import { advanceBadReview } from '../modules/evaluations/use-cases/advance-bad-review';
import { decideAppeal, fileAppeal } from '../modules/evaluations/use-cases/appeals';
import { listBadReviews } from '../modules/evaluations/use-cases/get-bad-review';
import { openVisit } from '../modules/evaluations/use-cases/open-visit';
import { registerPad } from '../modules/evaluations/use-cases/register-pad';
import { submitPadRating } from '../modules/evaluations/use-cases/submit-pad-rating';
import { rateCase } from '../modules/evaluations/use-cases/submit-case-rating';
import { findOnDutyStaff } from '../modules/evaluations/on-duty';
import { casesService } from '../modules/cases';
import { fixedId } from './seed-cases-demo';
import { uploadEvidence } from '../modules/evaluations/use-cases/upload-evidence';

const REGION = '350999';
/** The demo's window pad at A02 (陈一鸣): open /pad/<token> to see it. */
export const DEMO_EVALUATIONS = {
  padTokenA02: 'demo-pad-yunxi-A02-0000000001',
  padTokenA01: 'demo-pad-yunxi-A01-0000000001',
  padTokenB01: 'demo-pad-yunxi-B01-0000000001',
};

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

async function user(
  deps: Deps,
  role: 'supervisor' | 'dept_head' | 'approver',
  name: string,
  departmentId: string | null,
) {
  const ids = await listUserIdsByRole(deps.db, { regionCode: REGION, role, departmentId });
  const acct = departmentId
    ? await findStaffAccount(deps.db, { regionCode: REGION, departmentId, displayName: name })
    : null;
  const userId = acct?.userId ?? ids[0]!;
  return {
    userId,
    username: name,
    displayName: name,
    role,
    regionCode: REGION,
    departmentId,
    clientIp: '',
  } as Actor;
}

/**
 * 好差评 demo: pads at A01 and A02, ratings of every level on site and online, 差评 items open and
 * closed (the whole loop with evidence and a callback by someone else), and one upheld appeal.
 */
export async function seedEvaluationsDemo(deps: Deps): Promise<void> {
  const windows = await orgService.listWindows(deps, SYSTEM_ACTOR);
  const depts = await orgService.listDepartments(deps, SYSTEM_ACTOR);
  const market = depts.find((d) => d.name === '云溪县市场监督管理局')!.id;
  /** The window by its number, with a pad registered there under the demo's fixed token. */
  const padAt = async (number: string, token: string) => {
    const w = windows.find((x) => x.number === number)!;
    await registerPad(deps, SYSTEM_ACTOR, { windowId: w.id, label: `${number} 窗口评价器` }, token);
    return w;
  };
  const a02 = await padAt('A02', DEMO_EVALUATIONS.padTokenA02);
  const a01 = await padAt('A01', DEMO_EVALUATIONS.padTokenA01);
  const pub: Actor = { ...SYSTEM_ACTOR, username: 'public', displayName: '公众', role: 'applicant' };
  // The morning's ratings, walked on a clock from the hall's sign-ins (seedHallDemo runs first) up to
  // now, one visit every few minutes: no honesty flag fires on them, as none should on honest use.
  const realNow = deps.clock.now();
  let cur = new Date(realNow.getTime() - 95 * 60_000);
  const dd: Deps = { ...deps, clock: { now: () => cur } };
  const rate = async (
    token: string,
    windowId: string,
    level: number,
    reason: string | null = null,
    text = '',
  ) => {
    cur = new Date(cur.getTime() + 6 * 60_000);
    // The clerk signed in at the window (hall's presence), else the registry's (an unstaffed window).
    const onDuty = await findOnDutyStaff(deps.db, REGION, windowId);
    const staffId = onDuty?.staffId ?? (await orgService.listStaffOfWindow(deps.db, windowId))[0]?.id ?? null;
    const v = await openVisit(dd, SYSTEM_ACTOR, { windowId, staffId, caseId: null });
    return submitPadRating(dd, pub, token, {
      visitId: v.id,
      level,
      indicators: { efficiency: level, attitude: level },
      reasonCategory: reason as never,
      reasonText: text,
    });
  };
  // Every level on site, A01 and A02 taking turns.
  const a = DEMO_EVALUATIONS.padTokenA01;
  const b = DEMO_EVALUATIONS.padTokenA02;
  await rate(a, a01.id, 5);
  await rate(b, a02.id, 5);
  await rate(a, a01.id, 4);
  await rate(b, a02.id, 2, 'efficiency', '排队后又让回去补材料');
  await rate(a, a01.id, 5);
  await rate(b, a02.id, 4);
  await rate(a, a01.id, 3);
  await rate(b, a02.id, 1, 'attitude', '工作人员不耐烦');
  await rate(a, a01.id, 1, 'other', '与工作人员争执后给出差评');
  await rate(b, a02.id, 3);
  await rate(a, a01.id, 4);
  await rate(a, a01.id, 2, 'guide', '办事指南写的材料和窗口要求不一致');
  await rate(a, a01.id, 5);
  // An honesty flag on a pattern that deserves one: the pad at B01 rates while nobody has signed in
  // there (the patrols found B01 empty twice).
  const b01 = await padAt('B01', DEMO_EVALUATIONS.padTokenB01);
  await rate(DEMO_EVALUATIONS.padTokenB01, b01.id, 5);
  // 一事一评 online: two concluded cases rated on the tracking page (主动评价率 counts them); the
  // demo's delivered food license (DEMO_CASES.deliveredCaseId) is left unrated for the demo to rate.
  for (const [n, level] of [
    [13, 5],
    [12, 3],
  ] as const) {
    const ref = await casesService.findCaseRef(deps.db, REGION, fixedId(n));
    if (ref?.concluded)
      await rateCase(
        deps,
        pub,
        ref,
        'online',
        {
          level,
          indicators: { guideAccuracy: level, convenience: level },
          reasonCategory: null,
          reasonText: '',
        },
        null,
      );
  }

  const supervisor = await user(deps, 'supervisor', '杨静怡', null);
  const head = await user(deps, 'dept_head', '方建国', market);
  const approver2 = await user(deps, 'approver', '王嘉树', market);
  const items = (await listBadReviews(deps, supervisor, { limit: 50, offset: 0 })).items;
  const byText = (t: string) => items.find((i) => i.rating.reasonText === t)!;
  // Closed: the whole loop, evidence, and a callback by someone other than the handler (SOD-2).
  const closed = byText('工作人员不耐烦').id;
  await advanceBadReview(deps, supervisor, closed, {
    step: 'verify',
    note: '调取窗口录像，服务用语不规范属实',
    version: 0,
  });
  const ev = await uploadEvidence(deps, head, closed, {
    bytes: PDF,
    mediaType: 'application/pdf',
    name: '整改通报.pdf',
  });
  await advanceBadReview(deps, head, closed, {
    step: 'rectify',
    note: '对当事人批评教育，全员文明用语培训',
    version: 1,
    evidence: [ev.sha256],
  });
  await advanceBadReview(deps, head, closed, {
    step: 'reply',
    note: '已向申请人说明整改情况并致歉',
    version: 2,
  });
  await advanceBadReview(deps, approver2, closed, {
    step: 'callback',
    note: '电话回访，申请人表示满意',
    version: 3,
    reached: true,
    satisfied: true,
  });
  // Open at 整改.
  const rectifying = byText('排队后又让回去补材料').id;
  await advanceBadReview(deps, supervisor, rectifying, {
    step: 'verify',
    note: '一次性告知不到位属实',
    version: 0,
  });
  // One appeal, upheld: the rating stays visible, excluded.
  const appealed = byText('与工作人员争执后给出差评').id;
  await fileAppeal(deps, head, appealed, {
    kind: 'malicious',
    reason: '录像显示申请人因不符合条件辱骂工作人员后给出差评',
  });
  await decideAppeal(deps, supervisor, appealed, {
    decision: 'upheld',
    note: '经调取录像，属恶意评价，不计入',
  });
  // '办事指南…' stays at 待核实.
}
