/**
 * Import of a feedback document (巡察反馈意见) or a rectification report (整改情况通报) as an editable
 * draft of an inspection, its categories, findings and measures.
 *
 * The parser is written for the genre, not for particular files: Chinese official documents number
 * their levels 一、 > （一） > 1. > （1） (GB/T 9704-2012 §7.3.3), authors mix full- and half-width
 * brackets, write 1、 or 1． for 1., add stray spaces, skip levels, and enumerate inline with 一是…二是….
 * Whatever cannot be placed is returned in `unplaced` with its line number — never dropped — so the
 * reviewer sees it before saving.
 */

import { ParsedOutline, UnplacedLine } from './outline/outline-schema';
import {
  MEASURE_LABEL,
  SourceLine,
  formatPartialDate,
  matchStructural,
  trimLine,
} from './outline/outline-lexicon';
import { classifyHeading, readContact, readInspection } from './outline/outline-fields';
import {
  CLOSING_MAX_LINES,
  CONTACT_LINE,
  Draft,
  OutlineNode,
  buildTree,
  flattenLines,
  pushNarrative,
} from './outline/outline-tree';
import { findingStrength, placeGroup } from './outline/outline-placement';
import { checkNumbering } from './outline/outline-body';

export * from './outline/outline-schema';

export function parseFeedbackText(text: string): ParsedOutline {
  const all: SourceLine[] = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((raw, i) => ({ line: i + 1, text: trimLine(raw) }))
    .filter((l) => l.text.length > 0);

  const unplaced: UnplacedLine[] = [];
  const warnings: string[] = [];

  // 1. Title and opening paragraph come before the first numbered heading.
  const firstHeading = all.findIndex((l) => matchStructural(l.text) !== undefined);
  const preamble = firstHeading < 0 ? all : all.slice(0, firstHeading);
  let title: string | undefined;
  let opening: string | undefined;
  for (const l of preamble) {
    if (
      !title &&
      !opening &&
      l.text.length <= 80 &&
      !/[。]$/.test(l.text) &&
      /整改|巡察|巡视|审计|督查|反馈|检查/.test(l.text) &&
      /(通报|报告|情况|意见|公告|公示)$/.test(l.text)
    ) {
      title = l.text;
    } else if (!opening && /巡察|巡视|审计|督查|督导|检查|暗访|自查/.test(l.text) && l.text.length > 30) {
      opening = l.text;
    } else {
      unplaced.push({ line: l.line, text: l.text, reason: '正文前的文字，未能识别为标题或开头段' });
    }
  }
  const rest = firstHeading < 0 ? [] : all.slice(firstHeading);

  // 2. The closing block: contact paragraph, signature, date. It follows the last section, so it
  //    is cut off before the tree is built, or it would end up in the last section's text.
  //    Only the closing is the end: a 欢迎…监督 or 联系 inside a measure ("密切联系人民群众",
  //    "公布监督电话，欢迎群众监督") is followed by more headings or a long text, and is not it.
  const lastHeading = rest.findLastIndex((l) => matchStructural(l.text) !== undefined);
  const contactAt = rest.findIndex(
    (l, i) =>
      i > lastHeading &&
      rest.length - i <= CLOSING_MAX_LINES &&
      CONTACT_LINE.test(l.text) &&
      matchStructural(l.text) === undefined,
  );
  const closingAt = contactAt >= 0 ? contactAt : signatureAndDateAt(rest, lastHeading);
  const outlineLines = closingAt < 0 ? rest : rest.slice(0, closingAt);
  const closing = closingAt < 0 ? [] : rest.slice(closingAt);
  const contactTexts: string[] = [];
  let signature: string | undefined;
  let reportDate: string | undefined;
  for (const l of closing) {
    const date = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/.exec(l.text);
    if (CONTACT_LINE.test(l.text) || /@|^\d{3,4}[-－]\d{7,8}|^电话|^地址/.test(l.text))
      contactTexts.push(l.text);
    else if (date) reportDate = formatPartialDate(Number(date[1]), Number(date[2]), Number(date[3]));
    else if (!signature && l.text.length <= 40 && /[\u4e00-\u9fff]/.test(l.text) && !/[。，,]/.test(l.text)) {
      signature = l.text;
    } else unplaced.push({ line: l.line, text: l.text, reason: '落款部分无法识别的文字' });
  }
  const contact = readContact(contactTexts.join('\n'));

  // 3. The outline.
  const roots = buildTree(outlineLines);
  const isReport =
    /整改/.test(title ?? '') ||
    outlineLines.some((l) => MEASURE_LABEL.test(l.text)) ||
    roots.some((r) => /整改.{0,6}(情况|进展)|工作开展情况/.test(r.head));
  const draft: Draft = {
    genre: isReport ? 'report' : 'feedback',
    categories: [],
    findings: [],
    narratives: { workDone: [], leads: [], nextSteps: [] },
    unplaced,
    warnings,
  };

  const findingRoots: OutlineNode[] = [];
  for (const root of roots) {
    const kind = findingStrength(root, draft.genre) >= 0.9 ? 'plain' : classifyHeading(root.head);
    switch (kind) {
      case 'leads':
      case 'nextSteps':
      case 'workDone':
        // A 一、 heading only names the section; a lower-level heading standing in for it is text.
        pushNarrative(draft, kind, flattenLines(root, root.rank > 0));
        break;
      case 'requirements':
        for (const l of flattenLines(root, true)) {
          draft.unplaced.push({ line: l.line, text: l.text, reason: '整改要求不是问题，台账中没有对应位置' });
        }
        break;
      case 'container':
        placeGroup(draft, root.children, undefined, true);
        for (const l of root.body) {
          draft.unplaced.push({ line: l.line, text: l.text, reason: '问题部分开头的说明文字' });
        }
        break;
      case 'category':
      case 'plain':
        findingRoots.push(root);
        break;
    }
  }
  // Categories (or findings) standing at the top without a 二、 section around them.
  placeGroup(draft, findingRoots, undefined, true);

  checkNumbering(draft);
  return {
    genre: draft.genre,
    inspection: readInspection(title, opening),
    categories: draft.categories,
    findings: draft.findings,
    narratives: {
      workDone: draft.narratives.workDone.join('\n'),
      leads: draft.narratives.leads.join('\n'),
      nextSteps: draft.narratives.nextSteps.join('\n'),
    },
    contact,
    ...(signature ? { signature } : {}),
    ...(reportDate ? { reportDate } : {}),
    unplaced: draft.unplaced.sort((a, b) => a.line - b.line),
    warnings: draft.warnings,
  };
}

const DATE_LINE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;

/**
 * A closing without contact details: [特此通报。] [signature] date, the last lines of the text. The
 * index where it starts, or -1.
 */
function signatureAndDateAt(rest: SourceLine[], lastHeading: number): number {
  let at = rest.length;
  if (!DATE_LINE.test(rest[at - 1]?.text ?? '')) return -1;
  at -= 1;
  const signature = rest[at - 1]?.text ?? '';
  if (
    at - 1 > lastHeading &&
    signature.length <= 40 &&
    /[\u4e00-\u9fff]/.test(signature) &&
    !/[。，,；;：:]/.test(signature) &&
    matchStructural(signature) === undefined
  )
    at -= 1;
  if (at - 1 > lastHeading && /^特此(?:通报|报告|公告|公示)/.test(rest[at - 1]?.text ?? '')) at -= 1;
  return at;
}
