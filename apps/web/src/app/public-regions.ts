import { useQuery } from '@tanstack/react-query';
import type { PublicHall } from '@tongban/contracts';
import { apiRequest } from './api-client';

export type PublicRegionChoice = { regionCode: string; label: string };

/**
 * The regions this site serves, as a citizen knows them: by their service center. The portal's public
 * forms (网上留言, 中介入驻) are filed in one of them; with a single one nobody is asked.
 */
export function usePublicRegions() {
  const q = useQuery({
    queryKey: ['hall', 'public-halls'],
    queryFn: () => apiRequest<{ halls: PublicHall[] }>('/api/public/hall/halls'),
    staleTime: 60_000,
  });
  const seen = new Map<string, PublicRegionChoice>();
  for (const h of q.data?.halls ?? [])
    if (!seen.has(h.regionCode)) seen.set(h.regionCode, { regionCode: h.regionCode, label: h.name });
  return { isLoading: q.isLoading, choices: [...seen.values()] };
}
