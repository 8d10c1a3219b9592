import { describe, expect, it } from 'vitest';
import { daysFromChineseDays } from './chinese-days-source';
import { HolidayNoticeError, parseHolidayNotice } from './holiday-notice';

// The notices as the State Council published them (国办发明电〔2024〕12号 and the 2025-11-04 notice), paragraph for paragraph.
const NOTICE_2025 = `国务院办公厅关于2025年部分节假日安排的通知
国办发明电〔2024〕12号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经党中央、国务院批准，根据2024年11月修订的《全国年节及纪念日放假办法》，自2025年1月1日起，全体公民放假的假日增加2天，其中春节、劳动节各增加1天。据此对放假调休原则作进一步优化完善，除个别特殊情形外，春节自农历除夕起放假调休8天，国庆节自10月1日起放假调休7天，劳动节放假调休5天，元旦、清明节、端午节、中秋节分别放假调休或连休3天（如逢周三则只在当日放假），国庆节放假如逢中秋节则合并放假8天。
按照上述原则，现将2025年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周三）放假1天，不调休。
二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
三、清明节：4月4日（周五）至6日（周日）放假，共3天。
四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫、疫情防控等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。
国务院办公厅
2024年11月12日`;

const NOTICE_2026 = `国务院办公厅关于2026年部分节假日安排的通知
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
鼓励单位和个人结合落实带薪年休假等制度，实际形成较长假期，推动错峰出行。节假日期间，各地区、各部门要妥善安排好值班和安全、保卫、疫情防控等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。
国务院办公厅
2025年11月4日`;

function daysOfYear(year: number) {
  return daysFromChineseDays()
    .filter((d) => d.date.startsWith(`${year}-`))
    .map((d) => `${d.date} ${d.kind}`);
}

describe('CAL-2: the State Council notice pasted as published', () => {
  it.each([
    [2025, NOTICE_2025],
    [2026, NOTICE_2026],
  ])(
    'CAL-2: the %i notice gives exactly the days off and make-up days chinese-days carries',
    (year, text) => {
      const r = parseHolidayNotice(text);
      expect(r.year).toBe(year);
      expect(r.warnings).toEqual([]);
      expect(r.days.map((d) => `${d.date} ${d.kind}`)).toEqual(daysOfYear(year));
    },
  );

  it('CAL-2: names each day after its paragraph, make-up days as 调休', () => {
    const r = parseHolidayNotice(NOTICE_2026);
    expect(r.blocks.map((b) => b.name)).toEqual([
      '元旦',
      '春节',
      '清明节',
      '劳动节',
      '端午节',
      '中秋节',
      '国庆节',
    ]);
    expect(r.days.find((d) => d.date === '2026-02-16')).toEqual({
      date: '2026-02-16',
      kind: 'holiday',
      name: '春节',
    });
    expect(r.days.find((d) => d.date === '2026-02-28')).toEqual({
      date: '2026-02-28',
      kind: 'workday',
      name: '春节调休',
    });
    const merged = parseHolidayNotice(NOTICE_2025).days.find((d) => d.date === '2025-10-06');
    expect(merged?.name).toBe('国庆节·中秋节');
  });

  it('CAL-2: reads full-width digits, 星期 weekdays and a block across the new year', () => {
    const r = parseHolidayNotice(
      `关于２０２３年部分节假日安排的通知\n一、元旦：2022年12月31日（星期六）至2023年1月2日（星期一）放假调休，共3天。\n二、春节：1月21日（星期六）至27日（星期五）放假调休，共7天。1月28日（星期六）、1月29日（星期日）上班。`,
    );
    expect(r.warnings).toEqual([]);
    expect(
      r.days
        .filter((d) => d.kind === 'holiday')
        .map((d) => d.date)
        .slice(0, 3),
    ).toEqual(['2022-12-31', '2023-01-01', '2023-01-02']);
    expect(r.days.filter((d) => d.kind === 'workday').map((d) => d.date)).toEqual([
      '2023-01-28',
      '2023-01-29',
    ]);
  });

  it('CAL-2: a weekday that does not match its date is a warning, not silently accepted', () => {
    // The 2026 text with the year changed: every bracketed weekday is now wrong.
    const r = parseHolidayNotice(NOTICE_2026.replaceAll('2026年', '2027年'));
    expect(r.year).toBe(2027);
    expect(r.warnings.length).toBeGreaterThan(5);
    expect(r.warnings[0]).toMatch(/请核对/);
  });

  it('CAL-2: a day count that disagrees with the dates is a warning', () => {
    const r = parseHolidayNotice(NOTICE_2026.replace('共9天', '共8天'));
    expect(r.warnings).toEqual(['春节：通知写共 8 天，按日期算是 9 天，请核对']);
  });

  it('CAL-2: text that is not a notice is refused with a reason', () => {
    expect(() => parseHolidayNotice('今天天气很好')).toThrow(HolidayNoticeError);
    expect(() => parseHolidayNotice('关于2027年部分节假日安排的通知\n各单位：请做好值班。')).toThrow(
      /没有读出任何放假日期/,
    );
  });
});
