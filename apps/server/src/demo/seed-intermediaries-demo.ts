import { creditCodeCheckChar } from '@tongban/contracts';
import { SYSTEM_ACTOR, type Actor } from '../platform/access';
import type { Deps } from '../platform/app-types';
import * as market from '../modules/intermediaries';

const ACTOR: Actor = { ...SYSTEM_ACTOR, regionCode: '350999' };
const code = (n: number) => {
  const first = `91350999MA3${String(n).padStart(6, '0')}`;
  return first + creditCodeCheckChar(first)!;
};

const FIRMS = [
  { name: '云溪县正衡工程检测有限公司', kinds: ['testing'] as const },
  { name: '闽海测绘地理信息有限公司', kinds: ['surveying'] as const },
  { name: '海西建筑设计研究院有限公司', kinds: ['design', 'consulting'] as const },
  { name: '东南资产评估事务所有限公司', kinds: ['assessment'] as const },
  { name: '青岚环境检测技术有限公司', kinds: ['testing', 'assessment'] as const },
  { name: '云溪信达工程咨询有限公司', kinds: ['consulting'] as const },
];

// Nobody in the demo offers 鉴定 (appraisal): the browser test registers the first one and sees it drawn.
/** Demo of the intermediary market: registered firms, rules and fees, purchases by every method. */
export async function seedIntermediariesDemo(deps: Deps): Promise<void> {
  const ids: string[] = [];
  const tokens: string[] = [];
  for (const [i, f] of FIRMS.entries()) {
    const r = await market.registerIntermediary(deps, ACTOR, {
      regionCode: '350999',
      name: f.name,
      creditCode: code(i + 1),
      licenceNo: `闽资质${2020 + i}-${100 + i}`,
      serviceKinds: [...f.kinds],
      qualifications: ['乙级资质'],
      staffCount: 12 + i * 5,
      fees: [{ service: `${f.name.slice(3, 7)}服务`, feeYuan: 3000 + i * 500, unit: '项' }],
    });
    ids.push(r.id);
    tokens.push(r.token);
  }
  await market.publishRule(deps, ACTOR, {
    kind: 'rule',
    title: '云溪县网上中介服务超市管理办法',
    body: '中介机构自主入驻，无需审批；项目业主可直接选取、随机抽取或竞价选取。',
    effectiveFrom: '2026-01-01',
  });
  await market.publishRule(deps, ACTOR, {
    kind: 'fee_catalogue',
    title: '中介服务收费目录（2026 年版）',
    body: '工程检测：按检测项目计费；测绘：按面积计费；资产评估：按评估值分档累进。',
    effectiveFrom: '2026-03-01',
  });
  const buy = async (
    title: string,
    kind: 'testing' | 'surveying' | 'design' | 'assessment',
    method: 'direct' | 'draw' | 'quote',
    stage: number,
  ) => {
    const { id } = await market.createPurchase(deps, ACTOR, {
      title,
      ownerName: '云溪县住房和城乡建设局',
      serviceKind: kind,
      budgetYuan: 50_000,
      method,
    });
    if (method === 'quote') {
      // The two firms offering the service quote; the lowest wins.
      await market.submitQuote(deps, ACTOR, { token: tokens[0]!, purchaseId: id, amountYuan: 46_000 });
      await market.submitQuote(deps, ACTOR, { token: tokens[4]!, purchaseId: id, amountYuan: 43_500 });
    }
    if (stage < 1) return id;
    await market.selectIntermediary(deps, ACTOR, id, method === 'direct' ? { intermediaryId: ids[2]! } : {});
    if (stage < 2) return id;
    await market.advancePurchase(deps, ACTOR, id, { action: 'contract', priceYuan: 42_000 });
    if (stage < 3) return id;
    await market.advancePurchase(deps, ACTOR, id, { action: 'complete', rating: 4 });
    return id;
  };
  await buy('城东安置房二期桩基检测', 'testing', 'draw', 3);
  await buy('溪南片区地形测绘', 'surveying', 'draw', 2);
  await buy('县政务服务中心改造方案设计', 'design', 'direct', 3);
  await buy('老旧小区房屋安全鉴定', 'testing', 'draw', 0);
  await buy('云溪大桥荷载试验', 'testing', 'quote', 2);
  await buy('粮食储备库资产评估', 'assessment', 'draw', 1);
  await market.fileComplaint(deps, ACTOR, {
    purchaseId: (await buy('县医院结构检测', 'testing', 'draw', 3))!,
    body: '检测报告出具超过约定期限 7 天',
  });
}
