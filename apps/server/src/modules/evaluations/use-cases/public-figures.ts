import type { PublicFigures } from '@tongban/contracts';
import type { Deps } from '../../../platform/app-types';
import { computeFigures } from './get-figures';

/** The hall's figures as provinces publish them: totals and departments, no people (公开). */
export async function getPublicFigures(deps: Deps, regionCode: string): Promise<PublicFigures> {
  const f = await computeFigures(deps.db, `${regionCode}%`, { by: 'department' }, deps.clock.now());
  return {
    regionName: '',
    from: f.from,
    to: f.to,
    total: f.total,
    departments: f.rows.filter((r) => r.key !== 'none'),
  };
}
