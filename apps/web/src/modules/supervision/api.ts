import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Board,
  ClockList,
  Dashboard,
  FigureCases,
  FigureCut,
  FigureKey,
  FiguresReply,
  OrderList,
  OrderStatus,
  SupervisionColour,
  SupervisionOrder,
  SupervisionBundleBoard,
  ThresholdInput,
  ThresholdList,
  ThresholdRow,
  WorkList,
} from '@tongban/contracts';
import { apiRequest } from '../../app/api-client';

const qs = (o: Record<string, string | number | undefined>) =>
  new URLSearchParams(
    Object.entries(o).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '') as [
      string,
      string,
    ][],
  ).toString();

export const useBoard = () =>
  useQuery({
    queryKey: ['supervision', 'board'],
    queryFn: () => apiRequest<Board>('/api/supervision/board'),
  });

export const useClocks = (f: { colour?: SupervisionColour | undefined; departmentId?: string | undefined }) =>
  useQuery({
    queryKey: ['supervision', 'clocks', f],
    queryFn: () => apiRequest<ClockList>(`/api/supervision/clocks?${qs({ ...f, limit: 500 })}`),
  });

export const useOrders = (status?: OrderStatus) =>
  useQuery({
    queryKey: ['supervision', 'orders', status],
    queryFn: () => apiRequest<OrderList>(`/api/supervision/orders?${qs({ status })}`),
  });

export const useOrder = (id: string) =>
  useQuery({
    queryKey: ['supervision', 'order', id],
    queryFn: () => apiRequest<SupervisionOrder>(`/api/supervision/orders/${id}`),
  });

export function useReplyOrder(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (reply: string) =>
      apiRequest<SupervisionOrder>(`/api/supervision/orders/${id}/reply`, {
        method: 'POST',
        body: { reply },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['supervision'] }),
  });
}

export function useRefresh() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest('/api/supervision/refresh', { method: 'POST', body: {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['supervision'] }),
  });
}

export type Period = { from: string; to: string };

export const useFigures = (p: Period & { cut: FigureCut }) =>
  useQuery({
    queryKey: ['supervision', 'figures', p],
    queryFn: () => apiRequest<FiguresReply>(`/api/supervision/figures?${qs(p)}`),
  });

export type FigureCasesFilter = Period & {
  figure: FigureKey;
  part: 'numerator' | 'denominator';
  departmentId?: string | undefined;
  itemId?: string | undefined;
  channel?: string | undefined;
  month?: string | undefined;
  regionCode?: string | undefined;
  hallId?: string | undefined;
  township?: string | undefined;
};

export const useFigureCases = (f: FigureCasesFilter | null) =>
  useQuery({
    queryKey: ['supervision', 'figure-cases', f],
    enabled: f !== null,
    queryFn: () => apiRequest<FigureCases>(`/api/supervision/figures/cases?${qs({ ...f!, limit: 500 })}`),
  });

export const useDashboard = (p: Period) =>
  useQuery({
    queryKey: ['supervision', 'dashboard', p],
    queryFn: () => apiRequest<Dashboard>(`/api/supervision/dashboard?${qs(p)}`),
  });

export const figuresXlsxUrl = (p: Period & { cut: FigureCut }) => `/api/supervision/figures.xlsx?${qs(p)}`;

export const useWork = () =>
  useQuery({
    queryKey: ['supervision', 'work'],
    queryFn: () => apiRequest<WorkList>('/api/supervision/work'),
  });

export const useThresholds = () =>
  useQuery({
    queryKey: ['supervision', 'thresholds'],
    queryFn: () => apiRequest<ThresholdList>('/api/supervision/thresholds'),
  });

export function useSetThreshold() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { itemId: string } & ThresholdInput) =>
      apiRequest<ThresholdRow>(`/api/supervision/thresholds/${v.itemId}`, {
        method: 'PUT',
        body: { warningDays: v.warningDays, stepDays: v.stepDays },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['supervision'] }),
  });
}

export const useBundles = (p: Period) =>
  useQuery({
    queryKey: ['supervision', 'bundles', p],
    queryFn: () => apiRequest<SupervisionBundleBoard>(`/api/supervision/bundles?${qs(p)}`),
  });
