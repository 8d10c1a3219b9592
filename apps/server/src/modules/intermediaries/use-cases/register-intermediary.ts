import type {
  Intermediary,
  IntermediaryList,
  IntermediaryRegister,
  IntermediaryRegistered,
  ServiceKind,
} from '@tongban/contracts';
import type { Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { hmacSm3Hex, randomToken } from '../../../platform/crypto';
import { IntermediariesError } from '../intermediaries.errors';
import * as repo from '../intermediaries.repository';

export const tokenHash = (deps: Deps, token: string) =>
  hmacSm3Hex(deps.config.secrets.lookupKey, `intermediary:${token}`);

/** An intermediary registers itself and is in the market at once: no department approves admission. */
export async function registerIntermediary(
  deps: Deps,
  actor: Actor,
  input: IntermediaryRegister,
): Promise<IntermediaryRegistered> {
  return runCommand(deps, actor, async ({ tx, now }) => {
    const token = randomToken(24);
    const row = await repo.insertIntermediary(tx, {
      ...input,
      fees: JSON.stringify(input.fees),
      tokenHash: tokenHash(deps, token),
      registeredAt: now,
    });
    if (!row) throw new IntermediariesError('INTERMEDIARY_EXISTS');
    return {
      result: { id: row.id, token },
      audit: {
        action: 'intermediaries.register',
        entityType: 'intermediary',
        entityId: row.id,
        regionCode: input.regionCode,
        summary: { serviceKinds: input.serviceKinds },
      },
    };
  });
}

export async function listMarket(
  deps: Deps,
  regionCode: string,
  serviceKind?: ServiceKind,
): Promise<IntermediaryList> {
  const rows = await repo.listIntermediaries(deps.db, regionCode);
  const items: Intermediary[] = rows
    .filter((r) => !serviceKind || r.serviceKinds.includes(serviceKind))
    .map((r) => ({
      id: r.id,
      name: r.name,
      creditCode: r.creditCode,
      licenceNo: r.licenceNo,
      serviceKinds: r.serviceKinds as ServiceKind[],
      qualifications: r.qualifications,
      staffCount: r.staffCount,
      fees: r.fees as Intermediary['fees'],
      registeredAt: r.registeredAt.toISOString(),
      completed: Number(r.completed),
      rating: r.rating == null ? null : Number(r.rating),
    }));
  return { items };
}

export async function intermediaryByToken(deps: Deps, token: string) {
  const row = await repo.findByToken(deps.db, tokenHash(deps, token));
  if (!row) throw new IntermediariesError('INTERMEDIARY_TOKEN_INVALID');
  return row;
}
