import type { GuideText } from '@tongban/contracts';
import { CatalogItemCreate } from '@tongban/contracts';
import { catalogService, hasItemsIn } from '../modules/catalog';
import { listDepartmentsIn } from '../modules/org';
import { SYSTEM_ACTOR } from '../platform/access';
import type { Deps } from '../platform/app-types';
import { DEPTS, HALL, HOURS, ITEMS_A, type Spec } from './seed-catalog-demo-items';
import { ITEMS_B } from './seed-catalog-demo-items-2';

/**
 * The demo county's service-item catalog: about 30 published items across the demo departments,
 * written for this project (legal references paraphrased, not quoted). One item has a special
 * procedure (现场勘查) and a longer step template; one is on the 负面清单; 食品经营许可 has a second
 * draft version waiting to be published; a few carry English guides, and the foreign residents'
 * permit carries English, Russian and Korean ones for the 境外服务窗口.
 */

const REGION = '350999';

const fixedId = (kind: 1 | 2 | 3, n: number) =>
  `ca7a${kind}000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Known ids of demo items, for tests (the access matrix addresses them). */
export const DEMO_CATALOG = {
  /** 食品经营许可 (市场监管): v1 published, v2 draft pending. */
  foodItemId: fixedId(1, 1),
  foodPublishedVersionId: fixedId(2, 1),
  foodDraftVersionId: fixedId(3, 1),
  /** 企业变更登记 (市场监管), published: free to retire in a test. */
  retireItemId: fixedId(1, 3),
} as const;

const ITEMS: Spec[] = [...ITEMS_A, ...ITEMS_B];

function guideZh(s: Spec): GuideText {
  const online =
    s.online === 'full_online'
      ? '可通过“云溪通办”网上办理，全程无需到现场'
      : s.online === 'online_pretrial'
        ? '可先在网上提交材料预审，预审通过后到现场办理'
        : '须到办理地点现场办理';
  const limit =
    s.limits[1] === 0 ? '当场办结' : `${s.limits[1]} 个工作日内办结（法定 ${s.limits[0]} 个工作日）`;
  return {
    name: s.name,
    conditions: s.conditions,
    process: `${(s.steps ?? ['受理', '审查', '决定', '办结']).join('→')}。${online}；材料齐全、符合法定形式的，${limit}。`,
    notes: s.notes ?? '材料不齐全的，窗口一次性告知需补正的全部内容。',
  };
}

/** Seeds the demo catalog once (does nothing when the region already has items). */
export async function seedCatalogDemo(deps: Deps): Promise<void> {
  if (await hasItemsIn(deps.db, REGION)) return;
  const depts = new Map((await listDepartmentsIn(deps.db, REGION)).map((d) => [d.name, d.id] as const));
  const a = SYSTEM_ACTOR;
  for (const [index, s] of ITEMS.entries()) {
    const dept = DEPTS[s.dept];
    const input = CatalogItemCreate.parse({
      itemCode: `${REGION}-${dept.code}-${s.code}`,
      regionCode: REGION,
      name: s.name,
      itemType: s.type,
      departmentId: depts.get(dept.name)!,
      legalBasis: s.basis.map(([name, article]) => ({ name, article })),
      acceptanceConditions: s.conditions,
      handling: s.limits[0] === 0 ? 'instant' : 'promised',
      legalLimitDays: s.limits[0],
      promisedLimitDays: s.limits[1],
      specialProcedures: s.special ?? [],
      fees: s.fees ?? [],
      location: s.exemption ? '云溪县公安局治安管理大队（溪畔大道 102 号）' : `${HALL}${dept.desk}`,
      hours: HOURS,
      consultPhone: dept.phone,
      complaintPhone: '12345',
      maxVisits: s.visits,
      onlineLevel: s.online,
      hallExemption: s.exemption ?? null,
      ...(s.steps ? { steps: s.steps } : {}),
      materials: s.materials,
      guides: {
        zh: guideZh(s),
        ...(s.en ? { en: s.en } : {}),
        ...(s.ru ? { ru: s.ru } : {}),
        ...(s.ko ? { ko: s.ko } : {}),
      },
    });
    const draft = await catalogService.createItem(deps, a, input, {
      itemId: fixedId(1, index + 1),
      versionId: fixedId(2, index + 1),
    });
    const published = await catalogService.publish(deps, a, draft.itemId, draft.id);
    // 食品经营许可: a second version waits for publication (承诺时限 shortened from 5 to 3 days).
    if (s.dept === 'market' && s.code === '001') {
      await catalogService.createDraft(
        deps,
        a,
        draft.itemId,
        {
          fromVersionId: published.id,
          changes: {
            promisedLimitDays: 3,
            guides: {
              ...published.guides,
              zh: { ...guideZh(s), process: guideZh({ ...s, limits: [20, 3] }).process },
            },
          },
        },
        { versionId: fixedId(3, index + 1) },
      );
    }
  }
}
