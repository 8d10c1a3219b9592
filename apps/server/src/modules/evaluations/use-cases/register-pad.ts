import type { Pad, PadList, PadRegisterInput, PadRegistered } from '@tongban/contracts';
import { assertAccess, regionScopeLike, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { randomToken } from '../../../platform/crypto';
import type { Executor } from '../../../platform/db';
import { orgService } from '../../org';
import { EvaluationsError } from '../evaluations.errors';
import * as repo from '../evaluations.repository';
import { tokenHash } from './pad-token';

type PadRow = Awaited<ReturnType<typeof repo.listPads>>[number];

async function toPad(db: Executor, p: PadRow): Promise<Pad> {
  const w = await orgService.findWindowById(db, p.windowId);
  return {
    id: p.id,
    regionCode: p.regionCode,
    windowId: p.windowId,
    windowName: w?.name ?? '',
    windowNumber: w?.number ?? '',
    label: p.label,
    registeredAt: p.registeredAt.toISOString(),
    revokedAt: p.revokedAt?.toISOString() ?? null,
  };
}

/** EVAL-3: a pad is registered to one window; its token is shown once and kept only hashed. */
export async function registerPad(
  deps: Deps,
  actor: Actor,
  input: PadRegisterInput,
  /** Only the demo seed names its token (a fixed demo pad URL); otherwise random. */
  token: string = randomToken(24),
): Promise<PadRegistered> {
  const w = await orgService.findWindowById(deps.db, input.windowId);
  if (!w) throw new EvaluationsError('EVAL_WINDOW_NOT_FOUND');
  assertAccess(actor, 'evaluations.pad.write', { regionCode: w.regionCode });
  return runCommand(deps, actor, async ({ tx, now }) => {
    const row = await repo.insertPad(tx, {
      regionCode: w.regionCode,
      windowId: w.id,
      label: input.label,
      tokenHash: tokenHash(deps, 'pad', token),
      registeredBy: actor.userId,
      registeredAt: now,
    });
    return {
      result: { pad: await toPad(tx, row), token, padUrl: `${deps.config.publicBaseUrl}/pad/${token}` },
      audit: {
        action: 'evaluations.pad.register',
        entityType: 'eval_pad',
        entityId: row.id,
        regionCode: w.regionCode,
        summary: { windowId: w.id, label: input.label },
      },
    };
  });
}

export async function listPads(deps: Deps, actor: Actor): Promise<PadList> {
  assertAccess(actor, 'evaluations.pad.read');
  const rows = await repo.listPads(deps.db, regionScopeLike(actor));
  return { items: await Promise.all(rows.map((r) => toPad(deps.db, r))) };
}

export async function revokePad(deps: Deps, actor: Actor, id: string): Promise<void> {
  assertAccess(actor, 'evaluations.pad.write');
  const pad = await repo.findPad(deps.db, regionScopeLike(actor), id);
  if (!pad) throw new EvaluationsError('EVAL_PAD_NOT_REGISTERED');
  await runCommand(deps, actor, async ({ tx, now }) => {
    await repo.revokePad(tx, pad.regionCode, id, now);
    return {
      result: undefined,
      audit: {
        action: 'evaluations.pad.revoke',
        entityType: 'eval_pad',
        entityId: id,
        regionCode: pad.regionCode,
      },
    };
  });
}
