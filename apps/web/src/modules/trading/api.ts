import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TradingComplaint,
  TradingComplaintAnswer,
  TradingComplaintCreate,
  BidCreate,
  DepositBoard,
  DepositCreate,
  Draw,
  DrawCreate,
  DrawReplay,
  ExpertList,
  ProjectCreate,
  ProjectDetail,
  ProjectList,
  ProjectSummary,
  ProjectTransition,
  PublicProject,
  RefundCreate,
  SweepResult,
  TradingFigures,
} from '@tongban/contracts';
import { apiRequest } from '../../app/api-client';

export const useProjects = () =>
  useQuery({
    queryKey: ['trading', 'projects'],
    queryFn: () => apiRequest<ProjectList>('/api/trading/projects?limit=200'),
  });
export const useProject = (id: string) =>
  useQuery({
    queryKey: ['trading', 'project', id],
    queryFn: () => apiRequest<ProjectDetail>(`/api/trading/projects/${id}`),
  });
export const useDraw = (id: string | null) =>
  useQuery({
    queryKey: ['trading', 'draw', id],
    enabled: !!id,
    queryFn: () => apiRequest<Draw>(`/api/trading/draws/${id}`),
  });
export const useDeposits = (view: 'overdue' | 'unrefunded' | 'all', projectId?: string) =>
  useQuery({
    queryKey: ['trading', 'deposits', view, projectId],
    queryFn: () =>
      apiRequest<DepositBoard>(
        `/api/trading/deposits?view=${view}&limit=500${projectId ? `&projectId=${projectId}` : ''}`,
      ),
  });
export const useExperts = () =>
  useQuery({
    queryKey: ['trading', 'experts'],
    queryFn: () => apiRequest<ExpertList>('/api/trading/experts?limit=500'),
  });
export const useFigures = () =>
  useQuery({
    queryKey: ['trading', 'figures'],
    queryFn: () => apiRequest<TradingFigures>('/api/trading/figures'),
  });
export const usePublicProject = (no: string) =>
  useQuery({
    queryKey: ['trading', 'public', no],
    queryFn: () => apiRequest<PublicProject>(`/api/public/trading/projects/${no}`),
  });

function useTradingMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['trading'] }) });
}

export const useRegisterProject = () =>
  useTradingMutation((b: ProjectCreate) =>
    apiRequest<ProjectSummary>('/api/trading/projects', { method: 'POST', body: b }),
  );
export const useTransition = (id: string) =>
  useTradingMutation((b: ProjectTransition) =>
    apiRequest(`/api/trading/projects/${id}/transition`, { method: 'POST', body: b }),
  );
export const useRecordBid = (id: string) =>
  useTradingMutation((b: BidCreate) =>
    apiRequest(`/api/trading/projects/${id}/bids`, { method: 'POST', body: b }),
  );
export const useRecordDeposit = (id: string) =>
  useTradingMutation((b: DepositCreate) =>
    apiRequest(`/api/trading/projects/${id}/deposits`, { method: 'POST', body: b }),
  );
export const useCommitDraw = (id: string) =>
  useTradingMutation((b: DrawCreate) =>
    apiRequest<Draw>(`/api/trading/projects/${id}/draws`, { method: 'POST', body: b }),
  );
export const useRunDraw = () =>
  useTradingMutation((drawId: string) =>
    apiRequest<Draw>(`/api/trading/draws/${drawId}/run`, { method: 'POST' }),
  );
export const useOpenDraw = () =>
  useTradingMutation((drawId: string) =>
    apiRequest<Draw>(`/api/trading/draws/${drawId}/open`, { method: 'POST' }),
  );
export const replayDraw = (drawId: string) => apiRequest<DrawReplay>(`/api/trading/draws/${drawId}/replay`);
export const useRefund = () =>
  useTradingMutation(({ id, body }: { id: string; body: RefundCreate }) =>
    apiRequest(`/api/trading/deposits/${id}/refund`, { method: 'POST', body }),
  );
export const useSweep = () =>
  useTradingMutation(() => apiRequest<SweepResult>('/api/trading/deposits/sweep', { method: 'POST' }));
export const useFileComplaint = (id: string) =>
  useTradingMutation((b: TradingComplaintCreate) =>
    apiRequest<TradingComplaint>(`/api/trading/projects/${id}/complaints`, { method: 'POST', body: b }),
  );
export const useAnswerComplaint = (id: string) =>
  useTradingMutation(({ complaintId, body }: { complaintId: string; body: TradingComplaintAnswer }) =>
    apiRequest<TradingComplaint>(`/api/trading/projects/${id}/complaints/${complaintId}/answer`, {
      method: 'POST',
      body,
    }),
  );
