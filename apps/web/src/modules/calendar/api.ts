import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CalendarDays,
  CalendarStatus,
  DeadlineResult,
  HolidayNoticeApplied,
  HolidayNoticeInput,
  HolidayNoticePreview,
  LocalDay,
  LocalDayInput,
} from '@tongban/contracts';
import { apiRequest } from '../../app/api-client';

export const calendarKeys = {
  all: ['calendar'] as const,
  days: (regionCode: string, from: string, to: string) => ['calendar', 'days', regionCode, from, to] as const,
  deadline: (regionCode: string, start: string, n: number) =>
    ['calendar', 'deadline', regionCode, start, n] as const,
  status: ['calendar', 'status'] as const,
};

const query = (params: Record<string, string | number>) =>
  new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();

export const useCalendarDays = (regionCode: string, from: string, to: string) =>
  useQuery({
    queryKey: calendarKeys.days(regionCode, from, to),
    queryFn: () => apiRequest<CalendarDays>(`/api/calendar/days?${query({ regionCode, from, to })}`),
    enabled: !!regionCode,
    placeholderData: (previous) => previous,
  });

export const useDeadline = (regionCode: string, start: string | undefined, n: number | null) =>
  useQuery({
    queryKey: calendarKeys.deadline(regionCode, start ?? '', n ?? -1),
    queryFn: () =>
      apiRequest<DeadlineResult>(`/api/calendar/deadline?${query({ regionCode, start: start!, n: n! })}`),
    enabled: !!regionCode && !!start && n !== null && Number.isInteger(n) && n >= 0,
    // The 期限计算 card shows a bad input's message itself.
    meta: { silent: true },
    placeholderData: (previous) => previous,
  });

/** CAL-2: whether next year's national days are still missing (admin home warning). */
export const useCalendarStatus = (enabled = true) =>
  useQuery({
    queryKey: calendarKeys.status,
    queryFn: () => apiRequest<CalendarStatus>('/api/calendar/status'),
    enabled,
  });

/** Adding or removing a local day changes every view and deadline of the calendar. */
export function useAddLocalDay() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: LocalDayInput) =>
      apiRequest<LocalDay>('/api/calendar/local-days', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: calendarKeys.all }),
  });
}

export function useRemoveLocalDay() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest<void>(`/api/calendar/local-days/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: calendarKeys.all }),
  });
}

/** CAL-2: what a pasted State Council notice says, day by day; nothing is saved. */
export function usePreviewHolidayNotice() {
  return useMutation({
    mutationFn: (input: HolidayNoticeInput) =>
      apiRequest<HolidayNoticePreview>('/api/calendar/national/notice-preview', {
        method: 'POST',
        body: input,
      }),
    meta: { silent: true },
  });
}

/** CAL-2: loads the notice's year; every view and deadline of the calendar changes. */
export function useApplyHolidayNotice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: HolidayNoticeInput) =>
      apiRequest<HolidayNoticeApplied>('/api/calendar/national/notice', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: calendarKeys.all }),
    meta: { silent: true },
  });
}
