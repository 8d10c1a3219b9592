import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Booking,
  BookingHoldInput,
  CallScreen,
  ConsoleState,
  HallFigures,
  HallSettings,
  HallOverview,
  InspectionNotice,
  Patrol,
  PatrolDay,
  PatrolProblem,
  PatrolProblemInput,
  PresenceBoard,
  PresenceRegister,
  Slot,
  Ticket,
  TicketIssueInput,
  TidalView,
} from '@tongban/contracts';
import { apiRequest, apiUpload } from '../../app/api-client';
import { publicHallsQuery } from '../../app/public-regions';

export const usePublicHalls = () => useQuery(publicHallsQuery);

export const useSlots = (hallId: string | undefined, groupId: string | undefined, date: string) =>
  useQuery({
    queryKey: ['hall', 'slots', hallId, groupId, date],
    enabled: !!hallId && !!groupId,
    queryFn: () =>
      apiRequest<{ slots: Slot[] }>(
        `/api/public/hall/slots?hallId=${hallId}&groupId=${groupId}&date=${date}`,
      ),
  });

export const holdBooking = (body: BookingHoldInput) =>
  apiRequest<Booking>('/api/public/hall/bookings', { method: 'POST', body });
export const confirmBooking = (id: string, code: string) =>
  apiRequest<Booking>(`/api/public/hall/bookings/${id}/confirm`, { method: 'POST', body: { code } });
export const cancelBooking = (id: string, code: string) =>
  apiRequest<Booking>(`/api/public/hall/bookings/${id}/cancel`, { method: 'POST', body: { code } });
export const issueTicket = (body: TicketIssueInput) =>
  apiRequest<Ticket>('/api/public/hall/tickets', { method: 'POST', body });
export const checkIn = (hallId: string, idNumber: string) =>
  apiRequest<Ticket>('/api/public/hall/check-in', { method: 'POST', body: { hallId, idNumber } });

export const useCallScreen = (hallId: string) =>
  useQuery({
    queryKey: ['hall', 'calls', hallId],
    queryFn: () => apiRequest<CallScreen>(`/api/public/hall/halls/${hallId}/calls`),
    refetchInterval: 30_000,
  });
export const usePresenceBoard = (hallId: string) =>
  useQuery({
    queryKey: ['hall', 'board', hallId],
    queryFn: () => apiRequest<PresenceBoard>(`/api/public/hall/halls/${hallId}/board`),
    refetchInterval: 60_000,
  });

export const useOverview = (hallId: string | undefined) =>
  useQuery({
    queryKey: ['hall', 'overview', hallId],
    enabled: !!hallId,
    queryFn: () => apiRequest<HallOverview>(`/api/hall/halls/${hallId}/overview`),
    refetchInterval: 15_000,
  });
export const useConsole = (hallId: string | undefined) =>
  useQuery({
    queryKey: ['hall', 'console', hallId],
    enabled: !!hallId,
    queryFn: () => apiRequest<ConsoleState>(`/api/hall/halls/${hallId}/console`),
    refetchInterval: 10_000,
  });
export const useTidal = (hallId: string | undefined) =>
  useQuery({
    queryKey: ['hall', 'tidal', hallId],
    enabled: !!hallId,
    queryFn: () => apiRequest<TidalView>(`/api/hall/halls/${hallId}/tidal`),
  });
export const useRegister = (hallId: string | undefined) =>
  useQuery({
    queryKey: ['hall', 'register', hallId],
    enabled: !!hallId,
    queryFn: () => apiRequest<PresenceRegister>(`/api/hall/halls/${hallId}/register?days=30`),
  });
export const usePatrolDay = (hallId: string | undefined) =>
  useQuery({
    queryKey: ['hall', 'patrols', hallId],
    enabled: !!hallId,
    queryFn: () => apiRequest<PatrolDay>(`/api/hall/halls/${hallId}/patrols`),
  });
export const useNotices = () =>
  useQuery({
    queryKey: ['hall', 'notices'],
    queryFn: () => apiRequest<{ notices: InspectionNotice[] }>('/api/hall/notices'),
  });
export const useFigures = (hallId: string | undefined, from: string, to: string) =>
  useQuery({
    queryKey: ['hall', 'figures', hallId, from, to],
    enabled: !!hallId,
    queryFn: () => apiRequest<HallFigures>(`/api/hall/figures?hallId=${hallId}&from=${from}&to=${to}`),
  });
export const useTickets = (query: string | null) =>
  useQuery({
    queryKey: ['hall', 'tickets', query],
    enabled: query !== null,
    queryFn: () => apiRequest<{ tickets: Ticket[] }>(`/api/hall/tickets?${query}`),
  });
export const useProblems = (hallId: string | undefined, month: string, departmentId?: string) =>
  useQuery({
    queryKey: ['hall', 'problems', hallId, month, departmentId],
    enabled: !!hallId,
    queryFn: () =>
      apiRequest<{ problems: PatrolProblem[] }>(
        `/api/hall/halls/${hallId}/patrol-problems?month=${month}${departmentId ? `&departmentId=${departmentId}` : ''}`,
      ),
  });

/** A mutation that refreshes every hall query when it succeeds. */
export function useHallAction<A, R>(fn: (arg: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['hall'] }) });
}

export const useHallSettings = () =>
  useQuery({
    queryKey: ['hall', 'settings'],
    queryFn: () => apiRequest<HallSettings>('/api/hall/settings'),
  });
export const saveHallSettings = (body: HallSettings) =>
  apiRequest<HallSettings>('/api/hall/settings', { method: 'PUT', body });

export const post = <R>(path: string, body?: unknown) => apiRequest<R>(path, { method: 'POST', body });
export const addProblem = (patrolId: string, body: PatrolProblemInput) =>
  post<PatrolProblem>(`/api/hall/patrols/${patrolId}/problems`, body);
export const uploadProblemPhoto = (problemId: string, file: File) => {
  const form = new FormData();
  form.append('file', file);
  return apiUpload<{ photo: string }>(`/api/hall/patrol-problems/${problemId}/photo`, form);
};
export type { Patrol };
