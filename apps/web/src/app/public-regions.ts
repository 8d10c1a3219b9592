import { useQuery } from '@tanstack/react-query';
import type { PublicHall } from '@tongban/contracts';
import { apiRequest } from './api-client';

/** The public hall list (GET /api/public/hall/halls): booking reads its groups, the forms its regions. */
export const publicHallsQuery = {
  queryKey: ['hall', 'public-halls'],
  queryFn: () => apiRequest<{ halls: PublicHall[] }>('/api/public/hall/halls'),
};

export type PublicRegionChoice = { regionCode: string; label: string };

/**
 * The regions this site serves, as a citizen knows them: by their service center. The portal's public
 * forms (网上留言, 中介入驻) are filed in one of them; with a single one nobody is asked.
 */
export function usePublicRegions() {
  const q = useQuery(publicHallsQuery);
  const seen = new Map<string, PublicRegionChoice>();
  for (const h of q.data?.halls ?? [])
    if (!seen.has(h.regionCode)) seen.set(h.regionCode, { regionCode: h.regionCode, label: h.name });
  return { isLoading: q.isLoading, choices: [...seen.values()] };
}
