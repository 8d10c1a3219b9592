import type { Role } from '@tongban/contracts';
import { SYSTEM_ACTOR } from '../platform/access';
import type { Deps } from '../platform/app-types';
import { DEMO_PASSWORD } from '../modules/auth';
import { hasAnyRegion, orgService } from '../modules/org';
import { seedCasesDemo } from './seed-cases-demo';
import { seedPortalDemo } from './seed-portal-demo';
import { seedCatalogDemo } from './seed-catalog-demo';
import { seedLedgerDemo } from './seed-ledger-demo';
import { seedSupervisionDemo } from './seed-supervision-demo';
import { seedEvaluationsDemo } from './seed-evaluations-demo';
import { seedComplaintsDemo } from './seed-complaints-demo';
import { seedHallDemo } from './seed-hall-demo';
import { seedBundlesDemo } from './seed-bundles-demo';
import { seedTradingDemo } from './seed-trading-demo';
import { seedIntermediariesDemo } from './seed-intermediaries-demo';
import { seedReviewsDemo } from './seed-reviews-demo';

/** Every demo account shares this password (README lists the accounts); no other account may use it. */
export { DEMO_PASSWORD };
export const DEMO_REGION = '350999';

// A fictional county, 云溪县, with made-up names throughout; the region code 350999 is unused in GB/T 2260.
const DEPARTMENTS = [
  { key: 'market', name: '云溪县市场监督管理局', shortName: '市场监管' },
  { key: 'health', name: '云溪县卫生健康局', shortName: '卫健' },
  { key: 'housing', name: '云溪县住房和城乡建设局', shortName: '住建' },
  { key: 'civil', name: '云溪县民政局', shortName: '民政' },
  { key: 'hrss', name: '云溪县人力资源和社会保障局', shortName: '人社' },
  { key: 'resources', name: '云溪县自然资源局', shortName: '自然资源' },
  {
    key: 'security',
    name: '云溪县公安局',
    shortName: '公安',
    hallExemption: '涉及刑事侦查和涉密审批的事项列入负面清单，在本部门办理；户籍、出入境业务已进驻大厅',
  },
] as const;
type DeptKey = (typeof DEPARTMENTS)[number]['key'];

const WINDOWS: {
  number: string;
  name: string;
  kind: 'comprehensive' | 'dedicated' | 'assist' | 'unresolved' | 'grievance' | 'foreign';
  dept?: DeptKey;
  tidal?: boolean;
}[] = [
  { number: 'A01', name: '综合受理一号窗', kind: 'comprehensive' },
  { number: 'A02', name: '综合受理二号窗', kind: 'comprehensive' },
  { number: 'A03', name: '综合受理三号窗（潮汐）', kind: 'comprehensive', tidal: true },
  { number: 'B01', name: '市场准入专窗', kind: 'dedicated', dept: 'market' },
  { number: 'B02', name: '婚姻登记专窗', kind: 'dedicated', dept: 'civil' },
  { number: 'B03', name: '社保卡专窗', kind: 'dedicated', dept: 'hrss' },
  { number: 'C01', name: '帮办代办窗口', kind: 'assist' },
  { number: 'C02', name: '办不成事反映窗口', kind: 'unresolved' },
  { number: 'C03', name: '吐槽窗口', kind: 'grievance' },
  { number: 'C04', name: '境外人员服务窗口', kind: 'foreign' },
];

const STAFF: {
  name: string;
  title: string;
  dept: DeptKey;
  window?: string;
  employment: 'employee' | 'contractor';
}[] = [
  { name: '林晓岚', title: '综合窗口首席代表', dept: 'market', window: 'A01', employment: 'employee' },
  { name: '陈一鸣', title: '综合受理员', dept: 'market', window: 'A02', employment: 'contractor' },
  { name: '黄思源', title: '综合受理员', dept: 'health', window: 'A03', employment: 'contractor' },
  { name: '郑可欣', title: '市场准入审批员', dept: 'market', window: 'B01', employment: 'employee' },
  { name: '吴志远', title: '婚姻登记员', dept: 'civil', window: 'B02', employment: 'employee' },
  { name: '许若彤', title: '社保经办员', dept: 'hrss', window: 'B03', employment: 'contractor' },
  { name: '蔡文博', title: '帮办代办员', dept: 'housing', window: 'C01', employment: 'contractor' },
  { name: '杨静怡', title: '督查专员', dept: 'health', window: 'C02', employment: 'employee' },
  { name: '苏明哲', title: '群众诉求受理员', dept: 'resources', window: 'C03', employment: 'contractor' },
  { name: '周安娜', title: '涉外服务专员', dept: 'security', window: 'C04', employment: 'employee' },
  { name: '方建国', title: '审批科科长', dept: 'market', employment: 'employee' },
];

const USERS: { username: string; displayName: string; role: Role; dept?: DeptKey }[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin' },
  { username: 'clerk', displayName: '陈一鸣', role: 'clerk', dept: 'market' },
  { username: 'clerk2', displayName: '黄思源', role: 'clerk', dept: 'health' },
  { username: 'approver', displayName: '郑可欣', role: 'approver', dept: 'market' },
  { username: 'approver2', displayName: '王嘉树', role: 'approver', dept: 'market' },
  { username: 'depthead', displayName: '方建国', role: 'dept_head', dept: 'market' },
  { username: 'supervisor', displayName: '杨静怡', role: 'supervisor' },
  { username: 'leader', displayName: '刘振华', role: 'leader' },
  { username: 'inspector', displayName: '县委第二巡察组', role: 'inspector' },
  { username: 'applicant', displayName: '李小满', role: 'applicant' },
];

/**
 * Seeds the demo district on an empty database (no regions yet); does nothing otherwise, so every
 * restart is safe. Goes through the services, so the demo is audited like any other change.
 */
export async function seedDemo(deps: Deps): Promise<boolean> {
  if (await hasAnyRegion(deps.db)) return false;
  const a = SYSTEM_ACTOR;
  await orgService.createRegion(deps, a, { code: DEMO_REGION, name: '云溪县', parentCode: null });
  await orgService.createRegion(deps, a, { code: '350999100000', name: '青石镇', parentCode: DEMO_REGION });
  await orgService.createRegion(deps, a, { code: '350999101000', name: '桃源乡', parentCode: DEMO_REGION });
  const hall = await orgService.createHall(deps, a, {
    regionCode: DEMO_REGION,
    name: '云溪县政务服务中心',
    level: 'county',
    address: '云溪县溪畔大道 88 号',
    phone: '0599-7712345',
  });
  await orgService.createHall(deps, a, {
    regionCode: '350999100000',
    name: '青石镇便民服务中心',
    level: 'township',
    address: '青石镇石桥街 12 号',
    phone: '0599-7723456',
  });
  const depts = new Map<DeptKey, string>();
  for (const d of DEPARTMENTS) {
    const row = await orgService.createDepartment(deps, a, {
      regionCode: DEMO_REGION,
      hallId: hall.id,
      name: d.name,
      shortName: d.shortName,
      hallExemption: 'hallExemption' in d ? d.hallExemption : null,
    });
    depts.set(d.key, row.id);
  }
  const windows = new Map<string, string>();
  for (const w of WINDOWS) {
    const row = await orgService.createWindow(deps, a, {
      hallId: hall.id,
      number: w.number,
      name: w.name,
      kind: w.kind,
      tidal: w.tidal ?? false,
      departmentId: w.dept ? depts.get(w.dept)! : null,
    });
    windows.set(w.number, row.id);
  }
  for (const [i, s] of STAFF.entries()) {
    await orgService.createStaff(deps, a, {
      name: s.name,
      title: s.title,
      // 工号 as the badge shows it.
      staffNo: `YX${String(101 + i).padStart(4, '0')}`,
      departmentId: depts.get(s.dept)!,
      windowId: s.window ? windows.get(s.window)! : null,
      employment: s.employment,
      stationedFrom: '2025-03-01',
      stationedUntil: '2027-02-28',
    });
  }
  for (const u of USERS) {
    await orgService.createUser(
      deps,
      a,
      {
        username: u.username,
        displayName: u.displayName,
        password: DEMO_PASSWORD,
        role: u.role,
        regionCode: DEMO_REGION,
        departmentId: u.dept ? depts.get(u.dept)! : null,
      },
      { demoAccount: true },
    );
  }
  await seedCatalogDemo(deps);
  await seedLedgerDemo(deps);
  await seedCasesDemo(deps);
  await seedPortalDemo(deps);
  await seedComplaintsDemo(deps);
  // After the hall: its clerks have signed in at their windows, so the pads rate who is on duty.
  await seedHallDemo(deps);
  await seedEvaluationsDemo(deps);
  await seedBundlesDemo(deps);
  await seedTradingDemo(deps);
  await seedIntermediariesDemo(deps);
  await seedReviewsDemo(deps);
  // Last: the clocks, escalations and rollups are built over every case the other modules filed.
  await seedSupervisionDemo(deps);
  return true;
}
