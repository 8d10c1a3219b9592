import type { ApplicantInput, BundleDefinition, BundleDefinitionInputRaw, Role } from '@tongban/contracts';
import { BundleDefinitionInput } from '@tongban/contracts';
import { SYSTEM_ACTOR, type Actor } from '../platform/access';
import type { Deps } from '../platform/app-types';
import { fixedClock } from '../platform/clock';
import { casesService } from '../modules/cases';
import { accounts } from '../modules/auth';
import { findSomeApplicantId } from '../modules/cases';
import { listPublishedItemNames } from '../modules/catalog';
import { listDepartmentsIn, orgService } from '../modules/org';
import {
  applyOnline,
  chooseAtWindow,
  decideBundleExtension,
  deliverBundle,
  findBundleByNo,
  getBundle,
  intakeAtWindow,
  onBranchTransition,
  publishDefinition,
  requestBundleExtension,
  saveDefinition,
} from '../modules/bundles';
import { onCaseTransition } from '../modules/cases';
import { DEMO_PASSWORD } from './seed-demo';
import { makeIdNumber } from './seed-cases-demo';

/**
 * 一件事一次办 demo (issue 20): the national first-batch themes whose items the demo catalog has
 * (开办餐饮店, 新生儿出生) and a 一链办理 investment theme with a dependency; approvers of every
 * department involved (SOD-1 needs two per department: one reviews, another decides); and bundles
 * in every state: just received, a paused branch (supplement), waiting for a prerequisite, a refused
 * branch awaiting the applicant's choice, concluded, delivered with a 一业一证 license, withdrawn.
 */

const REGION = '350999';
const DAY = 86_400_000;

export const DEMO_BUNDLES = {
  restaurantCode: 'KBCYD',
  projectCode: 'XMKG',
} as const;

/** Demo users the bundle journeys need (approvers of departments the core demo leaves without). */
export const BUNDLE_USERS: { username: string; displayName: string; role: Role; dept: string }[] = [
  { username: 'approver_health', displayName: '林素云', role: 'approver', dept: '云溪县卫生健康局' },
  { username: 'approver_health2', displayName: '高立新', role: 'approver', dept: '云溪县卫生健康局' },
  { username: 'clerk_housing', displayName: '罗嘉宁', role: 'clerk', dept: '云溪县住房和城乡建设局' },
  { username: 'approver_housing', displayName: '邱海涛', role: 'approver', dept: '云溪县住房和城乡建设局' },
  { username: 'approver_housing2', displayName: '谢雨桐', role: 'approver', dept: '云溪县住房和城乡建设局' },
  { username: 'approver_housing3', displayName: '袁志诚', role: 'approver', dept: '云溪县住房和城乡建设局' },
  { username: 'clerk_resources', displayName: '潘启明', role: 'clerk', dept: '云溪县自然资源局' },
  { username: 'approver_resources', displayName: '魏晨曦', role: 'approver', dept: '云溪县自然资源局' },
  { username: 'approver_resources2', displayName: '段文清', role: 'approver', dept: '云溪县自然资源局' },
  { username: 'approver_civil', displayName: '孙明远', role: 'approver', dept: '云溪县民政局' },
  { username: 'approver_civil2', displayName: '钟佳慧', role: 'approver', dept: '云溪县民政局' },
];

async function itemIdsByName(deps: Deps): Promise<Map<string, string>> {
  const rows = await listPublishedItemNames(deps.db, REGION);
  return new Map(rows.map((r) => [r.name, r.itemId] as const));
}

export async function seedBundlesDemo(deps: Deps): Promise<void> {
  // The demo seeds before any app is built: the bundles listener must already hear branch changes.
  onCaseTransition(onBranchTransition);
  const depts = new Map((await listDepartmentsIn(deps.db, REGION)).map((d) => [d.name, d.id] as const));
  if (!depts.size) return;
  for (const u of BUNDLE_USERS)
    await orgService.createUser(
      deps,
      SYSTEM_ACTOR,
      {
        username: u.username,
        displayName: u.displayName,
        password: DEMO_PASSWORD,
        role: u.role,
        regionCode: REGION,
        departmentId: depts.get(u.dept)!,
      },
      { demoAccount: true },
    );
  const items = await itemIdsByName(deps);
  const id = (name: string) => items.get(name)!;
  const admin = { ...SYSTEM_ACTOR, regionCode: REGION };
  const themes: BundleDefinitionInputRaw[] = [
    {
      code: DEMO_BUNDLES.restaurantCode,
      name: '开办餐饮店',
      description:
        '国发〔2024〕3号第一批重点事项。一次告知、一表申请、一套材料、一窗受理、一网办理：食品经营许可、公共场所卫生许可、排水许可并联审批，办结后核发餐饮服务行业综合许可证（一业一证）。',
      items: [
        { itemId: id('食品经营许可') },
        { itemId: id('公共场所卫生许可') },
        { itemId: id('城镇污水排入排水管网许可') },
      ],
      formFields: [
        { key: 'seats', label: '就餐座位数', itemIds: [id('食品经营许可'), id('公共场所卫生许可')] },
        { key: 'drainage', label: '日排水量（立方米）', itemIds: [id('城镇污水排入排水管网许可')] },
      ],
      licenseTypeName: '餐饮服务行业综合许可证',
    },
    {
      code: 'QYXXBG',
      name: '企业信息变更',
      description:
        '国发〔2024〕3号第一批重点事项：企业登记事项变更后，食品经营许可、公共场所卫生许可、排水许可中的相同信息一并变更，一次申请、并联办理。',
      items: [
        { itemId: id('企业变更登记') },
        { itemId: id('公共场所卫生许可') },
        { itemId: id('城镇污水排入排水管网许可') },
      ],
      formFields: [
        { key: 'changeItems', label: '变更事项（名称、住所、法定代表人等）', itemIds: [id('企业变更登记')] },
      ],
    },
    {
      code: 'XSECS',
      name: '新生儿出生',
      description: '国发〔2024〕3号第一批重点事项：出生医学证明、社会保障卡一次办。',
      items: [{ itemId: id('出生医学证明签发') }, { itemId: id('社会保障卡申领') }],
    },
    {
      code: DEMO_BUNDLES.projectCode,
      name: '建设项目开工',
      description: '一链办理：用地预审与选址意见书先行，施工许可待其准予后审批；建筑垃圾处置核准并联办理。',
      items: [
        { itemId: id('建设项目用地预审与选址意见书核发') },
        { itemId: id('建筑工程施工许可证核发'), dependsOn: [id('建设项目用地预审与选址意见书核发')] },
        { itemId: id('城市建筑垃圾处置核准') },
      ],
    },
  ];
  const defs: BundleDefinition[] = [];
  for (const t of themes) {
    const draft = await saveDefinition(deps, admin, BundleDefinitionInput.parse(t));
    defs.push(await publishDefinition(deps, admin, draft.versionId));
  }
  const byCode = (code: string) => defs.find((x) => x.code === code)!;
  await seedBundleCases(
    deps,
    byCode(DEMO_BUNDLES.restaurantCode).id,
    byCode(DEMO_BUNDLES.projectCode).id,
    byCode(DEMO_BUNDLES.restaurantCode).materials.map((m) => m.name),
    byCode(DEMO_BUNDLES.projectCode).materials.map((m) => m.name),
  );
}

async function seedBundleCases(
  deps: Deps,
  restaurant: string,
  project: string,
  all: string[],
  projectMaterials: string[],
) {
  const users = await accounts.listAccounts(deps.db, REGION);
  const actor = (username: string): Actor => {
    const u = users.find((x) => x.username === username)!;
    return { ...u, userId: u.id, role: u.role as Role, clientIp: '127.0.0.1' };
  };
  const now = deps.clock.now().getTime();
  const clock = fixedClock(new Date(now - 20 * DAY));
  const d: Deps = { ...deps, clock };
  const at = (daysAgo: number) => clock.set(new Date(now - daysAgo * DAY));
  const clerk = actor('clerk');
  const enterprise = (n: number, name: string): ApplicantInput => ({
    kind: 'person',
    name,
    idNumber: makeIdNumber(REGION, `198${n}0${n}1${n}`, 300 + n),
    phone: `1380599${String(3000 + n)}`,
  });
  const form = {
    applicantName: '',
    contactPhone: '',
    businessAddress: '云溪县溪畔大道 66 号',
    businessScope: '热食类食品制售',
    seats: '40',
  };
  const apply = async (daysAgo: number, n: number, name: string, def = restaurant, provided = all) => {
    at(daysAgo);
    const r = await applyOnline(
      d,
      { ...SYSTEM_ACTOR, role: 'applicant', username: 'public', displayName: '公众' },
      {
        definitionId: def,
        applicant: enterprise(n, name),
        formValues: { ...form, applicantName: name },
        materials: provided,
      },
    );
    const found = await findBundleByNo(deps.db, r.bundleNo);
    return await getBundle(d, SYSTEM_ACTOR, found!.id);
  };
  const clerkOf: Record<string, string> = {
    云溪县市场监督管理局: 'clerk',
    云溪县卫生健康局: 'clerk2',
    云溪县住房和城乡建设局: 'clerk_housing',
    云溪县自然资源局: 'clerk_resources',
  };
  // Reviewers in step order, the decider last (SOD-1: one signature per person and case).
  const approversOf: Record<string, string[]> = {
    云溪县市场监督管理局: ['approver', 'approver2'],
    云溪县卫生健康局: ['approver_health', 'approver_health2'],
    云溪县住房和城乡建设局: ['approver_housing', 'approver_housing2', 'approver_housing3'],
    云溪县自然资源局: ['approver_resources', 'approver_resources2'],
  };
  const opts = { anyVersion: true };
  const step = async (
    daysAgo: number,
    b: { departmentName: string; caseId: string },
    what: 'accept' | 'review' | 'grant' | 'refuse' | 'supplement',
  ) => {
    at(daysAgo);
    const chain = approversOf[b.departmentName]!;
    const dec = chain.at(-1)!;
    const c = actor(clerkOf[b.departmentName]!);
    if (what === 'accept') await casesService.accept(d, c, b.caseId, { version: 0, deferred: [] }, opts);
    if (what === 'supplement')
      await casesService.requestSupplement(d, c, b.caseId, {
        version: (await casesService.getDetail(d, c, b.caseId)).version,
        faulty: [{ name: '场所平面布局图', reason: '未标注面积和功能分区' }],
        note: '',
      });
    if (what === 'refuse')
      await casesService.refuse(d, c, b.caseId, {
        version: (await casesService.getDetail(d, c, b.caseId)).version,
        reason: '经营场所位于居民楼内，不符合排水接入条件',
        redirectTo: '云溪县住房和城乡建设局排水科',
      });
    if (what === 'review')
      // Every step before the decision, each by the next reviewer.
      for (const who of chain.slice(0, -1)) {
        const cur = await casesService.getDetail(d, actor(who), b.caseId);
        if (cur.stepIndex >= chain.length - 1 || cur.stepName === '决定') break;
        await casesService.completeStep(d, actor(who), b.caseId, {
          version: cur.version,
          opinion: '材料齐全，符合条件',
        });
      }
    if (what === 'grant') {
      const v = (await casesService.getDetail(d, actor(dec), b.caseId)).version;
      await casesService.decide(d, actor(dec), b.caseId, {
        version: v,
        outcome: 'grant',
        reason: '',
        legalBasis: '',
        opinion: '准予许可',
      });
    }
  };
  const full = async (daysAgo: number, b: { departmentName: string; caseId: string }) => {
    await step(daysAgo, b, 'accept');
    await step(daysAgo - 1, b, 'review');
    await step(daysAgo - 2, b, 'grant');
  };

  // Delivered with its 一业一证 license.
  const delivered = await apply(18, 1, '溪畔小馆');
  for (const b of delivered.branches) await full(17, b);
  at(12);
  await deliverBundle(d, clerk, delivered.id, {
    version: (await getBundle(d, clerk, delivered.id)).version,
    method: 'window',
    receivedBy: '溪畔小馆 经营者',
  });
  // Concluded, waiting for the one delivery.
  const concluded = await apply(10, 2, '桃源面馆');
  for (const b of concluded.branches) await full(9, b);
  // Open: one branch paused for a supplement (only that branch), the others running.
  const paused = await apply(6, 3, '青石茶餐厅');
  await step(5, paused.branches[0]!, 'accept');
  await step(5, paused.branches[1]!, 'supplement');
  await step(5, paused.branches[2]!, 'accept');
  await step(4, paused.branches[0]!, 'review');
  // A refused branch: the applicant is told and chooses.
  const refused = await apply(5, 4, '老街烧烤');
  await step(4, refused.branches[0]!, 'accept');
  await step(4, refused.branches[1]!, 'accept');
  await step(3, refused.branches[2]!, 'refuse');
  // DEC-2: the paused bundle's one extension (15 working days), approved by the head of the body.
  at(4);
  const clerkOf2 = actor('clerk');
  let pv = await getBundle(d, clerkOf2, paused.id);
  await requestBundleExtension(d, clerkOf2, paused.id, {
    version: pv.version,
    days: 15,
    reason: '卫生许可分支需现场核查，申请人补正期间不计时，整体顺延',
  });
  pv = await getBundle(d, clerkOf2, paused.id);
  await decideBundleExtension(d, actor('leader'), paused.id, {
    version: pv.version,
    approved: true,
    note: '同意延期',
  });
  // Withdrawn: a branch refused, the applicant chose to withdraw the whole application.
  const gone = await apply(4, 6, '河口大排档');
  await step(3, gone.branches[0]!, 'accept');
  await step(2, gone.branches[2]!, 'refuse');
  at(2);
  await chooseAtWindow(d, clerk, gone.id, {
    version: (await getBundle(d, clerk, gone.id)).version,
    choice: 'withdraw',
  });
  // Just received online.
  await apply(1, 5, '云溪简餐');
  // 一链办理: the construction permit waits for the land pre-review.
  at(3);
  const applicantId = (await findSomeApplicantId(deps.db, REGION))!;
  const proj = await intakeAtWindow(d, actor('clerk'), {
    definitionId: project,
    applicantId,
    formValues: { businessAddress: '云溪县工业园区 3 号地块' },
    materials: projectMaterials.map((name) => ({ name, status: 'provided' as const })),
    accept: false,
  });
  const pb = await getBundle(d, SYSTEM_ACTOR, proj.bundleId);
  await step(
    2,
    pb.branches.find((b) => b.departmentName === '云溪县自然资源局')!,
    'accept',
  );
  clock.set(new Date(now));
}
