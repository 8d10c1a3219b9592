import type { ProjectCreate, TradingKind } from '@tongban/contracts';
import { SYSTEM_ACTOR, type Actor } from '../platform/access';
import type { Deps } from '../platform/app-types';
import * as trading from '../modules/trading';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ACTOR: Actor = { ...SYSTEM_ACTOR, regionCode: '350999' };

const SPECIALTIES = ['房建土建', '市政工程', '工程造价', '政府采购', '资产评估'];
const SURNAMES = '林陈黄郑王李张刘吴杨蔡许谢周方何';
const GIVEN = [
  '志强',
  '海燕',
  '建华',
  '丽娟',
  '明辉',
  '晓峰',
  '秀英',
  '国栋',
  '雅琴',
  '文斌',
  '春梅',
  '振宇',
];

const BIDDERS = [
  '云溪建工集团有限公司',
  '闽东路桥建设有限公司',
  '海西建筑工程有限公司',
  '东山市政工程有限公司',
  '青岚建设有限公司',
];

type Stage =
  | 'draft'
  | 'tendering'
  | 'opened'
  | 'evaluating'
  | 'publicity'
  | 'awarded'
  | 'contracted'
  | 'accepted'
  | 'cancelled'
  | 'unsuccessful';
const ORDER: Stage[] = [
  'draft',
  'tendering',
  'opened',
  'evaluating',
  'publicity',
  'awarded',
  'contracted',
  'accepted',
];

/** Demo of public resource trading: an expert pool, projects in every state, deposits (one overdue, 2012 ones). */
export async function seedTradingDemo(deps: Deps): Promise<void> {
  const now = deps.clock.now();
  let t = now;
  const at: Deps = { ...deps, clock: { now: () => t } };

  t = new Date(now.getTime() - 60 * DAY);
  for (let i = 0; i < 48; i++) {
    const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[i % GIVEN.length]}`;
    const specialty = SPECIALTIES[i % SPECIALTIES.length]!;
    const relations =
      i % 9 === 0
        ? [{ kind: 'employment' as const, companyName: BIDDERS[i % BIDDERS.length]!, note: '2019 年前任职' }]
        : i % 11 === 0
          ? [{ kind: 'kin' as const, companyName: BIDDERS[(i + 1) % BIDDERS.length]!, note: '配偶任职' }]
          : [];
    await trading.createExpert(at, ACTOR, {
      name,
      specialties: i % 4 === 0 ? [specialty, SPECIALTIES[(i + 2) % SPECIALTIES.length]!] : [specialty],
      employer: i % 13 === 0 ? BIDDERS[0]! : `云溪县第${(i % 6) + 1}设计院`,
      title: i % 3 === 0 ? '高级工程师' : '工程师',
      available: i % 17 !== 5,
      relations,
    });
  }

  const projects: {
    name: string;
    kind: TradingKind;
    method: ProjectCreate['method'];
    stage: Stage;
    daysAgo: number;
  }[] = [
    {
      name: '云溪县城关小学运动场改造工程',
      kind: 'construction',
      method: 'open',
      stage: 'draft',
      daysAgo: 1,
    },
    {
      name: '云溪县人民医院医疗设备采购',
      kind: 'procurement',
      method: 'open',
      stage: 'tendering',
      daysAgo: 2,
    },
    { name: '溪南片区污水管网工程', kind: 'construction', method: 'open', stage: 'opened', daysAgo: 3 },
    {
      name: '县政务服务中心信息化运维服务',
      kind: 'procurement',
      method: 'consultation',
      stage: 'evaluating',
      daysAgo: 4,
    },
    { name: '云溪大桥桥面维修工程', kind: 'construction', method: 'open', stage: 'publicity', daysAgo: 4 },
    // Publicity over: the award can be sent (the browser test does it).
    { name: '县档案馆密集架采购', kind: 'procurement', method: 'open', stage: 'publicity', daysAgo: 9 },
    {
      name: '县粮食储备库国有资产转让',
      kind: 'state_property',
      method: 'listing',
      stage: 'awarded',
      daysAgo: 8,
    },
    { name: '城东安置房二期工程', kind: 'construction', method: 'open', stage: 'contracted', daysAgo: 22 },
    { name: '县教育局课桌椅采购', kind: 'procurement', method: 'open', stage: 'accepted', daysAgo: 30 },
    {
      name: '溪口村集体林地经营权流转',
      kind: 'rural_property',
      method: 'auction',
      stage: 'cancelled',
      daysAgo: 12,
    },
    {
      name: '城北地块国有建设用地使用权出让',
      kind: 'land',
      method: 'listing',
      stage: 'unsuccessful',
      daysAgo: 15,
    },
  ];

  for (const [k, p] of projects.entries()) {
    t = new Date(now.getTime() - p.daysAgo * DAY);
    const created = await trading.registerProject(at, ACTOR, {
      name: p.name,
      kind: p.kind,
      method: p.method,
      tendererName: p.kind === 'procurement' ? '云溪县人民医院' : '云溪县城市建设投资有限公司',
      agencyName: '云溪县招标代理有限公司',
      estimateYuan: 2_000_000 + k * 350_000,
    });
    const id = created.id;
    const step = (action: Parameters<typeof trading.transitionProject>[3]) =>
      trading.transitionProject(at, ACTOR, id, action);
    if (p.stage === 'draft') continue;
    const deadline = new Date(t.getTime() + (p.stage === 'tendering' ? 10 * DAY : 1 * DAY));
    await step({ action: 'announce', bidDeadline: deadline.toISOString() });
    if (p.stage === 'cancelled') {
      await step({ action: 'cancel', note: '村集体经济组织决议变更，终止交易' });
      continue;
    }
    const n = p.stage === 'unsuccessful' ? 1 : 3 + (k % 3);
    const bidders = [];
    for (let b = 0; b < n; b++) {
      t = new Date(t.getTime() + HOUR);
      bidders.push(
        await trading.recordBid(at, ACTOR, id, {
          name: BIDDERS[(b + k) % BIDDERS.length]!,
          creditCode: null,
          priceYuan: 1_800_000 + b * 40_000 + k * 300_000,
          // The contracted project shows a collusion signal: two bid files by one author.
          fileAuthor: p.stage === 'contracted' && b < 2 ? 'zhangwei' : `author${b}`,
        }),
      );
      await trading.recordDeposit(at, ACTOR, id, {
        bidderId: bidders[b]!.id,
        amountYuan: 20_000,
        payerAccount: p.stage === 'contracted' && b < 2 ? '6222023500001111' : `62220235000${k}${b}999`,
        paidOn: new Date(t.getTime() + 8 * HOUR).toISOString().slice(0, 10),
        validUntil: null,
      });
    }
    if (p.stage === 'tendering') continue;
    t = new Date(deadline.getTime() + HOUR);
    await step({ action: 'open_bids' });
    if (p.stage === 'unsuccessful') {
      await step({ action: 'fail', note: '有效投标人不足三家' });
      continue;
    }
    if (p.stage === 'opened') continue;
    const specialty =
      p.kind === 'procurement' ? '政府采购' : p.kind === 'construction' ? '房建土建' : '资产评估';
    const draw = await trading.commitDraw(at, ACTOR, id, {
      panelSize: 5,
      ownerReps: 1,
      reserveCount: 2,
      requests: [
        { specialty, count: 3 },
        { specialty: '工程造价', count: 1 },
      ],
      openAt: new Date(t.getTime() + HOUR).toISOString(),
    });
    await trading.runPanelDraw(at, ACTOR, draw.id);
    t = new Date(t.getTime() + HOUR);
    await trading.openSealedList(at, ACTOR, draw.id);
    await trading.bookRoom(at, ACTOR, {
      room: `评标室${(k % 3) + 1}`,
      kind: 'room',
      day: t.toISOString().slice(0, 10),
      projectId: id,
    });
    await step({ action: 'start_evaluation' });
    if (ORDER.indexOf(p.stage) <= ORDER.indexOf('evaluating')) continue;
    t = new Date(t.getTime() + 6 * HOUR);
    await step({
      action: 'publish_candidates',
      evaluationReportAt: new Date(t.getTime() - HOUR).toISOString(),
      publicityDays: 3,
    });
    if (p.stage === 'publicity') continue;
    t = new Date(t.getTime() + 3 * DAY + HOUR);
    await step({ action: 'award', winnerBidderId: bidders[0]!.id });
    if (p.stage === 'awarded') continue;
    t = new Date(t.getTime() + DAY);
    await step({ action: 'sign_contract' });
    if (p.stage === 'contracted') {
      // One deposit refunded in time; the others stay overdue on the red board.
      continue;
    }
    await step({ action: 'accept', evidence: '到货验收单、抽检报告与投标文件技术参数逐项比对记录' });
  }

  // Deposits from the old books: 2012 ones nobody refunded (the report's 860,200 yuan).
  t = now;
  for (let i = 0; i < 4; i++) {
    await trading.importLegacyDeposit(at, ACTOR, {
      projectLabel: `2012 年云溪县农村公路改造工程第 ${i + 1} 标段（纸质台账）`,
      bidderName: BIDDERS[i]!,
      regime: 'tender',
      amountYuan: 37_400 + i * 1000,
      payerAccount: `6222020400${i}88812`,
      paidOn: `2012-0${i + 3}-15`,
      refundDueOn: `2012-0${i + 5}-20`,
    });
  }
  await trading.sweepOverdueDeposits(at, { ...ACTOR });
  await trading.declareOffPlatform(at, ACTOR, {
    year: Number(now.toISOString().slice(0, 4)),
    kind: 'land',
    department: '云溪县自然资源局',
    tradeCount: 2,
    note: '协议出让，未进场',
  });
  await trading.declareOffPlatform(at, ACTOR, {
    year: Number(now.toISOString().slice(0, 4)),
    kind: 'rural_property',
    department: '云溪县农业农村局',
    tradeCount: 5,
    note: '村级自行组织',
  });
}
