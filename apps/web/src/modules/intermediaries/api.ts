import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  IntermediaryList,
  IntermediaryRegister,
  IntermediaryRegistered,
  ItemLink,
  MarketFigures,
  MarketRuleList,
  PurchaseAdvance,
  PurchaseCreate,
  PurchaseList,
  PurchaseSelect,
} from '@tongban/contracts';
import { apiRequest } from '../../app/api-client';

export const usePurchases = () =>
  useQuery({
    queryKey: ['im', 'purchases'],
    queryFn: () => apiRequest<PurchaseList>('/api/intermediaries/purchases'),
  });
export const useMarketFigures = () =>
  useQuery({
    queryKey: ['im', 'figures'],
    queryFn: () => apiRequest<MarketFigures>('/api/intermediaries/figures'),
  });
export const useLinks = () =>
  useQuery({
    queryKey: ['im', 'links'],
    queryFn: () => apiRequest<{ items: ItemLink[] }>('/api/intermediaries/links'),
  });
export const usePublicMarket = () =>
  useQuery({
    queryKey: ['im', 'public'],
    queryFn: () => apiRequest<IntermediaryList>('/api/public/intermediaries'),
  });
export const usePublicPurchases = () =>
  useQuery({
    queryKey: ['im', 'public-purchases'],
    queryFn: () => apiRequest<PurchaseList>('/api/public/intermediaries/purchases'),
  });
export const useRules = () =>
  useQuery({
    queryKey: ['im', 'rules'],
    queryFn: () => apiRequest<MarketRuleList>('/api/public/intermediaries/rules'),
  });

function useImMutation<I, O>(fn: (i: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['im'] }) });
}
export const useRegisterIntermediary = () =>
  useImMutation((b: IntermediaryRegister) =>
    apiRequest<IntermediaryRegistered>('/api/public/intermediaries', { method: 'POST', body: b }),
  );
export const useCreatePurchase = () =>
  useImMutation((b: PurchaseCreate) =>
    apiRequest<{ id: string }>('/api/intermediaries/purchases', { method: 'POST', body: b }),
  );
export const useSelect = () =>
  useImMutation(({ id, body }: { id: string; body: PurchaseSelect }) =>
    apiRequest(`/api/intermediaries/purchases/${id}/select`, { method: 'POST', body }),
  );
export const useAdvance = () =>
  useImMutation(({ id, body }: { id: string; body: PurchaseAdvance }) =>
    apiRequest(`/api/intermediaries/purchases/${id}/advance`, { method: 'POST', body }),
  );
export const useCheckLink = () =>
  useImMutation(({ id, approve }: { id: string; approve: boolean }) =>
    apiRequest(`/api/intermediaries/links/${id}/check`, { method: 'POST', body: { approve } }),
  );
