import { type Deps } from '../../../../platform/app-types';
import { caseNoOf, draftOrThrow, toDraft } from '../drafts';

export async function getDraft(deps: Deps, token: string) {
  const d = await draftOrThrow(deps, deps.db, token);
  return toDraft(deps, d, await caseNoOf(deps.db, d.regionCode, d.caseId));
}
