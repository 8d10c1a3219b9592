import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Assessment,
  AssessmentInput,
  AutoFinding,
  AutoFindingAcceptInput,
  ReplayResult,
  ReviewPlan,
  ReviewPlanDetail,
  ReviewPlanInput,
  Scheme,
  SchemeInput,
  ScoreInput,
} from '@tongban/contracts';
import { apiRequest } from '../../app/api-client';

type Items<T> = { items: T[] };
const enc = encodeURIComponent;
export const reviewsKeys = {
  plans: ['reviews', 'plans'] as const,
  plan: (id: string) => ['reviews', 'plan', id] as const,
  assessments: ['reviews', 'assessments'] as const,
  assessment: (id: string) => ['reviews', 'assessment', id] as const,
  schemes: ['reviews', 'schemes'] as const,
  findings: ['reviews', 'findings'] as const,
  rules: ['reviews', 'rules'] as const,
};

export type AssessmentSummary = Omit<Assessment, 'units'> & { unitCount: number };
export type AutoRule = {
  key: AutoFinding['rule'];
  label: string;
  definition: string;
  threshold: number;
  unit: string;
  enabled: boolean;
  pending: boolean;
};
export type Department = { id: string; name: string; regionCode: string };
export type Reviewer = { id: string; displayName: string; role: string; departmentId: string | null };

export const usePlans = () =>
  useQuery({
    queryKey: reviewsKeys.plans,
    queryFn: async () => (await apiRequest<Items<ReviewPlan>>('/api/reviews/plans')).items,
  });
export const usePlan = (id: string) =>
  useQuery({
    queryKey: reviewsKeys.plan(id),
    queryFn: () => apiRequest<ReviewPlanDetail>(`/api/reviews/plans/${enc(id)}`),
  });
export const useDepartments = () =>
  useQuery({
    queryKey: ['reviews', 'departments'],
    queryFn: async () => (await apiRequest<Items<Department>>('/api/org/departments')).items,
  });
export const useReviewers = () =>
  useQuery({
    queryKey: ['reviews', 'reviewers'],
    queryFn: async () => (await apiRequest<Items<Reviewer>>('/api/reviews/reviewers')).items,
  });

export function useCreatePlan() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ReviewPlanInput) =>
      apiRequest<ReviewPlan>('/api/reviews/plans', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: reviewsKeys.plans }),
  });
}
export function useDrawPlan(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<ReviewPlanDetail>(`/api/reviews/plans/${enc(id)}/draw`, { method: 'POST' }),
    onSuccess: (d) => {
      qc.setQueryData(reviewsKeys.plan(id), d);
      void qc.invalidateQueries({ queryKey: reviewsKeys.plans });
    },
  });
}
export const fetchReplay = (id: string) => apiRequest<ReplayResult>(`/api/reviews/plans/${enc(id)}/replay`);
export function useScoreFile(planId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ fileId, body }: { fileId: string; body: ScoreInput }) =>
      apiRequest<ReviewPlanDetail>(`/api/reviews/files/${enc(fileId)}/score`, { method: 'POST', body }),
    onSuccess: (d) => {
      qc.setQueryData(reviewsKeys.plan(planId), d);
      void qc.invalidateQueries({ queryKey: reviewsKeys.findings });
    },
  });
}

export const useSchemes = () =>
  useQuery({
    queryKey: reviewsKeys.schemes,
    queryFn: async () => (await apiRequest<Items<Scheme>>('/api/reviews/schemes')).items,
  });
export function usePublishScheme() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SchemeInput) => apiRequest<Scheme>('/api/reviews/schemes', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: reviewsKeys.schemes }),
  });
}
export const useAssessments = () =>
  useQuery({
    queryKey: reviewsKeys.assessments,
    queryFn: async () => (await apiRequest<Items<AssessmentSummary>>('/api/reviews/assessments')).items,
  });
export const useAssessment = (id: string) =>
  useQuery({
    queryKey: reviewsKeys.assessment(id),
    queryFn: () => apiRequest<Assessment>(`/api/reviews/assessments/${enc(id)}`),
  });
export function useComputeAssessment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AssessmentInput) =>
      apiRequest<Assessment>('/api/reviews/assessments', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: reviewsKeys.assessments }),
  });
}

export const useAutoFindings = () =>
  useQuery({
    queryKey: reviewsKeys.findings,
    queryFn: async () => (await apiRequest<Items<AutoFinding>>('/api/reviews/auto-findings')).items,
  });
export const useAutoRules = () =>
  useQuery({
    queryKey: reviewsKeys.rules,
    queryFn: async () => (await apiRequest<Items<AutoRule>>('/api/reviews/rules')).items,
  });
export function useFindingActions() {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: reviewsKeys.findings });
  return {
    accept: useMutation({
      mutationFn: ({ id, body }: { id: string; body: AutoFindingAcceptInput }) =>
        apiRequest<AutoFinding>(`/api/reviews/auto-findings/${enc(id)}/accept`, { method: 'POST', body }),
      onSuccess: done,
    }),
    dismiss: useMutation({
      mutationFn: ({ id, reason }: { id: string; reason: string }) =>
        apiRequest<AutoFinding>(`/api/reviews/auto-findings/${enc(id)}/dismiss`, {
          method: 'POST',
          body: { reason },
        }),
      onSuccess: done,
    }),
    evaluate: useMutation({
      mutationFn: (month: string) =>
        apiRequest<{ opened: number; checked: number }>('/api/reviews/auto-findings/evaluate', {
          method: 'POST',
          body: { month },
        }),
      onSuccess: done,
    }),
  };
}
