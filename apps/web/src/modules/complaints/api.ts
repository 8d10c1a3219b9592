import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ComplaintDetail,
  ComplaintFigures,
  ComplaintIntakeInput,
  ComplaintList,
  DispatchSuggestion,
  ComplaintFigureDimension,
  ImportResult,
  PublicComplaintReply,
  UnresolvedBoard,
  CatalogPublishInput,
  CatalogVersionList,
  DispatchCatalog,
  LeaderBoard,
} from '@tongban/contracts';
import { apiRequest, apiUpload } from '../../app/api-client';

export type Department = { id: string; name: string; shortName: string };

export const useDepartments = () =>
  useQuery({
    queryKey: ['complaints', 'departments'],
    queryFn: async () => (await apiRequest<{ items: Department[] }>('/api/org/departments')).items,
  });

export const useComplaints = (params: Record<string, string | undefined>) => {
  const qs = new URLSearchParams(
    Object.entries(params).filter(([, v]) => v) as [string, string][],
  ).toString();
  return useQuery({
    queryKey: ['complaints', 'list', qs],
    queryFn: () => apiRequest<ComplaintList>(`/api/complaints?${qs}`),
  });
};

export const useComplaint = (id: string) =>
  useQuery({
    queryKey: ['complaints', 'detail', id],
    queryFn: () => apiRequest<ComplaintDetail>(`/api/complaints/${id}`),
  });

export const useSuggestion = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: ['complaints', 'suggestion', id],
    queryFn: () => apiRequest<DispatchSuggestion>(`/api/complaints/${id}/suggestion`),
    enabled,
  });

export const useFigures = (by: ComplaintFigureDimension) =>
  useQuery({
    queryKey: ['complaints', 'figures', by],
    queryFn: () => apiRequest<ComplaintFigures>(`/api/complaints/figures?by=${by}`),
  });

export const useUnresolved = () =>
  useQuery({
    queryKey: ['complaints', 'unresolved'],
    queryFn: () => apiRequest<UnresolvedBoard>('/api/complaints/unresolved'),
  });

export function useAct(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ verb, body }: { verb: string; body: Record<string, unknown> }) =>
      apiRequest<{ id: string; version: number }>(`/api/complaints/${id}/${verb}`, { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['complaints'] }),
  });
}

export function useIntake() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ComplaintIntakeInput) =>
      apiRequest<{ id: string; orderNo: string }>('/api/complaints', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['complaints'] }),
  });
}

export function useImportSheet() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return apiUpload<ImportResult>('/api/complaints/hotline/import.xlsx', form);
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['complaints'] }),
  });
}

export function useReopenCase(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; caseId: string }) =>
      apiRequest<{ caseId: string; caseNo: string }>(`/api/complaints/${id}/reopen-case`, {
        method: 'POST',
        body,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['complaints'] }),
  });
}

export const submitPublic = (body: Record<string, unknown>) =>
  apiRequest<PublicComplaintReply>('/api/public/complaints', { method: 'POST', body });

export const useLeaderBoard = () =>
  useQuery({
    queryKey: ['complaints', 'leader'],
    queryFn: () => apiRequest<LeaderBoard>('/api/complaints/leader'),
  });

export const useCatalogVersions = () =>
  useQuery({
    queryKey: ['complaints', 'catalog', 'versions'],
    queryFn: () => apiRequest<CatalogVersionList>('/api/complaints/catalog/versions'),
  });

/** A version of the 派单目录 (undefined: the one in force). */
export const useCatalog = (version?: number) =>
  useQuery({
    queryKey: ['complaints', 'catalog', version ?? 'current'],
    queryFn: () =>
      apiRequest<DispatchCatalog>(
        version ? `/api/complaints/catalog/versions/${version}` : '/api/complaints/catalog',
      ),
  });

export function usePublishCatalog() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CatalogPublishInput) =>
      apiRequest<{ version: number }>('/api/complaints/catalog', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['complaints', 'catalog'] }),
  });
}

/** 意见簿: the page's photo, attached to the entry typed in from it. */
export function useUploadPhoto() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, file }: { id: string; version: number; file: File }) => {
      const form = new FormData();
      form.append('file', file);
      return apiUpload<{ id: string; version: number }>(
        `/api/complaints/${id}/photo?version=${version}`,
        form,
      );
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['complaints'] }),
  });
}
