import { InspectionKind, ParsedInspection, ParsedMeasure, ParsedOutline } from './outline-schema';
import { FIELD_LABEL, findDates } from './outline-lexicon';

export function guessInspectionKind(text: string): InspectionKind | undefined {
  const order: [RegExp, InspectionKind][] = [
    [/回头看/, 'revisit'],
    [/巡视/, 'xunshi'],
    [/巡察/, 'xuncha'],
    [/审计/, 'audit'],
    [/督查|督导/, 'special_supervision'],
    [/暗访/, 'unannounced'],
    [/自查/, 'self_check'],
  ];
  return order.find(([re]) => re.test(text))?.[1];
}

export function readInspection(title: string | undefined, opening: string | undefined): ParsedInspection {
  const inspection: ParsedInspection = {};
  if (title) inspection.title = title;
  const kind = guessInspectionKind(`${title ?? ''}${opening ?? ''}`);
  if (kind) inspection.kind = kind;
  if (!opening) return inspection;
  inspection.opening = opening;

  const team = /([\u4e00-\u9fff]*?(?:巡察|巡视|督查|审计|检查|督导)[\u4e00-\u9fff]*?组)/.exec(opening);
  if (team?.[1]) inspection.team = team[1].replace(/^(?:根据|按照|经)/, '');

  const unit = /对\s*([^，,。；;]{2,40}?)\s*(?:开展了?|进行了?|实施了?)/.exec(opening);
  if (unit?.[1]) inspection.inspectedUnit = unit[1].split(/[“"‘]/)[0]?.trim() ?? unit[1];

  // Period: the first "X至Y" date range; feedback: the date in the sentence that says 反馈.
  const firstYear = /(\d{4})\s*年/.exec(opening);
  const dates = findDates(opening, firstYear ? Number(firstYear[1]) : undefined);
  const range = dates.findIndex((d, i) => {
    const next = dates[i + 1];
    return next !== undefined && /^\s*(?:至|到|—|-|－|~)\s*$/.test(opening.slice(d.end, next.index));
  });
  if (range >= 0) {
    inspection.periodStart = dates[range]?.iso;
    inspection.periodEnd = dates[range + 1]?.iso;
  }
  for (const sentence of opening.split(/[。；;]/)) {
    if (!/反馈/.test(sentence)) continue;
    const clauses = sentence.split(/[，,]/);
    const withFeedback = clauses.findIndex((c) => /反馈/.test(c));
    // The date sits in the clause that says 反馈 or just before it ("2024年5月16日,…反馈了…").
    for (const clause of [clauses[withFeedback], clauses[withFeedback - 1]]) {
      const d = clause ? findDates(clause, firstYear ? Number(firstYear[1]) : undefined)[0] : undefined;
      if (d && d.iso.length === 10) {
        inspection.feedbackDate = d.iso;
        break;
      }
    }
    if (inspection.feedbackDate) break;
  }
  return inspection;
}

export const DONE_WORDS =
  /已完成|已整改完成|已全部完成|已整改到位|立行立改|立即整改|立说立改|立知立改|即知即改/;
export const ONGOING_WORDS = /长期坚持|长期推进|常抓不懈|持续推进|长期执行/;

export function readMeasureFields(content: string, line: number, department?: string): ParsedMeasure {
  const measure: ParsedMeasure = { content, line, lines: [line], confidence: 0.8 };
  const leader = /责任领导\s*[:：]\s*([^；;，,。\s）)]+)/.exec(content);
  if (leader?.[1]) measure.leader = leader[1];
  const dept = /(?:责任(?:部门|单位|科室|股室)|牵头单位)\s*[:：]\s*([^；;，,。\s）)]+)/.exec(content);
  if (dept?.[1]) measure.department = dept[1];
  else if (department) measure.department = department;
  // The year of a bare "6月底前" is the year the text last named.
  const years = [...content.matchAll(/(\d{4})\s*年/g)];
  const lastYear = years.at(-1)?.[1];
  const deadline = /(?:完成时限|整改时限|完成时间)\s*[:：]\s*([^；;。\n）)，,]+)/.exec(content);
  if (deadline?.[1]) {
    measure.deadlineText = deadline[1].trim();
    const due = findDates(measure.deadlineText, lastYear ? Number(lastYear) : undefined)[0];
    if (due) measure.dueDate = due.iso;
  } else {
    // "2024年6月底前完成" written into the text: a date followed by 前 is a deadline; a date
    // without it is usually when something was done.
    const before =
      /((?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*(?:\d{1,2}\s*日|底|末|上旬|中旬|下旬)?)\s*(?:之)?前/.exec(content);
    const due = before?.[1] ? findDates(before[1], lastYear ? Number(lastYear) : undefined)[0] : undefined;
    if (before && due) {
      measure.deadlineText = before[0];
      measure.dueDate = due.iso;
    }
  }
  const said = measure.deadlineText ?? '';
  if (ONGOING_WORDS.test(said)) measure.kind = 'ongoing';
  else if (DONE_WORDS.test(said)) measure.kind = 'immediate';
  else if (measure.dueDate) measure.kind = 'deadline';
  else if (DONE_WORDS.test(content)) measure.kind = 'immediate';
  else if (ONGOING_WORDS.test(content)) measure.kind = 'ongoing';
  return measure;
}

/**
 * "一是…；二是…。责任单位：X；完成时限：Y" — fields written once after the last item belong to
 * every item of the paragraph that does not name its own.
 */
export function shareTrailingFields(measures: ParsedMeasure[]): void {
  const last = measures.at(-1);
  if (!last || measures.length < 2 || !FIELD_LABEL.test(last.content)) return;
  for (const m of measures.slice(0, -1)) {
    if (FIELD_LABEL.test(m.content)) continue;
    if (last.department && !m.department) m.department = last.department;
    if (last.leader && !m.leader) m.leader = last.leader;
    if (last.deadlineText && !m.deadlineText) {
      m.deadlineText = last.deadlineText;
      if (last.dueDate) m.dueDate = last.dueDate;
      if (last.kind) m.kind = last.kind;
    }
  }
}

export function readContact(text: string): ParsedOutline['contact'] {
  const contact: ParsedOutline['contact'] = {};
  const phone = /(?:电话|联系方式|热线)\s*[:：]?\s*((?:\d[\d\s\-－—]{5,}\d))/.exec(text);
  const anyPhone = /\b(0\d{2,3}[-－]\d{7,8}|1[3-9]\d{9})\b/.exec(text);
  if (phone?.[1]) contact.phone = phone[1].replace(/\s/g, '');
  else if (anyPhone?.[1]) contact.phone = anyPhone[1];
  const email = /([\w.+-]+@[\w-]+(?:\.[\w-]+)+)/.exec(text);
  if (email?.[1]) contact.email = email[1];
  const address = /(?:联系|通信|通讯)?地址\s*[:：]\s*([^，,。；;\n]+)/.exec(text);
  if (address?.[1]) contact.address = address[1].trim();
  const postcode = /邮政编码\s*[:：]?\s*(\d{6})/.exec(text);
  if (postcode?.[1]) contact.postcode = postcode[1];
  return contact;
}

// ---------------------------------------------------------------------------------------------
// Headings

export type SectionKind =
  'leads' | 'nextSteps' | 'workDone' | 'requirements' | 'container' | 'category' | 'plain';

/** Words by which a heading names a problem rather than an activity. */
export const PROBLEM_WORDS =
  /问题|不力|不到位|不足|不够|不严|不实|不强|不高|不准|不清|不规范|不完善|不明显|差距|薄弱|缺乏|欠缺|缺少|缺失|滞后|缓慢|随意|混乱|偏差|走形式|形同虚设|有待|脱节|未建立|未落实|未按|未发挥/;

export function classifyHeading(heading: string): SectionKind {
  const h = heading.split(/[。]/)[0] ?? heading;
  if (/问题线索|信访件|线索.{0,4}(处理|办理)/.test(h)) return 'leads';
  if (/下一步|下步|努力方向|进一步整改的事项|今后.{0,6}(打算|工作)|工作打算/.test(h)) return 'nextSteps';
  // A feedback text's closing demands (整改要求) are not findings, and the ledger has no place for them.
  if (/^整改(要求|意见|建议)$/.test(h)) return 'requirements';
  if (CATEGORY_HEAD.test(h)) return 'category';
  // "关于“…”问题的整改(情况)" names one finding, unless it is the whole section about them.
  if (/^关于/.test(h) && !/反馈(意见|问题)|巡[察视](意见|反馈|发现)|(发现|涉及|指出)的?问题/.test(h))
    return 'plain';
  if (
    /反馈(意见|问题)|巡[察视](意见|反馈)|(发现|涉及|指出)的?问题.{0,6}整改|问题的?整改(落实)?情况|(发现|存在)的?(主要)?问题$/.test(
      h,
    )
  ) {
    return 'container';
  }
  if (PROBLEM_WORDS.test(h)) return 'category';
  if (/整改|工作(开展|推进)情况|组织领导|责任落实/.test(h)) return 'workDone';
  return 'plain';
}

/** A heading that names a group of findings: "…方面", "…方面存在的问题". */
export const CATEGORY_HEAD = /方面(?:存在的|的)?(?:主要)?(?:问题)?[：:]?$/;

/** "关于X问题整改落实情况。" → "X"; "个别问题整改不到位。如…" → title and the rest. */
export function splitTitle(text: string): { title: string; description: string } {
  const stop = text.search(/[。；;]/);
  let title = stop >= 0 ? text.slice(0, stop) : text;
  const description = stop >= 0 ? text.slice(stop + 1).trim() : '';
  const about = /^关于/.test(title);
  title = title
    .replace(/^关于\s*/, '')
    .replace(/(?:的)?(?:问题)?(?:的)?整改(?:落实|进展)?情况$/, '')
    .trim();
  // "关于X的问题" / "关于X问题的整改": only a title that said 关于 ends with a bare 整改 to drop;
  // "为整改而整改" is a problem's own words.
  if (about) title = title.replace(/(?:的)?(?:问题)?(?:的)?整改$/, '').replace(/的?问题$/, '');
  else title = title.replace(/问题$/, '');
  title = title.trim();
  return { title: title || text.trim(), description };
}

// ---------------------------------------------------------------------------------------------
// The outline tree
