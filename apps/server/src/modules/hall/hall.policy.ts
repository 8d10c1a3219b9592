// Pure rules of the hall (issue 19). No I/O.
import type { NoticeStatus, TicketPriority } from '@tongban/contracts';

/** QUE-1: called by priority class first (green channel, then checked-in appointments), then arrival. */
export const PRIORITY_RANK: Record<TicketPriority, number> = { green: 0, appointment: 1, normal: 2 };

/** Statuses that hold a place in a slot and count against the person's limits (APT-1). */
export const ACTIVE_BOOKING = ['held', 'confirmed', 'checked_in'] as const;

export type BookingSpan = { groupId: string; startsAt: Date; endsAt: Date };

/** APT-1: never two overlapping bookings of one person. */
export function overlaps(existing: readonly BookingSpan[], startsAt: Date, endsAt: Date): boolean {
  return existing.some((b) => b.startsAt < endsAt && b.endsAt > startsAt);
}

/**
 * APT-1: active bookings of the group whose slot starts within `periodDays` of the new one; the new
 * booking is allowed while this count is below the group's limit.
 */
export function bookingsInPeriod(
  existing: readonly BookingSpan[],
  groupId: string,
  startsAt: Date,
  periodDays: number,
): number {
  const span = periodDays * 86_400_000;
  return existing.filter(
    (b) => b.groupId === groupId && Math.abs(b.startsAt.getTime() - startsAt.getTime()) < span,
  ).length;
}

/** APT-1: enough no-shows within the window suspend online booking. */
export function shouldSuspend(noShowsInWindow: number, limit: number): boolean {
  return noShowsInWindow >= limit;
}

const SHANGHAI = 8 * 3600_000;

/** The instant of a Shanghai wall-clock time (date YYYY-MM-DD, time HH:MM). */
export function shanghaiInstant(date: string, hhmm: string): Date {
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(Date.parse(`${date}T00:00:00Z`) - SHANGHAI + (h! * 60 + m!) * 60_000);
}

/** The Shanghai hour (0–23) of an instant. */
export const shanghaiHour = (d: Date): number => new Date(d.getTime() + SHANGHAI).getUTCHours();

/** [start, end) of a Shanghai calendar day. */
export function shanghaiDayRange(date: string): [Date, Date] {
  const start = shanghaiInstant(date, '00:00');
  return [start, new Date(start.getTime() + 86_400_000)];
}

/** Slots of a day from `from` to `to` in `minutes` steps (the last one ends by `to`). */
export function slotTimes(date: string, from: string, to: string, minutes: number): [Date, Date][] {
  const out: [Date, Date][] = [];
  const end = shanghaiInstant(date, to).getTime();
  for (let t = shanghaiInstant(date, from).getTime(); t + minutes * 60_000 <= end; t += minutes * 60_000)
    out.push([new Date(t), new Date(t + minutes * 60_000)]);
  return out;
}

/**
 * PAT-1: `n` patrol times in the hall's opening hours (08:30–17:30 Shanghai), drawn at random, at least
 * 40 minutes apart. `random` returns uniform [0, 1) (crypto-backed in use).
 */
export function drawPatrolTimes(date: string, n: number, random: () => number): Date[] {
  const open = shanghaiInstant(date, '08:30').getTime();
  const close = shanghaiInstant(date, '17:30').getTime();
  const gap = 40 * 60_000;
  // Spread n points with gaps: draw n offsets in the free length, sort, add the gaps back.
  const free = close - open - gap * (n - 1);
  const offsets = Array.from({ length: n }, () => Math.floor(random() * free)).sort((a, b) => a - b);
  return offsets.map((o, i) => new Date(open + o + i * gap - ((open + o + i * gap) % 60_000)));
}

/** Nearest-rank percentile (p in 0..100) of seconds; 0 for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export type GroupLoad = { groupId: string; waiting: number; bookingsLeft: number; windows: number };
export type TidalWindow = { windowId: string; tidal: boolean; open: boolean; groupIds: string[] };

/** Demand per serving window: live queue plus the rest of the day's bookings (weighted by half). */
export const pressure = (g: GroupLoad) => (g.waiting + g.bookingsLeft / 2) / Math.max(1, g.windows);

/**
 * Tidal windows: suggest switching an open tidal window from the group with the least pressure to the
 * group with the most, when the busiest group's pressure is at least twice the quietest's and at
 * least 5 people per window. A window is never taken from a group it is the only one serving.
 */
export function suggestTidalSwitches(loads: readonly GroupLoad[], windows: readonly TidalWindow[]) {
  const byId = new Map(loads.map((l) => [l.groupId, l]));
  const ranked = [...loads].sort((a, b) => pressure(b) - pressure(a));
  const busiest = ranked[0];
  if (!busiest || pressure(busiest) < 5) return [];
  const out: { windowId: string; fromGroupIds: string[]; toGroupId: string }[] = [];
  for (const w of windows) {
    if (!w.tidal || !w.open || w.groupIds.includes(busiest.groupId)) continue;
    const quiet = w.groupIds.map((id) => byId.get(id)).filter((g): g is GroupLoad => !!g);
    const worst = Math.max(0, ...quiet.map(pressure));
    if (quiet.some((g) => g.windows <= 1 && g.waiting + g.bookingsLeft > 0)) continue;
    if (pressure(busiest) >= 2 * Math.max(worst, 1)) {
      out.push({ windowId: w.windowId, fromGroupIds: w.groupIds, toGroupId: busiest.groupId });
      break; // one switch at a time: the figures change after it
    }
  }
  return out;
}

/** PAT-1: which follow-up steps a 督查告知书 allows. */
export function noticeNext(status: NoticeStatus, step: 'reply' | 'followUp'): NoticeStatus | null {
  if (step === 'reply') return status === 'issued' ? 'replied' : null;
  return status === 'replied' ? 'closed' : null;
}

/** A notice is overdue when not yet replied (or sent back) past its deadline. */
export const noticeOverdue = (status: NoticeStatus, deadline: string, today: string) =>
  status === 'issued' && deadline < today;

export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}

export function maskPhone(phone: string): string {
  return phone.length >= 7 ? phone.slice(0, 3) + '****' + phone.slice(-4) : '****';
}

export const ticketNumber = (code: string, seq: number) => `${code}${String(seq).padStart(3, '0')}`;

/** Calendar-day arithmetic on YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
