import { type Action } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../platform/access';
import { forbidden, notFound } from '../../platform/errors';
import { CasesError } from './cases.errors';
import { caseScope, type CaseRuleCode, type CaseScopeRow } from './cases.policy';

// ── Access ──────────────────────────────────────────────────────────────────

export const WINDOW_ACTIONS: readonly Action[] = ['case.intake', 'case.deliver'];

/** 受审分离: back-office roles asking for window work get a message that says why. */
export function assertRole(actor: Actor, action: Action) {
  if (WINDOW_ACTIONS.includes(action) && (actor.role === 'approver' || actor.role === 'dept_head'))
    throw new CasesError('CASE_NOT_WINDOW');
  assertAccess(actor, action);
}

/**
 * Issue 12, point 11: reading a case and acting on it pass the same scope rule (caseScope in the
 * policy), with the same answer - another region's case is not found, another department's is 403
 * with one code and message whichever the request was.
 */
export function assertCaseScope(actor: Actor, caseId: string, row: CaseScopeRow): void {
  const scope = caseScope(actor, row);
  if (scope === 'other_region') throw notFound('办件', caseId);
  if (scope === 'other_department') throw forbidden(OTHER_DEPARTMENT_MESSAGE);
}
export const OTHER_DEPARTMENT_MESSAGE = '只能查看和办理本部门的办件或本人受理的办件';

export function fail(code: CaseRuleCode | undefined, details?: unknown): void {
  if (code) throw new CasesError(code, undefined, details);
}
