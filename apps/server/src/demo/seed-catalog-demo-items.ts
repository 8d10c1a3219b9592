import type {
  CatalogItemCreateInput,
  CatalogMaterialInput,
  GuideText,
  ItemType,
  OnlineLevel,
} from '@tongban/contracts';

/** The demo catalog's departments, materials and first half of its items (seed-catalog-demo.ts). */
export const HALL = '云溪县政务服务中心（溪畔大道 88 号）';
export const HOURS = '工作日上午 8:30—12:00，下午 14:30—17:30（法定节假日除外）';

export type DeptKey = 'market' | 'health' | 'housing' | 'civil' | 'hrss' | 'resources' | 'security';
export const DEPTS: Record<DeptKey, { name: string; desk: string; phone: string; code: string }> = {
  market: {
    name: '云溪县市场监督管理局',
    desk: '二楼 B01 市场准入专窗',
    phone: '0599-7712301',
    code: 'SCJG',
  },
  health: { name: '云溪县卫生健康局', desk: '二楼 A 区综合受理窗口', phone: '0599-7712302', code: 'WSJK' },
  housing: {
    name: '云溪县住房和城乡建设局',
    desk: '三楼工程建设项目审批专区',
    phone: '0599-7712303',
    code: 'ZJ',
  },
  civil: { name: '云溪县民政局', desk: '一楼 B02 婚姻登记专窗', phone: '0599-7712304', code: 'MZ' },
  hrss: {
    name: '云溪县人力资源和社会保障局',
    desk: '一楼 B03 社保卡专窗',
    phone: '0599-7712305',
    code: 'RS',
  },
  resources: { name: '云溪县自然资源局', desk: '三楼不动产登记专区', phone: '0599-7712306', code: 'ZRZY' },
  security: { name: '云溪县公安局', desk: '一楼 C04 境外人员服务窗口', phone: '0599-7712307', code: 'GA' },
};

// E-license type codes (免提交): the system fetches these instead of asking for paper.
export const LICENSE = { idCard: '111000000000133380', businessLicense: '1110000000001347X1' } as const;

export const idCard = (who = '申请人'): CatalogMaterialInput => ({
  name: `${who}居民身份证`,
  requirement: 'required',
  form: 'original',
  copies: 1,
  licenseTypeCode: LICENSE.idCard,
});
export const businessLicense: CatalogMaterialInput = {
  name: '营业执照',
  requirement: 'required',
  form: 'electronic',
  copies: 1,
  licenseTypeCode: LICENSE.businessLicense,
};
export const form = (name: string): CatalogMaterialInput => ({
  name,
  requirement: 'required',
  form: 'original',
  copies: 1,
});
export const copy = (name: string, extra: Partial<CatalogMaterialInput> = {}): CatalogMaterialInput => ({
  name,
  requirement: 'required',
  form: 'copy',
  copies: 1,
  ...extra,
});
export const when = (
  name: string,
  condition: string,
  extra: Partial<CatalogMaterialInput> = {},
): CatalogMaterialInput => ({
  name,
  requirement: 'conditional',
  condition,
  form: 'copy',
  copies: 1,
  ...extra,
});
export const agent = when('委托书及受托人身份证', '委托他人代为办理的');

export type Spec = {
  code: string;
  dept: DeptKey;
  name: string;
  type: ItemType;
  basis: [string, string][];
  conditions: string;
  /** [legal, promised] working days; [0, 0] = 即办件. */
  limits: [number, number];
  visits: number;
  online: OnlineLevel;
  materials: CatalogMaterialInput[];
  fees?: { name: string; amountFen: number; basis: string }[];
  steps?: string[];
  special?: CatalogItemCreateInput['specialProcedures'];
  exemption?: string;
  notes?: string;
  en?: GuideText;
  ru?: GuideText;
  ko?: GuideText;
};

export const ITEMS_A: Spec[] = [
  {
    code: '001',
    dept: 'market',
    name: '食品经营许可',
    type: 'licensing',
    basis: [
      ['《中华人民共和国食品安全法》', '第三十五条（从事食品销售和餐饮服务应当依法取得许可）'],
      ['《食品经营许可和备案管理办法》', '第二章'],
    ],
    conditions:
      '有与经营的食品品种、数量相适应的经营场所，并与有毒有害场所保持规定距离；有相应的设备设施、食品安全管理人员和管理制度；设备布局和工艺流程合理。',
    limits: [20, 5],
    visits: 0,
    online: 'full_online',
    materials: [
      form('食品经营许可申请书'),
      businessLicense,
      copy('经营场所平面布局图和设备布局、操作流程说明'),
      copy('食品安全自查、从业人员健康管理、进货查验等管理制度'),
      when('专职或兼职食品安全管理人员任命文件', '从事网络经营或单位食堂的', { deferrable: true }),
      agent,
    ],
    notes: '仅销售预包装食品的，改为备案，无需申请许可。',
    en: {
      name: 'Food Business License',
      conditions:
        'Premises, equipment and staff suitable for the food you sell or serve, kept apart from sources of contamination, with food-safety rules and a responsible food-safety manager.',
      process:
        'Apply online or at the market-access desk → review of the documents (an on-site check may follow) → decision → the electronic license is issued; no visit is needed.',
      notes: 'Selling only pre-packaged food needs a filing, not a license.',
    },
  },
  {
    code: '002',
    dept: 'market',
    name: '个体工商户登记',
    type: 'licensing',
    basis: [
      ['《促进个体工商户发展条例》', '第八条'],
      ['《市场主体登记管理条例》', '第三条'],
    ],
    conditions: '有经营能力的自然人，经营场所和经营范围符合法律法规规定。',
    limits: [0, 0],
    visits: 0,
    online: 'full_online',
    steps: ['受理', '办结'],
    materials: [form('个体工商户登记申请书'), idCard('经营者'), copy('经营场所使用证明'), agent],
    en: {
      name: 'Registration of a Sole Proprietorship (Individual Business)',
      conditions: 'Any natural person able to run a business, with lawful premises and scope of business.',
      process: 'Apply online or at any comprehensive window; the business license is issued on the spot.',
      notes: 'The electronic business license is valid everywhere the paper one is.',
    },
  },
  {
    code: '003',
    dept: 'market',
    name: '企业变更登记',
    type: 'licensing',
    basis: [['《市场主体登记管理条例》', '第二十四条']],
    conditions: '企业登记事项发生变更，并已依法作出变更决议或决定。',
    limits: [3, 1],
    visits: 0,
    online: 'full_online',
    materials: [
      form('企业变更登记申请书'),
      copy('变更决议或决定'),
      businessLicense,
      when('修改后的公司章程', '变更事项涉及章程的'),
      agent,
    ],
  },
  {
    code: '004',
    dept: 'market',
    name: '药品零售许可',
    type: 'licensing',
    basis: [
      ['《中华人民共和国药品管理法》', '第五十一条'],
      ['《药品经营和使用质量监督管理办法》', '第二章'],
    ],
    conditions:
      '有依法经过资格认定的药师或者其他药学技术人员，有与所经营药品相适应的营业场所、设备、仓储设施和质量管理制度。',
    limits: [30, 15],
    visits: 1,
    online: 'online_pretrial',
    special: [
      {
        kind: 'inspection',
        days: 10,
        countsInLimit: false,
        legalBasis: '《药品经营和使用质量监督管理办法》',
      },
    ],
    materials: [
      form('药品经营许可证申请表'),
      businessLicense,
      copy('执业药师注册证'),
      copy('营业场所及仓库平面布置图、产权或租赁证明'),
      copy('质量管理文件目录'),
    ],
  },
  {
    code: '005',
    dept: 'market',
    name: '特种设备使用登记',
    type: 'filing',
    basis: [['《中华人民共和国特种设备安全法》', '第三十三条']],
    conditions: '特种设备投入使用前或者投入使用后三十日内。',
    limits: [15, 5],
    visits: 0,
    online: 'full_online',
    materials: [form('特种设备使用登记表'), copy('产品合格证'), copy('监督检验证明'), businessLicense],
  },
  {
    code: '006',
    dept: 'market',
    name: '食品小作坊登记',
    type: 'filing',
    basis: [['《福建省食品小作坊小餐饮及摊贩管理条例》（参照）', '第二章']],
    conditions: '从事传统、特色食品小规模生产加工，有固定场所，符合食品安全基本要求。',
    limits: [15, 7],
    visits: 1,
    online: 'online_pretrial',
    materials: [
      form('食品小作坊登记申请表'),
      idCard('经营者'),
      copy('生产加工场所平面图'),
      copy('从业人员健康证明'),
    ],
  },
  // ── 卫生健康 ──
  {
    code: '001',
    dept: 'health',
    name: '公共场所卫生许可',
    type: 'licensing',
    basis: [
      ['《公共场所卫生管理条例》', '第八条'],
      ['《公共场所卫生管理条例实施细则》', '第二十二条'],
    ],
    conditions: '场所布局合理，卫生设施符合标准，有卫生管理制度和经过培训的从业人员。',
    limits: [20, 3],
    visits: 0,
    online: 'full_online',
    materials: [
      form('公共场所卫生许可申请表'),
      businessLicense,
      copy('场所平面布局图'),
      copy('卫生管理制度'),
      when('集中空调通风系统卫生检测报告', '使用集中空调的'),
    ],
    en: {
      name: 'Public Venue Hygiene License',
      conditions:
        'A sensible layout, hygiene facilities meeting the standards, hygiene rules and trained staff.',
      process: 'Apply online → review → decision within 3 working days → electronic license.',
      notes: 'Hotels, bathhouses, barbershops, gyms and similar venues need this license.',
    },
  },
  {
    code: '002',
    dept: 'health',
    name: '护士执业注册',
    type: 'licensing',
    basis: [['《护士条例》', '第七条、第八条']],
    conditions: '具有完全民事行为能力，完成规定学制的护理专业教育，通过护士执业资格考试，符合健康标准。',
    limits: [20, 5],
    visits: 0,
    online: 'full_online',
    materials: [
      form('护士注册申请审核表'),
      idCard(),
      copy('学历证书及专业学习中的临床实习证明'),
      copy('护士执业资格考试成绩合格证明'),
      copy('近 6 个月内健康体检证明'),
      copy('医疗卫生机构拟聘用的相关材料'),
    ],
    en: {
      name: 'Registration of Nurses to Practise',
      conditions:
        'Full civil capacity, the required nursing education, a pass in the national nurse examination and a recent health certificate.',
      process: 'Submit through the online hall → review → decision → electronic practising certificate.',
      notes: 'Apply within three years of passing the examination.',
    },
  },
  {
    code: '003',
    dept: 'health',
    name: '医疗机构执业登记',
    type: 'licensing',
    basis: [['《医疗机构管理条例》', '第十五条、第十六条']],
    conditions: '按照设置审批（备案）的要求建成，符合医疗机构基本标准，有相应的卫生技术人员和规章制度。',
    limits: [45, 20],
    visits: 1,
    online: 'online_pretrial',
    materials: [
      form('医疗机构申请执业登记注册书'),
      copy('医疗机构用房产权证明或使用证明'),
      copy('医疗机构建筑设计平面图'),
      copy('医疗卫生技术人员名录及执业证书'),
      copy('规章制度'),
    ],
  },
  {
    code: '004',
    dept: 'health',
    name: '出生医学证明签发',
    type: 'public_service',
    basis: [['《中华人民共和国母婴保健法》', '第二十三条']],
    conditions: '在本县依法设立的助产机构内出生的新生儿。',
    limits: [0, 0],
    visits: 1,
    online: 'offline',
    steps: ['受理', '办结'],
    materials: [idCard('父母双方'), copy('新生儿出生信息登记表')],
  },
  {
    code: '005',
    dept: 'health',
    name: '放射诊疗许可',
    type: 'licensing',
    basis: [['《放射诊疗管理规定》', '第十一条']],
    conditions: '具备与所开展放射诊疗工作相适应的人员、场所和设备，放射防护检测合格。',
    limits: [20, 10],
    visits: 1,
    online: 'online_pretrial',
    special: [
      { kind: 'testing', days: 15, countsInLimit: false, legalBasis: '《放射诊疗管理规定》第十二条' },
    ],
    materials: [
      form('放射诊疗许可申请表'),
      copy('医疗机构执业许可证'),
      copy('放射诊疗设备清单'),
      copy('放射防护检测报告'),
    ],
  },
  // ── 住建 ──
  {
    code: '001',
    dept: 'housing',
    name: '建筑工程施工许可证核发',
    type: 'licensing',
    basis: [
      ['《中华人民共和国建筑法》', '第七条、第八条'],
      ['《建筑工程施工许可管理办法》', '第四条'],
    ],
    conditions:
      '已办理用地批准和建设工程规划许可，施工场地具备施工条件，已确定施工企业，有满足施工需要的施工图纸和质量安全措施。',
    limits: [7, 3],
    visits: 0,
    online: 'full_online',
    materials: [
      form('建筑工程施工许可申请表'),
      copy('建设工程规划许可证'),
      copy('施工合同'),
      copy('施工图设计文件审查合格书'),
      when('建设资金落实承诺书', '政府投资项目以外的'),
    ],
    en: {
      name: 'Construction Permit for Building Works',
      conditions:
        'Land-use approval and planning permit in place, a ready site, a contracted builder, approved drawings and safety measures.',
      process:
        'Apply through the project approval system → review → decision within 3 working days → electronic permit.',
      notes: 'Works below the county threshold (investment or floor area) need no permit.',
    },
  },
  {
    code: '002',
    dept: 'housing',
    name: '城镇污水排入排水管网许可',
    type: 'licensing',
    basis: [
      ['《城镇排水与污水处理条例》', '第二十一条'],
      ['《城镇污水排入排水管网许可管理办法》', '第五条'],
    ],
    conditions: '排水户的排水设施接驳符合要求，污水水质符合排入标准，已按规定建设预处理设施和检测井。',
    limits: [20, 12],
    visits: 1,
    online: 'online_pretrial',
    // 3+1 exception: the site survey is an extra step, allowed because a special procedure applies.
    steps: ['受理', '现场勘查', '审查', '决定', '办结'],
    special: [
      {
        kind: 'site_survey',
        days: 5,
        countsInLimit: false,
        legalBasis: '《城镇污水排入排水管网许可管理办法》第九条',
      },
    ],
    materials: [
      form('排水许可申请表'),
      businessLicense,
      copy('排水户内部排水管网、专用检测井、污水排放口位置和口径图纸'),
      when('排水水质检测报告', '列入重点排污单位名录的'),
      copy('预处理设施说明'),
    ],
  },
  {
    code: '003',
    dept: 'housing',
    name: '商品房预售许可',
    type: 'licensing',
    basis: [['《城市商品房预售管理办法》', '第五条、第七条']],
    conditions:
      '已交付全部土地使用权出让金并取得土地使用权证书，持有建设工程规划许可证和施工许可证，投入的开发建设资金达到规定比例。',
    limits: [10, 7],
    visits: 1,
    online: 'online_pretrial',
    materials: [
      form('商品房预售许可申请表'),
      businessLicense,
      copy('不动产权证书（土地）'),
      copy('建设工程规划许可证和施工许可证'),
      copy('工程施工进度证明'),
      copy('商品房预售方案'),
    ],
  },
];
