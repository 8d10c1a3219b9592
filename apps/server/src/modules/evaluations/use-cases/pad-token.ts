import type { Deps } from '../../../platform/app-types';
import { hmacSm3Hex } from '../../../platform/crypto';
import { EvaluationsError } from '../evaluations.errors';
import * as repo from '../evaluations.repository';

/** Tokens (pads, SMS links) are stored as keyed SM3 only: a copy of the tables opens nothing. */
export const tokenHash = (deps: Deps, kind: 'pad' | 'sms', token: string) =>
  hmacSm3Hex(deps.config.secrets.lookupKey, `eval-${kind}:${token}`);

/** EVAL-3: the registered, active pad of a token, or 404 (an unregistered pad rates nothing). */
export async function getPadByToken(deps: Deps, token: string) {
  const pad = await repo.findPadByTokenHash(deps.db, tokenHash(deps, 'pad', token));
  if (!pad) throw new EvaluationsError('EVAL_PAD_NOT_REGISTERED');
  return pad;
}
