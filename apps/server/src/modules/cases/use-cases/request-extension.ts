import { checkExtension } from '@tongban/calendar';
import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { fail } from '../case-access';
import { transition } from '../case-transition';
import { CasesError } from '../cases.errors';
import { checkRequestExtension } from '../cases.policy';

/** DEC-1: once, at most 10 working days; the head decides. */
export async function requestExtension(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: { version: number; days: number; reason: string },
) {
  return transition(deps, actor, caseId, input.version, 'case.review', async (ctx) => {
    fail(checkRequestExtension(ctx.state));
    const cap = checkExtension(undefined, input.days, false);
    if (cap) throw new CasesError('CASE_EXTENSION_EXCEEDS_CAP', undefined, { days: input.days, code: cap });
    return {
      events: [{ type: 'extension_requested', days: input.days, reason: input.reason }],
      audit: 'case.request_extension',
    };
  });
}
