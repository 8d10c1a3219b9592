import type {
  CatalogItemCreateInput,
  CatalogMaterialInput,
  GuideText,
  ItemType,
  OnlineLevel,
} from '@tongban/contracts';
import { CatalogItemCreate } from '@tongban/contracts';
import { SYSTEM_ACTOR } from '../platform/access';
import type { Deps } from '../platform/app-types';
import { catalogService, hasItemsIn } from '../modules/catalog';
import { listDepartmentsIn } from '../modules/org';

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
const HALL = '云溪县政务服务中心（溪畔大道 88 号）';
const HOURS = '工作日上午 8:30—12:00，下午 14:30—17:30（法定节假日除外）';

type DeptKey = 'market' | 'health' | 'housing' | 'civil' | 'hrss' | 'resources' | 'security';
const DEPTS: Record<DeptKey, { name: string; desk: string; phone: string; code: string }> = {
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
const LICENSE = { idCard: '111000000000133380', businessLicense: '1110000000001347X1' } as const;

const idCard = (who = '申请人'): CatalogMaterialInput => ({
  name: `${who}居民身份证`,
  requirement: 'required',
  form: 'original',
  copies: 1,
  licenseTypeCode: LICENSE.idCard,
});
const businessLicense: CatalogMaterialInput = {
  name: '营业执照',
  requirement: 'required',
  form: 'electronic',
  copies: 1,
  licenseTypeCode: LICENSE.businessLicense,
};
const form = (name: string): CatalogMaterialInput => ({
  name,
  requirement: 'required',
  form: 'original',
  copies: 1,
});
const copy = (name: string, extra: Partial<CatalogMaterialInput> = {}): CatalogMaterialInput => ({
  name,
  requirement: 'required',
  form: 'copy',
  copies: 1,
  ...extra,
});
const when = (
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
const agent = when('委托书及受托人身份证', '委托他人代为办理的');

type Spec = {
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

const ITEMS: Spec[] = [
  // ── 市场监管 ──
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
  {
    code: '004',
    dept: 'housing',
    name: '建设工程竣工验收备案',
    type: 'filing',
    basis: [['《房屋建筑和市政基础设施工程竣工验收备案管理办法》', '第四条']],
    conditions: '工程已竣工验收合格。',
    limits: [15, 5],
    visits: 0,
    online: 'full_online',
    materials: [form('竣工验收备案表'), copy('工程竣工验收报告'), copy('施工单位签署的工程质量保修书')],
  },
  {
    code: '005',
    dept: 'housing',
    name: '城市建筑垃圾处置核准',
    type: 'licensing',
    basis: [['《城市建筑垃圾管理规定》', '第七条']],
    conditions: '有建筑垃圾分类处置方案，运输车辆具备全密闭运输条件，有消纳场所。',
    limits: [20, 5],
    visits: 0,
    online: 'full_online',
    materials: [
      form('建筑垃圾处置核准申请表'),
      copy('建筑垃圾处置方案'),
      copy('运输车辆行驶证'),
      copy('消纳场所证明'),
    ],
    fees: [],
  },
  // ── 民政 ──
  {
    code: '001',
    dept: 'civil',
    name: '结婚登记',
    type: 'confirmation',
    basis: [
      ['《中华人民共和国民法典》', '第一千零四十九条'],
      ['《婚姻登记条例》', '第四条、第五条'],
    ],
    conditions: '男女双方完全自愿，达到法定婚龄，双方均无配偶，无禁止结婚的亲属关系。',
    limits: [0, 0],
    visits: 1,
    online: 'offline',
    steps: ['受理', '审查', '办结'],
    materials: [
      idCard('男女双方'),
      copy('本人无配偶以及与对方没有直系血亲和三代以内旁系血亲关系的签字声明'),
      copy('近期半身免冠合影照片', { copies: 3 }),
      when('户口簿', '户籍信息与身份证不一致的', { form: 'original' }),
    ],
    notes: '双方须共同到场，不得委托。可在“云溪通办”预约，当日取号。',
    en: {
      name: 'Marriage Registration',
      conditions:
        'Both parties marry freely, have reached the legal age, are unmarried and are not closely related.',
      process:
        'Both come in person to the marriage desk → documents checked and declarations signed → certificates issued the same day.',
      notes: 'No proxies. Booking ahead is recommended.',
    },
  },
  {
    code: '002',
    dept: 'civil',
    name: '离婚登记',
    type: 'confirmation',
    basis: [
      ['《中华人民共和国民法典》', '第一千零七十六条、第一千零七十七条'],
      ['《婚姻登记条例》', '第十条'],
    ],
    conditions: '双方自愿离婚，对子女抚养、财产及债务处理等事项协商一致，并签订书面离婚协议。',
    limits: [30, 30],
    visits: 2,
    online: 'offline',
    materials: [
      idCard('男女双方'),
      copy('结婚证', { form: 'original' }),
      form('离婚协议书'),
      copy('近期半身免冠单人照片', { copies: 2 }),
    ],
    notes:
      '自婚姻登记机关收到申请之日起三十日为离婚冷静期，期满后三十日内双方须再次共同到场申请发给离婚证。请提前预约。',
  },
  {
    code: '003',
    dept: 'civil',
    name: '最低生活保障审核确认',
    type: 'benefit',
    basis: [['《社会救助暂行办法》', '第九条至第十一条']],
    conditions: '共同生活的家庭成员人均收入低于当地最低生活保障标准，且财产状况符合规定。',
    limits: [30, 15],
    visits: 1,
    online: 'online_pretrial',
    materials: [
      form('最低生活保障申请书'),
      idCard('家庭成员'),
      form('家庭经济状况核对授权书'),
      when('残疾证或疾病诊断证明', '家庭成员有残疾或重病的'),
    ],
  },
  {
    code: '004',
    dept: 'civil',
    name: '高龄津贴申领',
    type: 'benefit',
    basis: [['《中华人民共和国老年人权益保障法》', '第三十三条']],
    conditions: '具有本县户籍、年满 80 周岁的老年人。',
    limits: [10, 5],
    visits: 0,
    online: 'full_online',
    materials: [idCard(), copy('本人社会保障卡或银行账户信息')],
  },
  {
    code: '005',
    dept: 'civil',
    name: '社会团体成立登记',
    type: 'licensing',
    basis: [['《社会团体登记管理条例》', '第九条至第十一条']],
    conditions:
      '有 50 个以上个人会员或 30 个以上单位会员，有规范的名称和组织机构、固定住所、专职工作人员和合法资产。',
    limits: [60, 20],
    visits: 1,
    online: 'online_pretrial',
    materials: [
      form('社会团体成立登记申请书'),
      copy('业务主管单位批准文件'),
      copy('章程草案'),
      copy('验资报告'),
      copy('住所使用权证明'),
    ],
  },
  // ── 人社 ──
  {
    code: '001',
    dept: 'hrss',
    name: '社会保障卡申领',
    type: 'public_service',
    basis: [['《中华人民共和国社会保险法》', '第五十八条']],
    conditions: '已参加社会保险或需要办理社会保障卡的人员。',
    limits: [0, 0],
    visits: 0,
    online: 'full_online',
    steps: ['受理', '办结'],
    materials: [
      idCard(),
      when('近期免冠白底证件照片电子版', '身份证照片无法调用的', { form: 'electronic' }),
      when('监护人身份证明', '未成年人申领的'),
    ],
    en: {
      name: 'Application for a Social Security Card',
      conditions: 'Anyone insured under the social insurance schemes, or who needs the card for benefits.',
      process:
        'Apply in the app or at window B03; an instant card is made on the spot, or mailed free of charge.',
      notes: 'The card also works as a bank card once activated.',
    },
  },
  {
    code: '002',
    dept: 'hrss',
    name: '失业保险金申领',
    type: 'benefit',
    basis: [['《失业保险条例》', '第十四条、第十六条']],
    conditions: '失业前单位和本人已缴纳失业保险费满一年，非因本人意愿中断就业，已办理失业登记并有求职要求。',
    limits: [10, 3],
    visits: 0,
    online: 'full_online',
    materials: [idCard(), copy('解除或终止劳动关系的证明'), copy('本人社会保障卡或银行账户信息')],
  },
  {
    code: '003',
    dept: 'hrss',
    name: '就业创业证申领',
    type: 'public_service',
    basis: [['《就业服务与就业管理规定》', '第六十三条']],
    conditions: '法定劳动年龄内、有劳动能力和就业要求的城乡劳动者。',
    limits: [0, 0],
    visits: 0,
    online: 'full_online',
    steps: ['受理', '办结'],
    materials: [idCard()],
  },
  {
    code: '004',
    dept: 'hrss',
    name: '职工基本养老保险待遇申领',
    type: 'benefit',
    basis: [['《中华人民共和国社会保险法》', '第十六条']],
    conditions: '达到法定退休年龄，累计缴费满十五年。',
    limits: [20, 10],
    visits: 0,
    online: 'full_online',
    materials: [form('基本养老保险待遇申领表'), idCard(), when('视同缴费年限认定材料', '有视同缴费年限的')],
  },
  // ── 自然资源 ──
  {
    code: '001',
    dept: 'resources',
    name: '不动产首次登记',
    type: 'confirmation',
    basis: [['《不动产登记暂行条例》', '第十四条、第二十条']],
    conditions: '不动产权属清楚，已依法办理规划、竣工等手续。',
    limits: [30, 5],
    visits: 1,
    online: 'online_pretrial',
    materials: [
      form('不动产登记申请书'),
      idCard(),
      copy('土地权属来源材料'),
      copy('建设工程符合规划的材料'),
      copy('房屋竣工材料'),
      copy('不动产权籍调查表、宗地图、房产平面图'),
    ],
    fees: [
      {
        name: '不动产登记费（住宅）',
        amountFen: 8000,
        basis: '国家发展改革委、财政部关于不动产登记收费标准的通知',
      },
    ],
  },
  {
    code: '002',
    dept: 'resources',
    name: '建设项目用地预审与选址意见书核发',
    type: 'licensing',
    basis: [
      ['《中华人民共和国土地管理法》', '第五十二条'],
      ['《中华人民共和国城乡规划法》', '第三十六条'],
    ],
    conditions: '项目符合国土空间规划和用途管制要求，节约集约用地。',
    limits: [20, 10],
    visits: 0,
    online: 'full_online',
    materials: [
      form('建设项目用地预审与选址申请表'),
      copy('项目建议书或可行性研究报告'),
      copy('标注项目用地范围的土地利用现状图'),
    ],
  },
  // ── 公安 ──
  {
    code: '001',
    dept: 'security',
    name: '出入境证件办理（普通护照签发）',
    type: 'licensing',
    basis: [['《中华人民共和国护照法》', '第五条、第六条']],
    conditions: '中国公民因私出国，且不属于法律规定不予签发的情形。',
    limits: [15, 7],
    visits: 1,
    online: 'online_pretrial',
    materials: [
      form('中国公民出入境证件申请表'),
      idCard(),
      copy('出入境证件照片（现场采集）', { form: 'electronic' }),
      when('监护人同意出境的意见及身份证明', '未满 16 周岁的'),
    ],
    fees: [
      { name: '普通护照', amountFen: 12000, basis: '国家发展改革委、财政部关于出入境证件收费标准的规定' },
    ],
    en: {
      name: 'Passport Application (Ordinary Passport)',
      conditions: 'Chinese citizens travelling abroad for private purposes, unless the law forbids issue.',
      process:
        'Book online → come once for photo and fingerprints → the passport is mailed or collected within 7 working days.',
      notes: 'Children under 16 apply with a guardian.',
    },
  },
  {
    code: '002',
    dept: 'security',
    name: '外国人工作、学习类居留证件签发',
    type: 'licensing',
    basis: [
      ['《中华人民共和国出境入境管理法》', '第三十条'],
      ['《中华人民共和国外国人入境出境管理条例》', '第十五条'],
    ],
    conditions: '持有效签证入境并需在华停留超过 180 日从事工作、学习等活动的外国人。',
    limits: [15, 10],
    visits: 1,
    online: 'online_pretrial',
    materials: [
      form('外国人签证证件申请表'),
      copy('护照及有效签证', { form: 'original' }),
      copy('工作许可或学校录取证明'),
      copy('住宿登记证明'),
      copy('体检证明'),
    ],
    fees: [{ name: '居留许可（一年以下）', amountFen: 40000, basis: '外国人签证证件收费标准' }],
    en: {
      name: 'Residence Permit for Foreigners (Work or Study)',
      conditions: 'Foreigners who entered on a valid visa and will stay more than 180 days to work or study.',
      process:
        'Book online → come once to the foreign residents’ window C04 for biometrics → collect the permit within 10 working days.',
      notes:
        'Apply at least 30 days before your visa or current permit expires. Staff at window C04 speak English, Russian and Korean.',
    },
    ru: {
      name: 'Вид на жительство для иностранцев (работа или учёба)',
      conditions:
        'Иностранцы, въехавшие по действующей визе и пребывающие более 180 дней для работы или учёбы.',
      process:
        'Запись онлайн → один визит в окно C04 для сдачи биометрии → получение документа в течение 10 рабочих дней.',
      notes: 'Подайте заявление не позднее чем за 30 дней до окончания срока визы.',
    },
    ko: {
      name: '외국인 거류증 발급 (취업·유학)',
      conditions: '유효한 비자로 입국하여 취업 또는 유학을 위해 180일 이상 체류하는 외국인.',
      process: '온라인 예약 → C04 창구 1회 방문 (생체정보 등록) → 10근무일 이내 수령.',
      notes: '비자 만료 30일 전까지 신청하십시오.',
    },
  },
  {
    code: '003',
    dept: 'security',
    name: '居民身份证换领',
    type: 'confirmation',
    basis: [['《中华人民共和国居民身份证法》', '第十一条']],
    conditions: '居民身份证有效期满、证件严重损坏或登记项目变更的本县户籍居民。',
    limits: [60, 20],
    visits: 1,
    online: 'online_pretrial',
    materials: [copy('原居民身份证', { form: 'original' }), copy('户口簿', { form: 'original' })],
    fees: [{ name: '居民身份证工本费', amountFen: 2000, basis: '居民身份证工本费收费标准' }],
  },
  {
    code: '004',
    dept: 'security',
    name: '民用枪支持枪证件核发',
    type: 'licensing',
    basis: [['《中华人民共和国枪支管理法》', '第六条至第十一条']],
    conditions: '经批准的狩猎场、野生动物保护和科研等单位，有专门的保管设施和管理制度。',
    limits: [30, 20],
    visits: 1,
    online: 'offline',
    exemption: '涉及枪支管理的涉密审批，列入进驻大厅负面清单，在县公安局治安管理大队办理',
    materials: [form('持枪证件申请表'), copy('单位批准文件'), copy('枪支保管设施和管理制度说明')],
  },
];

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
