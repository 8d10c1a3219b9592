import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BadReviewDetail,
  BadReviewList,
  EvalSetting,
  FigureDimension,
  Figures,
  FlagList,
  PadList,
  PadRatingInput,
  PadRegistered,
  PadView,
  PublicFigures,
  RatingList,
  RatingReceipt,
  SmsLinkView,
  SmsRatingInput,
} from '@tongban/contracts';
import { apiRequest, apiUpload } from '../../app/api-client';

const seg = encodeURIComponent;

// ── Public ──
export const usePadView = (token: string) =>
  useQuery({
    queryKey: ['eval-pad', token],
    queryFn: () => apiRequest<PadView>(`/api/public/evaluations/pads/${seg(token)}`),
    // The pad polls for the next visit to rate.
    refetchInterval: 5_000,
    retry: true,
  });
export const submitPadRating = (token: string, body: PadRatingInput) =>
  apiRequest<RatingReceipt>(`/api/public/evaluations/pads/${seg(token)}/ratings`, { method: 'POST', body });

export const useSmsLink = (token: string) =>
  useQuery({
    queryKey: ['eval-sms', token],
    queryFn: () => apiRequest<SmsLinkView>(`/api/public/evaluations/sms/${seg(token)}`),
    retry: false,
  });
export const submitSmsRating = (token: string, body: SmsRatingInput) =>
  apiRequest<RatingReceipt>(`/api/public/evaluations/sms/${seg(token)}`, { method: 'POST', body });
export const submitCaseRating = (body: SmsRatingInput & { caseNo: string; queryCode: string }) =>
  apiRequest<RatingReceipt>('/api/public/evaluations/case-ratings', { method: 'POST', body });

export const usePublicFigures = (regionCode: string) =>
  useQuery({
    queryKey: ['eval-public-figures', regionCode],
    queryFn: () => apiRequest<PublicFigures>(`/api/public/evaluations/figures/${seg(regionCode)}`),
    enabled: regionCode !== '',
  });

// ── Signed in ──
export const usePads = () =>
  useQuery({ queryKey: ['eval-pads'], queryFn: () => apiRequest<PadList>('/api/evaluations/pads') });
export function useRegisterPad() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { windowId: string; label: string }) =>
      apiRequest<PadRegistered>('/api/evaluations/pads', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['eval-pads'] }),
  });
}
export function useRevokePad() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest<void>(`/api/evaluations/pads/${seg(id)}/revoke`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['eval-pads'] }),
  });
}
export const openVisit = (windowId: string) =>
  apiRequest<{ id: string }>('/api/evaluations/visits', { method: 'POST', body: { windowId } });

export const useBadReviews = (status?: string) =>
  useQuery({
    queryKey: ['eval-bad-reviews', status ?? 'all'],
    queryFn: () =>
      apiRequest<BadReviewList>(`/api/evaluations/bad-reviews${status ? `?status=${seg(status)}` : ''}`),
  });
export const useBadReview = (id: string) =>
  useQuery({
    queryKey: ['eval-bad-review', id],
    queryFn: () => apiRequest<BadReviewDetail>(`/api/evaluations/bad-reviews/${seg(id)}`),
  });
export function useBadReviewAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body: object }) =>
      apiRequest<unknown>(`/api/evaluations/bad-reviews/${seg(id)}/${path}`, { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['eval-bad-review', id] }),
  });
}
export const uploadEvidence = (id: string, file: File) => {
  const form = new FormData();
  form.append('file', file);
  return apiUpload<{ sha256: string; name: string }>(
    `/api/evaluations/bad-reviews/${seg(id)}/evidence`,
    form,
  );
};

export const useFigures = (by: FigureDimension) =>
  useQuery({
    queryKey: ['eval-figures', by],
    queryFn: () => apiRequest<Figures>(`/api/evaluations/figures?by=${by}`),
  });
export const useRatings = (filter: Record<string, string> | null) =>
  useQuery({
    queryKey: ['eval-ratings', filter],
    enabled: filter !== null,
    queryFn: () => apiRequest<RatingList>(`/api/evaluations/ratings?${new URLSearchParams(filter ?? {})}`),
  });
export const useFlags = () =>
  useQuery({ queryKey: ['eval-flags'], queryFn: () => apiRequest<FlagList>('/api/evaluations/flags') });
export const useSetting = () =>
  useQuery({
    queryKey: ['eval-setting'],
    queryFn: () => apiRequest<EvalSetting>('/api/evaluations/settings'),
  });

/** Whether a tracked case can be rated online (concluded, not yet rated), by its tracking credentials. */
export type CaseRatingStatus = {
  concluded: boolean;
  rated: boolean;
  itemName: string;
  departmentName: string;
};
export const useCaseRatingStatus = (caseNo: string, queryCode: string) =>
  useQuery({
    queryKey: ['eval-case-status', caseNo, queryCode],
    queryFn: () =>
      apiRequest<CaseRatingStatus>('/api/public/evaluations/case-ratings/status', {
        method: 'POST',
        body: { caseNo, queryCode },
      }),
    enabled: Boolean(caseNo && queryCode),
    retry: false,
    staleTime: 60_000,
  });
