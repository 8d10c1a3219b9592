import type { SchemeInput } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { checkSchemeWeights } from '../reviews.policy';
import { ReviewsError } from '../reviews.errors';
import * as repo from '../reviews.repository';
import { prefixOf } from './get-review-plan';

type Row = Awaited<ReturnType<typeof repo.listSchemes>>[number];
const toScheme = (r: Row) => ({
  id: r.id,
  unitKind: r.unitKind,
  name: r.name,
  indicators: r.indicators as SchemeInput['indicators'],
  publishedAt: new Date(r.publishedAt).toISOString(),
});

/** ASSESS-1: a scheme is published whole (weights sum to 100); a change is a new published version. */
export async function publishScheme(deps: Deps, actor: Actor, input: SchemeInput) {
  assertAccess(actor, 'reviews.assess');
  if (!checkSchemeWeights(input.indicators)) throw new ReviewsError('REVIEWS_BAD_WEIGHTS');
  return runCommand(deps, actor, async ({ tx, now }) => {
    const row = await repo.insertScheme(tx, {
      regionCode: actor.regionCode,
      unitKind: input.unitKind,
      name: input.name,
      indicators: JSON.stringify(input.indicators),
      publishedAt: now,
      createdBy: actor.userId,
    });
    return {
      result: toScheme(row),
      audit: {
        action: 'reviews.scheme.publish',
        entityType: 'review_scheme',
        entityId: row.id,
        regionCode: actor.regionCode,
        summary: input,
      },
    };
  });
}

export async function listSchemes(deps: Deps, actor: Actor) {
  assertAccess(actor, 'reviews.read');
  return { items: (await repo.listSchemes(deps.db, prefixOf(actor))).map(toScheme) };
}
