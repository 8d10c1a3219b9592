import { GuideLang, type PublicGuide } from '@tongban/contracts';
import { type Deps } from '../../../platform/app-types';
import { CatalogError } from '../catalog.errors';
import { getPublishedVersion } from './get-version';
import { langsOf } from './search-public';

export type { PublicGuide };

/** The public guide of a live item in one language; a missing language is a 404 naming those there are. */
export async function getPublicGuide(deps: Deps, itemId: string, lang: GuideLang): Promise<PublicGuide> {
  const v = await getPublishedVersion(deps, itemId);
  const availableLangs = langsOf(v.guides);
  const guide = v.guides[lang];
  if (!guide)
    throw new CatalogError(
      'CATALOG_GUIDE_LANG_MISSING',
      `该事项暂无${LANG_NAMES[lang]}办事指南，可选语种：${availableLangs.map((l) => LANG_NAMES[l]).join('、')}`,
      { availableLangs },
    );
  const { guides: _g, createdBy: _c, publishedBy: _p, namePinyin: _n, namePinyinInitials: _i, ...item } = v;
  return { lang, availableLangs, guide, item, guidePath: guidePathOf(itemId) };
}

export const LANG_NAMES: Record<GuideLang, string> = { zh: '中文', en: '英文', ru: '俄文', ko: '韩文' };

export const guidePathOf = (itemId: string) => `/guide/${itemId}`;
