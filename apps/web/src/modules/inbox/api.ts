import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InboxCounts, InboxList, InboxQuery } from '@tongban/contracts';
import { apiRequest } from '../../app/api-client';

const KEY = ['inbox'] as const;

export function useInboxCounts(enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'counts'],
    queryFn: () => apiRequest<InboxCounts>('/api/inbox/counts'),
    enabled,
    // New to-dos arrive with other people's work: look again every half minute.
    refetchInterval: 30_000,
  });
}

export function useInbox(q: Pick<InboxQuery, 'filter'> & { page: number; pageSize: number }) {
  const params = new URLSearchParams({
    filter: q.filter,
    limit: String(q.pageSize),
    offset: String((q.page - 1) * q.pageSize),
  });
  return useQuery({
    queryKey: [...KEY, 'list', q],
    queryFn: () => apiRequest<InboxList>(`/api/inbox?${params.toString()}`),
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>(`/api/inbox/${id}/read`, { method: 'POST', body: {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<void>('/api/inbox/read-all', { method: 'POST', body: {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}
