/** The calendar date in Asia/Shanghai (UTC+8, no daylight saving) of an instant, as YYYY-MM-DD. */
export function shanghaiToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
