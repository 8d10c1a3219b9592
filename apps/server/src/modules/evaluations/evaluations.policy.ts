import {
  DEPARTMENT_ROLES,
  can,
  isBadLevel,
  type BadReviewAction,
  type BadReviewStatus,
  type Role,
} from '@tongban/contracts';

// Pure rules of 好差评 (EVAL-1..4, SOD-2): no I/O.

type Who = { userId: string | null; role: Role | 'system'; departmentId: string | null };

/** EVAL-1: 不满意 and 非常不满意 need a reason category; the others none. */
export function needsReason(level: number): boolean {
  return isBadLevel(level);
}

/** The step a 差评 goes to after each action (核实 → 整改 → 反馈 → 回访 → 办结). */
export function nextStatus(status: BadReviewStatus): BadReviewStatus {
  switch (status) {
    case 'verify':
      return 'rectify';
    case 'rectify':
      return 'reply';
    case 'reply':
      return 'callback';
    case 'callback':
    case 'closed':
      return 'closed';
  }
}

export type BadReviewFacts = {
  status: BadReviewStatus;
  departmentId: string | null;
  realName: boolean;
  excluded: boolean;
  handlerId: string | null;
  ratedUserId: string | null;
  appeal: { decided: boolean; filedBy: string } | null;
};

const allowed = (who: Who, action: Parameters<typeof can>[1]) =>
  who.role === 'system' || can(who.role, action);
const inDepartment = (who: Who, departmentId: string | null) =>
  who.role === 'system' ||
  !DEPARTMENT_ROLES.includes(who.role) ||
  departmentId === null ||
  who.departmentId === departmentId;

/** SOD-2: whoever did the 整改 and whoever was rated never call back or close. */
export function mayCloseOut(who: Who, f: BadReviewFacts): boolean {
  if (who.userId === null) return who.role === 'system';
  return who.userId !== f.handlerId && who.userId !== f.ratedUserId;
}

/**
 * 申诉复核: decided by a supervisor who is not the rated person, not their head (a dept_head of
 * the rated department, or anyone of that department) and not who filed the appeal.
 */
export function mayDecideAppeal(who: Who, f: BadReviewFacts): boolean {
  if (!f.appeal || f.appeal.decided) return false;
  if (!allowed(who, 'evaluations.appeal.decide')) return false;
  if (who.userId === f.ratedUserId || who.userId === f.appeal.filedBy) return false;
  if (f.departmentId !== null && who.departmentId === f.departmentId) return false;
  return true;
}

/** What the signed-in person may do now on a 差评 (the web shows only these). */
export function allowedActions(who: Who, f: BadReviewFacts): BadReviewAction[] {
  const out: BadReviewAction[] = [];
  const dept = inDepartment(who, f.departmentId);
  if (f.status === 'verify' && allowed(who, 'evaluations.badReview.verify')) out.push('verify');
  if (f.status === 'rectify' && dept && allowed(who, 'evaluations.badReview.rectify')) out.push('rectify');
  if (f.status === 'reply' && dept && allowed(who, 'evaluations.badReview.reply')) out.push('reply');
  if (f.status === 'callback' && allowed(who, 'evaluations.badReview.callback') && mayCloseOut(who, f)) {
    out.push('callback');
    // EVAL-1: a 实名差评 closes only through a callback that reached the applicant.
    if (!f.realName) out.push('close');
  }
  if (
    !f.appeal &&
    !f.excluded &&
    dept &&
    allowed(who, 'evaluations.appeal.file') &&
    who.userId !== f.ratedUserId
  )
    out.push('appeal');
  if (mayDecideAppeal(who, f)) out.push('decideAppeal');
  return out;
}

/** EVAL-4: Wilson score lower bound (95%) of a proportion: small samples rank low, not first. */
export function wilsonLowerBound(positive: number, n: number, z = 1.96): number {
  if (n <= 0) return 0;
  const p = positive / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const margin = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return (centre - margin) / (1 + z2 / n);
}

export const rate = (num: number, den: number): number | null => (den > 0 ? num / den : null);

// ── Honesty checks (flag, never drop) ────────────────────────────────────

/** A window serves one applicant in no less than this: top ratings coming faster look staff-made. */
export const MIN_SERVICE_SECONDS = 120;
export const BURST_WINDOW_MS = 10 * 60_000;
export const BURST_MIN = 3;

/**
 * Burst: at least BURST_MIN top ratings from one pad within BURST_WINDOW_MS, coming faster on
 * average than MIN_SERVICE_SECONDS apart (faster than the window can serve). `times` are the pad's
 * top ratings in the window, this one included.
 */
export function isBurst(times: readonly Date[]): boolean {
  if (times.length < BURST_MIN) return false;
  const ms = times.map((t) => t.getTime()).sort((a, b) => a - b);
  const span = ms[ms.length - 1]! - ms[0]!;
  return span / (ms.length - 1) < MIN_SERVICE_SECONDS * 1000;
}

export const SIGN_IN_MINUTE_MS = 60_000;
export const SIGN_IN_BURST_MIN = 3;

/** Many ratings of one clerk in the minute after that clerk's own sign-in. */
export function isAfterSignInBurst(signInAt: Date | null, now: Date, ratingsSinceSignIn: number): boolean {
  if (!signInAt) return false;
  const d = now.getTime() - signInAt.getTime();
  return d >= 0 && d <= SIGN_IN_MINUTE_MS && ratingsSinceSignIn >= SIGN_IN_BURST_MIN;
}

/** The rated clerk is not among those who acted on the case (by name, as the registry has no account link). */
export function handledCase(staffName: string | null, actorNames: readonly string[]): boolean {
  if (!staffName) return true;
  return actorNames.includes(staffName);
}
