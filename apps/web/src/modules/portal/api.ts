import { useQuery } from '@tanstack/react-query';
import type { MyCases, PublicReportList } from '@tongban/contracts';
import { apiRequest } from '../../app/api-client';

/** The published 整改通报 for the portal home (GET /api/public/reports). */
export function usePublicReports() {
  return useQuery({
    queryKey: ['public', 'reports'],
    queryFn: () => apiRequest<PublicReportList>('/api/public/reports'),
    staleTime: 60_000,
  });
}

/**
 * The verification token in what a citizen pastes: the code itself, or the whole link printed under
 * the license's QR code (…/verify/<token>).
 */
export function verifyTokenOf(pasted: string): string {
  const text = pasted.trim();
  const m = /\/verify\/([^/?#\s]+)/.exec(text);
  return (m ? decodeURIComponent(m[1]!) : text).trim();
}

/** 我的办件 of the signed-in applicant (GET /api/my/cases). */
export function useMyCases(enabled: boolean) {
  return useQuery({
    queryKey: ['my', 'cases'],
    queryFn: () => apiRequest<MyCases>('/api/my/cases'),
    enabled,
  });
}
