import type { CalendarDay } from './calendar';
import { convertCivilToDayNumber, fromDayNumber } from './dates';

/**
 * CAL-2: reads the State Council's annual notice (国务院办公厅关于 YYYY 年部分节假日安排的通知) as it is
 * published, so an office can load next year's days off and 调休 make-up working days the day the
 * notice comes out, without waiting for a software update.
 *
 * The notice is one numbered paragraph per holiday:
 *   二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
 * Dates may carry their year (2022年12月31日至2023年1月2日), a range's end may omit its month, and the
 * weekday given in brackets is checked against the date, which catches a wrong year or a typo.
 */
export type HolidayNoticeBlock = {
  /** 春节, 国庆节、中秋节 … as the notice names it. */
  name: string;
  /** The paragraph as read, for the preview. */
  source: string;
  holidays: string[];
  workdays: string[];
};

export type HolidayNoticeResult = {
  year: number;
  blocks: HolidayNoticeBlock[];
  /** Every day the notice decides, sorted: days off as `holiday`, make-up days as `workday`. */
  days: CalendarDay[];
  /** Things a person should look at before confirming (a weekday that does not match, …). */
  warnings: string[];
};

export class HolidayNoticeError extends Error {
  constructor(
    readonly code: 'HOLIDAY_NOTICE_NO_YEAR' | 'HOLIDAY_NOTICE_NO_HOLIDAYS' | 'HOLIDAY_NOTICE_CONFLICT',
    message: string,
  ) {
    super(message);
    this.name = 'HolidayNoticeError';
  }
}

const CN_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const WEEKDAYS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 0, 天: 0 };

/** Full-width digits, brackets, colons and commas to their half-width forms; spaces dropped. */
function normalise(text: string): string {
  return text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/：/g, ':')
    .replace(/，/g, ',')
    .replace(/[ \t\u3000]+/g, '');
}

function readYear(text: string): number | undefined {
  const m =
    /关于(\d{4})年(?:部分)?节假日安排/.exec(text) ??
    /现将(\d{4})年/.exec(text) ??
    /(\d{4})年(?:元旦|春节)/.exec(text);
  if (m) return Number(m[1]);
  // A year in Chinese digits (二〇二七年), as some reprints have it.
  const cn = /([〇零一二三四五六七八九]{4})年(?:部分)?节假日/.exec(text);
  if (cn) return Number([...cn[1]!].map((c) => CN_DIGITS[c]).join(''));
  return undefined;
}

// One date: an optional year, an optional month (a range's end may give only the day), the day, and
// an optional bracket whose last part is the weekday: (农历除夕、周二), (星期六), (周日).
const DATE = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:\(([^)]*)\))?/g;

type ReadDate = { date: string; weekday?: number; text: string };

function readDates(segment: string, year: number, warnings: string[]): ReadDate[] {
  const out: ReadDate[] = [];
  let month: number | undefined;
  let y = year;
  let previous: number | undefined;
  for (const m of segment.matchAll(DATE)) {
    if (m[1]) y = Number(m[1]);
    if (m[2]) month = Number(m[2]);
    if (month === undefined) continue;
    const day = Number(m[3]);
    let dn = convertCivilToDayNumber(y, month, day);
    // A later date written without its month or year that reads earlier runs into the next month
    // (至2日 after 1月30日) or year (至1月2日 after 12月31日).
    if (previous !== undefined && dn < previous && !m[1]) {
      if (!m[2]) month = month === 12 ? 1 : month + 1;
      if (!m[2] && month === 1) y += 1;
      if (m[2]) y += 1;
      dn = convertCivilToDayNumber(y, month, day);
    }
    previous = dn;
    const date = fromDayNumber(dn);
    if (Number(date.slice(5, 7)) !== month || Number(date.slice(8, 10)) !== day) {
      warnings.push(`日期不存在：${m[0]}`);
      continue;
    }
    const bracket = m[4] ?? '';
    const wd = /(?:周|星期)([一二三四五六日天])\s*$/.exec(bracket.split(/[、,]/).at(-1) ?? '');
    const weekday = wd ? WEEKDAYS[wd[1]!] : undefined;
    if (weekday !== undefined) {
      const actual = (((dn + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
      if (actual !== weekday) {
        warnings.push(`${date} 实为星期${'日一二三四五六'[actual]}，通知写的是“${wd![0]}”，请核对年份和日期`);
      }
    }
    out.push({ date, ...(weekday !== undefined ? { weekday } : {}), text: m[0] });
  }
  return out;
}

function expand(from: string, to: string): string[] {
  const a = Number(from.replaceAll('-', ''));
  const b = Number(to.replaceAll('-', ''));
  if (b < a) return [];
  const days: string[] = [];
  const start = convertCivilToDayNumber(
    Number(from.slice(0, 4)),
    Number(from.slice(5, 7)),
    Number(from.slice(8)),
  );
  const end = convertCivilToDayNumber(Number(to.slice(0, 4)), Number(to.slice(5, 7)), Number(to.slice(8)));
  for (let d = start; d <= end && d - start < 40; d++) days.push(fromDayNumber(d));
  return days;
}

/** Splits the notice into its numbered paragraphs: 一、元旦：… 二、春节：… */
function splitBlocks(text: string): { name: string; body: string; source: string }[] {
  const re = /(?:^|\n|。)\s*([一二三四五六七八九十]{1,3})[、.．]\s*([^:\n]{1,20}?):/g;
  const heads = [...text.matchAll(re)];
  return heads.map((h, i) => {
    const start = h.index! + h[0].length;
    const next = heads[i + 1];
    let end = next ? next.index! : text.length;
    // The last paragraph ends where the closing prose starts.
    const closing = /\n|鼓励|节假日期间/.exec(text.slice(start, end));
    if (!next && closing) end = start + closing.index;
    const body = text.slice(start, end);
    return { name: h[2]!.trim(), body, source: `${h[1]}、${h[2]}：${body}`.trim() };
  });
}

/** Parses a notice; throws HolidayNoticeError when it cannot find the year or any holiday. */
export function parseHolidayNotice(raw: string): HolidayNoticeResult {
  const text = normalise(raw);
  const year = readYear(text);
  if (year === undefined) {
    throw new HolidayNoticeError(
      'HOLIDAY_NOTICE_NO_YEAR',
      '没有找到通知所属的年份（如“关于2027年部分节假日安排的通知”或“现将2027年……”）',
    );
  }
  const warnings: string[] = [];
  const blocks: HolidayNoticeBlock[] = [];
  for (const b of splitBlocks(text)) {
    const holidays: string[] = [];
    const workdays: string[] = [];
    // Sentences: the days off come first, the make-up working days end with 上班.
    for (const sentence of b.body.split(/[。;；]/)) {
      if (!sentence) continue;
      if (/上班/.test(sentence)) {
        for (const d of readDates(sentence, year, warnings)) workdays.push(d.date);
        continue;
      }
      if (!/放假|休息/.test(sentence)) continue;
      const dates = readDates(sentence, year, warnings);
      if (dates.length === 0) continue;
      if (dates.length >= 2 && /至|—|-|~/.test(sentence)) {
        // A range's end without a month takes the start's month (至6日); a smaller day means the next month.
        holidays.push(...expand(dates[0]!.date, dates[1]!.date));
      } else {
        holidays.push(...dates.map((d) => d.date));
      }
      const total = /共(\d{1,2})天/.exec(sentence) ?? /放假(\d{1,2})天/.exec(sentence);
      const counted = dates.length >= 2 ? expand(dates[0]!.date, dates[1]!.date).length : dates.length;
      if (total && Number(total[1]) !== counted) {
        warnings.push(`${b.name}：通知写共 ${total[1]} 天，按日期算是 ${counted} 天，请核对`);
      }
    }
    if (holidays.length > 0 || workdays.length > 0) {
      blocks.push({ name: b.name, source: b.source, holidays, workdays });
    }
  }
  if (!blocks.some((b) => b.holidays.length > 0)) {
    throw new HolidayNoticeError(
      'HOLIDAY_NOTICE_NO_HOLIDAYS',
      '没有读出任何放假日期，请粘贴通知正文（“一、元旦：……”各条）',
    );
  }
  const byDate = new Map<string, CalendarDay>();
  for (const b of blocks) {
    // 国庆节、中秋节 → the name the calendar shows.
    const name = b.name.replace(/、/g, '·');
    for (const date of b.holidays) {
      const seen = byDate.get(date);
      if (seen && seen.kind !== 'holiday') throw conflict(date);
      byDate.set(date, { date, kind: 'holiday', name });
    }
    for (const date of b.workdays) {
      const seen = byDate.get(date);
      if (seen && seen.kind !== 'workday') throw conflict(date);
      byDate.set(date, { date, kind: 'workday', name: `${name}调休` });
    }
  }
  for (const [date, day] of byDate) {
    const wd =
      (((convertCivilToDayNumber(+date.slice(0, 4), +date.slice(5, 7), +date.slice(8)) + 4) % 7) + 7) % 7;
    if (day.kind === 'workday' && wd !== 0 && wd !== 6) {
      warnings.push(`${date} 是工作日本来就上班，通知却列为调休上班日，请核对`);
    }
  }
  const days = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { year, blocks, days, warnings };
}

function conflict(date: string) {
  return new HolidayNoticeError('HOLIDAY_NOTICE_CONFLICT', `${date} 在通知中既是放假日又是上班日，请核对`);
}
