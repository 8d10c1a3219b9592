import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LOW_CONFIDENCE, ParsedOutline, parseFeedbackText } from './ledger-outline.parser';
import { outlineToDraft } from './ledger.policy';
import { compareOutline, findReportsDir, loadStyleFixtures } from './outline-expectation';

const here = path.dirname(fileURLToPath(import.meta.url));
// shared/ sits beside the repository (or beside the folder of worktrees holding it).
const reportsDir = findReportsDir(here);

function readReport(name: string): string {
  return readFileSync(path.join(reportsDir, name), 'utf8');
}

function readFixture(name: string): string {
  return readFileSync(path.join(here, 'fixtures', name), 'utf8');
}

function parse(text: string): ParsedOutline {
  const outline = parseFeedbackText(text);
  // The draft is what the UI edits: it must satisfy its own schema.
  expect(ParsedOutline.safeParse(outline).success).toBe(true);
  return outline;
}

function topCategories(outline: ParsedOutline) {
  return outline.categories.filter((c) => c.parentKey === undefined);
}

function findingTitles(outline: ParsedOutline): string[] {
  return outline.findings.map((f) => f.title);
}

describe('parseFeedbackText on the published reports', () => {
  it('东营 2020: 一、 narrative, 二、 with （一）…（三） categories holding findings 1、…18、', () => {
    const outline = parse(readReport('dongying-2020.txt'));

    expect(outline.genre).toBe('report');
    expect(outline.inspection).toMatchObject({
      kind: 'xuncha',
      team: '区委第三巡察组',
      inspectedUnit: '中共东营区行政审批服务局党组',
      periodStart: '2019-09',
      periodEnd: '2019-12',
      feedbackDate: '2020-03-26',
    });
    expect(outline.categories.map((c) => c.title)).toEqual([
      '政治建设和思想建设方面',
      '组织建设和作风建设方面',
      '纪律建设和夺取反腐败斗争压倒性胜利方面',
    ]);
    expect(outline.findings).toHaveLength(18);
    expect(outline.findings.map((f) => f.number)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    expect(outline.findings.filter((f) => f.categoryKey === '(二)')).toHaveLength(4);
    expect(findingTitles(outline)).toContain('推进“一次办好”改革的力度还不够大');
    expect(findingTitles(outline)).toContain('对巡察整改存在一定程度的“新官不理旧账”现象');
    // Finding 1 lists what was done inline as 一是…二是…: two measures.
    expect(outline.findings[0]?.measures.map((m) => m.content.slice(0, 2))).toEqual(['一是', '二是']);
    // （四） is about 问题线索, not a category of findings; 三、 is 下一步.
    expect(outline.narratives.leads).toContain('未收到区委第三巡察组反映的');
    expect(outline.narratives.workDone).toMatch(/^一是统一思想认识/);
    expect(outline.narratives.nextSteps).toContain('严格落实主体责任');
    expect(outline.contact).toMatchObject({ phone: '0546-8253386', email: 'dyqxzspfwj@dy.shandong.cn' });
    expect(outline.unplaced).toEqual([]);
  });

  it('莆田秀屿 2018: four categories, numbering restarting per category, department lists inside findings', () => {
    const outline = parse(readReport('putian-xiuyu-2018.txt'));

    expect(outline.inspection).toMatchObject({
      title: '关于“放管服”改革专项巡察整改情况的通报',
      kind: 'xuncha',
      team: '市委县区交叉巡察五组',
      inspectedUnit: '秀屿区行政服务中心',
      periodStart: '2018-03-13',
      periodEnd: '2018-04-27',
    });
    // The feedback date is printed garbled ("75日") — better none than a guess.
    expect(outline.inspection.feedbackDate).toBeUndefined();
    expect(outline.categories.map((c) => c.title)).toEqual([
      '简政放权方面',
      '放管结合方面',
      '优化服务方面',
      '中心自身问题',
    ]);
    const perCategory = outline.categories.map(
      (c) => outline.findings.filter((f) => f.categoryKey === c.key).length,
    );
    expect(perCategory).toEqual([6, 4, 8, 2]);
    expect(outline.findings).toHaveLength(20);
    expect(findingTitles(outline)).toEqual(
      expect.arrayContaining(['网上办事大厅建设不规范,网上申报率不实', '便民服务仍然“不便”']),
    );
    // "2)医保局:" opens a department's list of measures.
    const files = outline.findings.find((f) => f.title === '卷宗规范管理质量不高');
    expect(files?.measures.map((m) => m.department)).toEqual([
      '行政服务中心',
      '行政服务中心',
      '医保局',
      '卫计局',
    ]);
    // 一、 is the account of the work, 三、 the leads, 四、 the next steps.
    expect(outline.narratives.workDone).toContain('抓集中');
    expect(outline.narratives.leads).toBe('无。');
    expect(outline.narratives.nextSteps).toContain('确保条条有整改');
    expect(outline.contact).toEqual({
      phone: '0594-5857733',
      email: '5857733@163.com',
      address: '莆田市秀屿区人民政府机关大院4号楼409室',
      postcode: '351146',
    });
    // The web page's breadcrumb, its publication line and a garbled date are shown, not dropped.
    expect(outline.unplaced.map((u) => u.line)).toEqual([1, 5, 219]);
  });

  it('郑州惠济 2024: no 一、 before the findings, categories （一） with sub-groups 1., findings (1)…(60), (42) missing', () => {
    const outline = parse(readReport('zhengzhou-huiji-2024.txt'));

    expect(outline.inspection).toMatchObject({
      kind: 'xuncha',
      team: '区委第一巡察组',
      inspectedUnit: '区行政审批和政务信息管理局党组',
      periodStart: '2024-03-05',
      periodEnd: '2024-04-18',
      feedbackDate: '2024-05-16',
    });
    // The first （一）（二） say how the rectification was organised: narrative, not categories.
    expect(outline.narratives.workDone).toMatch(/^\(一\)党组书记组织落实整改工作情况/);
    expect(outline.narratives.workDone).toContain('对照巡察反馈的60个具体问题');

    const tops = topCategories(outline);
    expect(tops).toHaveLength(4);
    expect(tops[0]?.title).toBe('落实巡察发现问题整改不力,“后半篇文章”成效不明显方面');
    // Sub-groups: (一) prints only "2." (its "1." heading is missing), then 5, 4 and 2.
    expect(outline.categories.filter((c) => c.parentKey !== undefined)).toHaveLength(12);
    expect(outline.warnings.some((w) => w.includes('第34行是2.'))).toBe(true);

    // 60 findings are numbered, but the heading of (42) is missing from the published text.
    expect(outline.findings).toHaveLength(59);
    expect(outline.findings.map((f) => f.number)).not.toContain(42);
    expect(outline.warnings.some((w) => w.includes('(41)之后是第213行的(43)'))).toBe(true);
    // …so its 整改情况 block is not silently attached to (41): it is shown as unplaced.
    expect(outline.unplaced.map((u) => u.line)).toEqual([209, 210, 211, 212]);
    const f41 = outline.findings.find((f) => f.number === 41);
    expect(f41?.measures).toHaveLength(2);

    const first = outline.findings[0];
    expect(first).toMatchObject({ title: '个别问题整改不到位', categoryKey: '(一)', label: '(1)' });
    expect(first?.description).toContain('未与物业公司签订服务协议');
    expect(first?.measures).toHaveLength(4);
    expect(outline.findings.find((f) => f.number === 6)?.categoryKey).toBe('(一)/2.');
    expect(findingTitles(outline)).toEqual(
      expect.arrayContaining([
        '群众线下投诉反映渠道不够畅通',
        '行政许可卷宗评查走形式',
        '专业人才队伍建设有待加强',
      ]),
    );
    expect(outline.findings.find((f) => f.number === 49)?.description).toContain(
      '勘验、审核、审批均为一人笔迹',
    );

    expect(outline.narratives.nextSteps).toMatch(/^1\.持续用力/);
    expect(outline.contact).toMatchObject({
      phone: '0371-63502003',
      email: 'zwhdsjj@163.com',
      postcode: '450053',
    });
    expect(outline.reportDate).toBe('2024-09-26');
  });
});

describe('parseFeedbackText on other numbering styles', () => {
  it('finds findings enumerated inline as 一是…二是… under 一、…方面 (heading on the same line or not)', () => {
    const outline = parse(readFixture('feedback-ordinals.txt'));

    expect(outline.genre).toBe('feedback');
    expect(outline.inspection).toMatchObject({
      kind: 'special_supervision',
      team: '市政府督查室第二督查组',
      inspectedUnit: '某县政务服务中心',
      periodStart: '2023-10-09',
      periodEnd: '2023-11-03',
      feedbackDate: '2023-11-20',
    });
    expect(outline.categories.map((c) => c.title)).toEqual([
      '窗口服务规范方面',
      '审批效率方面',
      '监督管理方面',
    ]);
    expect(outline.findings.map((f) => [f.categoryKey, f.label])).toEqual([
      ['一、', '一是'],
      ['一、', '二是'],
      ['一、', '三是'],
      ['二、', '一是'],
      ['二、', '二是'],
      ['三、', '一是'],
      ['三、', '二是'],
    ]);
    expect(outline.findings[6]?.title).toBe('投诉意见簿长期无人查看');
    expect(outline.findings.every((f) => f.measures.length === 0)).toBe(true);
    expect(outline.unplaced).toEqual([]);
  });

  it('reads (1) with half-width brackets and stray spaces, 整改措施 and 1) lists, 责任部门 and 完成时限', () => {
    const outline = parse(readFixture('report-half-width.txt'));

    expect(outline.genre).toBe('report');
    expect(outline.inspection.kind).toBe('self_check');
    expect(outline.categories).toEqual([]);
    expect(outline.findings.map((f) => [f.label, f.number, f.title])).toEqual([
      ['(1)', 1, '预约号源被重复占用'],
      ['(2)', 2, '办件材料归档不及时'],
      ['(3)', 3, '自助终端故障无人报修'],
    ]);
    expect(outline.findings[0]?.description).toContain('同一手机号');
    const [limit, noShow] = outline.findings[0]?.measures ?? [];
    expect(limit?.content).toMatch(/^一是对同一证件号码/);
    expect(noShow).toMatchObject({ department: '综合科', dueDate: '2023-08-31', kind: 'deadline' });
    const archive = outline.findings[1]?.measures ?? [];
    expect(archive.map((m) => m.kind)).toEqual(['immediate', 'ongoing']);
    expect(archive[1]?.leader).toBe('王主任');
    expect(outline.narratives.workDone).toContain('整改工作专班');
    expect(outline.narratives.nextSteps).toContain('防止问题反弹');
    expect(outline.contact.phone).toBe('0000-1234567');
  });

  it('reads 1、 instead of 1. under （一）, keeps follow-on paragraphs as 问题表现 in a feedback text', () => {
    const outline = parse(readFixture('feedback-dunhao.txt'));

    expect(outline.genre).toBe('feedback');
    expect(outline.inspection).toMatchObject({ team: '市委第四巡察组', feedbackDate: '2022-07-12' });
    expect(outline.categories.map((c) => c.label)).toEqual(['（一）', '（二）']);
    expect(outline.findings.map((f) => `${f.categoryKey}${f.label}`)).toEqual([
      '（一）1、',
      '（一）2、',
      '（二）1、',
      '（二）2、',
      '（二）3、',
    ]);
    expect(outline.findings[4]).toMatchObject({ title: '差评整改不闭环' });
    expect(outline.findings[4]?.description).toContain('未向评价人反馈');
    // 整改要求 is not a finding; the ledger has no slot for it, so it is shown as unplaced.
    expect(outline.unplaced.map((u) => u.line)).toEqual([12, 13]);
  });

  it('returns every paragraph it cannot place in unplaced, with its line number', () => {
    const text = readFixture('report-with-stray-text.txt');
    const outline = parse(text);

    expect(outline.inspection).toMatchObject({ kind: 'unannounced', inspectedUnit: '县政务服务中心' });
    expect(outline.categories).toHaveLength(2);
    expect(outline.findings).toHaveLength(4);
    expect(outline.unplaced).toEqual([
      { line: 3, text: '附件材料另行报送，此处不再附列。', reason: expect.any(String) },
      { line: 7, text: '本部分所列问题均已建立台账。', reason: expect.any(String) },
      { line: 14, text: '以下两个问题由后勤组负责整改。', reason: expect.any(String) },
    ]);
    expect(outline.narratives.leads).toBe('暗访中未发现问题线索。');

    // Nothing is dropped: every non-empty line of the input, except the 一、 section headings the
    // draft is structured by, is somewhere in the draft.
    const placed = JSON.stringify(outline);
    for (const line of text.split('\n').filter((l) => l.trim() && !/^[一二三四]、/.test(l))) {
      const body = line.replace(/^[一二三四（）()0-9.、]+/, '').replace(/^整改情况：/, '');
      expect(placed).toContain(body.slice(0, 6));
    }
  });

  it('tolerates CRLF, full-width digits and an empty input', () => {
    const outline = parse('一、服务方面\r\n１．窗口 排队时间长。\r\n２．叫号 不规范。\r\n');
    expect(outline.findings.map((f) => [f.number, f.title])).toEqual([
      [1, '窗口 排队时间长'],
      [2, '叫号 不规范'],
    ]);
    expect(parse('').findings).toEqual([]);
  });
});

describe('parseFeedbackText on report styles it was not written for (fixtures/styles)', () => {
  const fixtures = loadStyleFixtures(path.join(here, 'fixtures', 'styles'));

  it('has at least eight structurally different styles', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(8);
  });

  for (const fixture of fixtures) {
    it(`${fixture.name}: every category, finding and measure where it belongs`, () => {
      const outline = parse(fixture.text);
      expect(compareOutline(outline, fixture.expected)).toEqual([]);
      // Nothing is left over: the closing is the end, and nothing before it is dropped.
      expect(outline.unplaced).toEqual([]);
    });
  }

  it('a 欢迎…监督 or 联系 inside a measure is not the closing: the findings after it are kept', () => {
    const outline = parse(readFixture('styles/01-category-finding-measure.txt'));
    expect(outline.findings.at(-1)?.title).toBe('窗口人员服务态度生硬');
    expect(outline.contact.phone).toBe('0000-7654321');
    expect(outline.signature).toBe('中共某县行政审批服务局党组');
    expect(outline.reportDate).toBe('2023-10-09');
    // 一、 names a category here; its (一) headings with action-like 1. 2. children are findings.
    const four = parse(readFixture('styles/04-yishi-inline.txt'));
    expect(four.narratives.workDone).toContain('联系人民群众');
    expect(four.findings).toHaveLength(3);
  });

  it('a closing without contact details (特此报告, signature, date) ends the text too', () => {
    const outline = parse(readFixture('styles/09-label-headings.txt'));
    expect(outline.signature).toBe('某局');
    expect(outline.reportDate).toBe('2024-09-01');
    expect(outline.findings.at(-1)?.measures.at(-1)?.content).toBe('建立超时预警机制，2024年10月底前完成。');
  });

  it('a finding numbered in the style of its measures: 1.…整改情况：1. 2. then 2. is the next finding', () => {
    const outline = parse(readFixture('styles/07-numbering-restarts.txt'));
    expect(outline.findings.map((f) => [f.label, f.measures.length])).toEqual([
      ['1.', 2],
      ['2.', 1],
      ['3.', 3],
    ]);
    expect(outline.warnings).toEqual([]);
  });

  it('a heading with text under it, beside a category of its style, is a finding, not an empty category', () => {
    const outline = parse(
      [
        '一、咨询台无人值守',
        '1.咨询台由综合科安排专人轮流值守。',
        '2.值守情况纳入每日巡查记录。',
        '二、自助终端长期故障',
        '大厅二楼两台自助终端停用超过一个月。',
      ].join('\n'),
    );
    expect(outline.categories.map((c) => c.title)).toEqual(['咨询台无人值守']);
    expect(outline.findings.map((f) => f.title)).toContain('自助终端长期故障');
    expect(outline.unplaced).toEqual([]);
    // What only nesting decided is marked for review.
    expect(outline.findings[0]?.confidence).toBeLessThan(LOW_CONFIDENCE);
  });

  it('each element carries a confidence and its source lines; what only numbering decided is lower', () => {
    const outline = parse(readFixture('styles/02-guanyu-labels.txt'));
    const first = outline.findings[0];
    expect(first?.confidence).toBeGreaterThanOrEqual(0.9);
    expect(first?.lines).toEqual([3, 4]);
    expect(first?.measures.map((m) => m.lines)).toEqual([[6], [7]]);

    // A bare numbered line under a section, neither 关于…问题 nor a problem word nor labels.
    const guess = parse('二、反馈问题整改情况\n1.窗口布局调整\n更换了大厅的座椅。\n');
    expect(guess.findings[0]?.confidence).toBeLessThan(LOW_CONFIDENCE);
    for (const f of [...outline.findings, ...guess.findings]) {
      for (const value of [f.confidence, ...f.measures.map((m) => m.confidence)]) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('measures read from the text', () => {
  it('一是…二是… and (1)(2) in a 整改情况 paragraph become separate measures', () => {
    const outline = parse(
      [
        '1.首问负责制落实不到位。',
        '整改情况：一是修订首问负责制度；二是开展专题培训。',
        '2.叫号系统故障频发。',
        '整改情况：（1）更换叫号主机；（2）与运维单位签订服务协议；(3)建立故障台账。',
      ].join('\n'),
    );
    expect(outline.findings.map((f) => f.measures.map((m) => m.content))).toEqual([
      ['一是修订首问负责制度；', '二是开展专题培训。'],
      ['更换叫号主机', '与运维单位签订服务协议', '建立故障台账。'],
    ]);
  });

  it('picks up 责任单位, 完成时限, "…底前", 已完成 and 长期坚持 into the measure', () => {
    const outline = parse(
      [
        '1.预约号源被占用。',
        '整改措施：',
        '①限制同一证件每日预约次数（责任单位：综合科，完成时限：2024年6月底前）；',
        '②清理异常预约记录，已完成。',
        '③每月分析预约数据，长期坚持。',
        '④2024年9月底前完成预约系统升级。',
        '⑤上线爽约提醒短信。',
        '责任单位：信息科。',
      ].join('\n'),
    );
    const measures = outline.findings[0]?.measures ?? [];
    expect(measures.map((m) => [m.department, m.dueDate, m.kind])).toEqual([
      ['综合科', '2024-06-30', 'deadline'],
      ['信息科', undefined, 'immediate'],
      ['信息科', undefined, 'ongoing'],
      ['信息科', '2024-09-30', 'deadline'],
      ['信息科', undefined, undefined],
    ]);
    expect(measures[0]?.deadlineText).toBe('2024年6月底前');
  });

  it('整改结果及成效 is kept apart from the measures, and the draft keeps it with the problem', () => {
    const outline = parse(readFixture('styles/06-no-categories.txt'));
    expect(outline.findings[0]?.result).toBe('代办员队伍保持稳定，今年以来未发生更换。');
    const draft = outlineToDraft(outline, []);
    expect(draft.findings[0]?.description).toContain('整改结果及成效：代办员队伍保持稳定');
  });

  it('a date that says when something was done is not a deadline', () => {
    const outline = parse('1.合同管理不规范。\n整改情况：7月17日组织综合科学习合同管理制度。\n');
    expect(outline.findings[0]?.measures[0]).not.toHaveProperty('dueDate');
  });
});
