import { GuideLang, Id, PublicGuide } from '@tongban/contracts';
import type { Deps } from '../../../platform/app-types';
import { AppError } from '../../../platform/errors';
import { renderShell } from '../../../platform/web-shell';
import { guideShellParts } from '../guide-shell';
import { getPublicGuide } from './get-public-guide';

/**
 * The HTML of `/guide/:id`: the app's page with the guide's first screen and data filled in. An id or
 * language that names no published guide gets the plain app, which shows its own "not found" (the
 * same as before this page was rendered here), so the page answers like the API does.
 */
export async function renderGuidePage(
  deps: Deps,
  template: string,
  rawId: string,
  rawLang: unknown,
): Promise<string> {
  const id = Id.safeParse(rawId);
  const lang = GuideLang.safeParse(rawLang ?? 'zh');
  if (!id.success || !lang.success) return template;
  try {
    // Through the contract, so the page carries exactly what the API's reply would.
    const guide = PublicGuide.parse(await getPublicGuide(deps, id.data, lang.data));
    return renderShell(template, guideShellParts(guide));
  } catch (error) {
    if (error instanceof AppError && error.status < 500) return template;
    throw error;
  }
}
