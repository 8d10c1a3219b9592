import { MeasureStatus, type LedgerDashboard } from '@tongban/contracts';

/**
 * The per-inspection dashboard, a pure function of the records (TRUTH-1): the caller reads rows,
 * this counts. Nothing here is stored.
 */

export type DashboardMeasure = {
  id: string;
  findingId: string;
  kind: string;
  status: MeasureStatus;
  departmentId: string | null;
  departmentName: string | null;
  /** Asia/Shanghai date of the current sign-off, if signed off. */
  signedOffOn: string | null;
};
export type DashboardInput = {
  inspectionId: string;
  today: string;
  /** Where the time axis starts when it is earlier than every event. */
  feedbackDate: string | null;
  findingIds: string[];
  measures: DashboardMeasure[];
  progressDates: string[];
  /** Asia/Shanghai dates of 回头看 reopenings, one per reopened measure. */
  reopenedOn: string[];
};

const DAY = 86_400_000;
const MAX_WEEKS = 260;
const toDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const fromDay = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);

/** The Monday of the week holding `iso`. */
export function weekStart(iso: string): string {
  const n = toDay(iso);
  const dow = new Date(n * DAY).getUTCDay(); // 0 = Sunday
  return fromDay(n - ((dow + 6) % 7));
}

export function buildDashboard(input: DashboardInput): LedgerDashboard {
  const { measures, today } = input;
  const measuresByState = Object.fromEntries(MeasureStatus.options.map((s) => [s, 0])) as Record<
    MeasureStatus,
    number
  >;
  for (const m of measures) measuresByState[m.status]++;

  // Findings as the report counts them: done only when every measure is signed off (REC-1).
  const findingsByState = { done: 0, in_progress: 0, ongoing: 0, no_measure: 0 };
  for (const f of input.findingIds) {
    const ms = measures.filter((m) => m.findingId === f);
    const open = ms.filter((m) => m.status !== 'signed_off');
    if (ms.length === 0) findingsByState.no_measure++;
    else if (open.length === 0) findingsByState.done++;
    else if (open.length > 0 && open.every((m) => m.kind === 'ongoing')) findingsByState.ongoing++;
    else findingsByState.in_progress++;
  }

  const byDept = new Map<string, { departmentId: string | null; department: string; overdue: number }>();
  for (const m of measures.filter((x) => x.status === 'overdue')) {
    const k = m.departmentId ?? '';
    const e = byDept.get(k) ?? {
      departmentId: m.departmentId,
      department: m.departmentName ?? '未指定部门',
      overdue: 0,
    };
    e.overdue++;
    byDept.set(k, e);
  }
  const overdueByDepartment = [...byDept.values()].sort(
    (a, b) => b.overdue - a.overdue || a.department.localeCompare(b.department, 'zh-CN'),
  );

  // Weekly series from the first event (or the feedback date) to this week.
  const signedOn = measures.flatMap((m) => (m.signedOffOn ? [m.signedOffOn] : []));
  const events = [...input.progressDates, ...signedOn, ...input.reopenedOn];
  const firstDay = [...events, ...(input.feedbackDate ? [input.feedbackDate] : []), today].sort()[0]!;
  const lastDay = [...events, today].sort().at(-1)!;
  let from = toDay(weekStart(firstDay));
  const to = toDay(weekStart(lastDay));
  if ((to - from) / 7 + 1 > MAX_WEEKS) from = to - (MAX_WEEKS - 1) * 7;
  const countIn = (dates: string[], start: number) =>
    dates.filter((d) => toDay(d) >= start && toDay(d) < start + 7).length;
  const progressByWeek: LedgerDashboard['progressByWeek'] = [];
  for (let w = from; w <= to; w += 7) {
    progressByWeek.push({
      weekStart: fromDay(w),
      signedOffCumulative: signedOn.filter((d) => toDay(d) < w + 7).length,
      progressEntries: countIn(input.progressDates, w),
      reopened: countIn(input.reopenedOn, w),
    });
  }

  return {
    inspectionId: input.inspectionId,
    asOf: today,
    findingsTotal: input.findingIds.length,
    findingsByState,
    measuresTotal: measures.length,
    measuresByState,
    overdueByDepartment,
    progressByWeek,
  };
}
