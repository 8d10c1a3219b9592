import dayjs from 'dayjs';

/**
 * An instant as the user's clock reads it: 2026-11-20T01:30:00.000Z → 2026-11-20 09:30 in China.
 * (Cutting the ISO string would show UTC, eight hours behind the hall's clocks.)
 */
export const formatInstant = (iso: string | null | undefined): string =>
  iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—';
