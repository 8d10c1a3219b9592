import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { orgService } from '../../org';
import { EvaluationsError } from '../evaluations.errors';
import { windowKey } from './pad-token';

/**
 * 扫码评价: the QR code to print for a window (SVG), linking a phone to the window's rating page. The
 * link comes from PUBLIC_BASE_URL, never from the request; the same window always gets the same code.
 */
export async function windowQr(
  deps: Deps,
  actor: Actor,
  windowId: string,
): Promise<{ svg: string; url: string; windowNumber: string; windowName: string }> {
  assertAccess(actor, 'evaluations.pad.read');
  const w = await orgService.findWindowById(deps.db, windowId);
  if (!w) throw new EvaluationsError('EVAL_WINDOW_NOT_FOUND');
  assertAccess(actor, 'evaluations.pad.read', { regionCode: w.regionCode });
  const url = `${deps.config.publicBaseUrl}/pad/${windowKey(deps, w.id)}`;
  const { default: QRCode } = await import('qrcode');
  const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { svg, url, windowNumber: w.number, windowName: w.name };
}
