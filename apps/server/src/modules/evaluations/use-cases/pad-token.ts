import { timingSafeEqual } from 'node:crypto';
import type { Deps } from '../../../platform/app-types';
import { hmacSm3Hex } from '../../../platform/crypto';
import type { Executor } from '../../../platform/db';
import { orgService } from '../../org';
import { EvaluationsError } from '../evaluations.errors';
import * as repo from '../evaluations.repository';

/** Tokens (pads, SMS links) are stored as keyed SM3 only: a copy of the tables opens nothing. */
export const tokenHash = (deps: Deps, kind: 'pad' | 'sms', token: string) =>
  hmacSm3Hex(deps.config.secrets.lookupKey, `eval-${kind}:${token}`);

const windowMac = (deps: Deps, windowId: string) =>
  hmacSm3Hex(deps.config.secrets.lookupKey, `eval-window-qr:${windowId}`).slice(0, 24);

/**
 * The key in a window's printed QR code (扫码评价): the window's id and a keyed SM3 of it, so the
 * code stays the same every time it is printed and nobody makes one for a window without the key.
 * It opens the same rating page as a pad, bound to that window.
 */
export const windowKey = (deps: Deps, windowId: string) =>
  `W${windowId.replace(/-/g, '')}${windowMac(deps, windowId)}`;

/** The window of a QR key, or null when it is not one (or forged). */
export function windowOfKey(deps: Deps, key: string): string | null {
  const m = /^W([0-9a-f]{32})([0-9a-f]{24})$/.exec(key);
  if (!m) return null;
  const h = m[1]!;
  const id = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  const ok = timingSafeEqual(Buffer.from(windowMac(deps, id)), Buffer.from(m[2]!));
  return ok ? id : null;
}

/** Where ratings from a pad page come from: a registered pad, or a window's QR code (no pad). */
export type RatingSource = { padId: string | null; regionCode: string; windowId: string };

/**
 * EVAL-3: the registered, active pad of a token, or the window of a QR key; else 404 (an unregistered
 * pad rates nothing).
 */
export async function getRatingSource(deps: Deps, db: Executor, token: string): Promise<RatingSource> {
  const windowId = windowOfKey(deps, token);
  if (windowId) {
    const w = await orgService.findWindowById(db, windowId);
    if (w) return { padId: null, regionCode: w.regionCode, windowId: w.id };
  } else {
    const pad = await repo.findPadByTokenHash(db, tokenHash(deps, 'pad', token));
    if (pad) return { padId: pad.id, regionCode: pad.regionCode, windowId: pad.windowId };
  }
  throw new EvaluationsError('EVAL_PAD_NOT_REGISTERED');
}
