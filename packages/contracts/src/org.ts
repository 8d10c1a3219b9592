import { z } from 'zod';
import { Role } from './roles';
import { isValidRegionCode } from './validators/region-code';

export const RegionCode = z
  .string()
  .trim()
  .refine(isValidRegionCode, { message: '行政区划代码应为 6 位或 12 位数字（GB/T 2260）' });

export const Id = z.uuid({ message: '编号格式不正确' });

const Name = (label: string, max = 100) =>
  z
    .string()
    .trim()
    .min(1, { message: `${label}不能为空` })
    .max(max, { message: `${label}不超过 ${max} 个字` });

/** A PATCH body must change something: an empty one (or one of unknown fields only) is refused. */
export function nonEmptyPatch<T extends z.ZodType<Record<string, unknown>>>(schema: T) {
  return schema.refine((v) => Object.values(v).some((x) => x !== undefined), {
    message: '没有需要修改的内容',
  });
}

/** 日期 YYYY-MM-DD */
export const IsoDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });

export const Region = z.object({
  code: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
  level: z.number(),
});
export type Region = z.infer<typeof Region>;
export const RegionInput = z.object({
  code: RegionCode,
  name: Name('区划名称'),
  parentCode: RegionCode.nullable().optional(),
});
export type RegionInput = z.infer<typeof RegionInput>;

/** 三级政务服务体系 */
export const HallLevel = z.enum(['county', 'township', 'village']);
export type HallLevel = z.infer<typeof HallLevel>;
export const HALL_LEVEL_LABELS: Record<HallLevel, string> = {
  county: '县级政务服务中心',
  township: '乡镇（街道）便民服务中心',
  village: '村（社区）便民服务站',
};
export const Hall = z.object({
  id: z.string(),
  regionCode: z.string(),
  name: z.string(),
  level: HallLevel,
  address: z.string(),
  phone: z.string(),
});
export type Hall = z.infer<typeof Hall>;
export const HallInput = z.object({
  regionCode: RegionCode,
  name: Name('大厅名称'),
  level: HallLevel,
  address: z.string().trim().max(200).optional(),
  phone: z.string().trim().max(50).optional(),
});
export type HallInput = z.infer<typeof HallInput>;
export const HallPatch = nonEmptyPatch(HallInput.partial());
export type HallPatch = z.infer<typeof HallPatch>;

export const Department = z.object({
  id: z.string(),
  regionCode: z.string(),
  hallId: z.string().nullable(),
  name: z.string(),
  shortName: z.string(),
  hallExemption: z.string().nullable(),
});
export type Department = z.infer<typeof Department>;
export const DepartmentInput = z.object({
  regionCode: RegionCode,
  hallId: Id.nullable().optional(),
  name: Name('部门名称'),
  shortName: z.string().trim().max(30).optional(),
  /** 负面清单: reason the department is exempt from sitting in the hall; null when it sits in the hall. */
  hallExemption: z.string().trim().max(500).nullable().optional(),
});
export type DepartmentInput = z.infer<typeof DepartmentInput>;
export const DepartmentPatch = nonEmptyPatch(DepartmentInput.partial());
export type DepartmentPatch = z.infer<typeof DepartmentPatch>;

export const WindowKind = z.enum([
  'comprehensive',
  'dedicated',
  'assist',
  'unresolved',
  'grievance',
  'foreign',
]);
export type WindowKind = z.infer<typeof WindowKind>;
export const WINDOW_KIND_LABELS: Record<WindowKind, string> = {
  comprehensive: '综合窗口',
  dedicated: '专业窗口',
  assist: '帮办代办窗口',
  unresolved: '办不成事反映窗口',
  grievance: '吐槽窗口',
  foreign: '境外服务窗口',
};
export const HallWindow = z.object({
  id: z.string(),
  regionCode: z.string(),
  hallId: z.string(),
  number: z.string(),
  name: z.string(),
  kind: WindowKind,
  tidal: z.boolean(),
  departmentId: z.string().nullable(),
});
export type HallWindow = z.infer<typeof HallWindow>;
export const HallWindowInput = z.object({
  hallId: Id,
  number: Name('窗口号', 20),
  name: Name('窗口名称'),
  kind: WindowKind,
  /** 潮汐窗口: its item group changes with load. */
  tidal: z.boolean().optional(),
  departmentId: Id.nullable().optional(),
});
export type HallWindowInput = z.infer<typeof HallWindowInput>;
export const HallWindowPatch = nonEmptyPatch(HallWindowInput.partial());
export type HallWindowPatch = z.infer<typeof HallWindowPatch>;

export const Employment = z.enum(['employee', 'contractor']);
export type Employment = z.infer<typeof Employment>;
export const EMPLOYMENT_LABELS: Record<Employment, string> = { employee: '在编', contractor: '雇员' };
export const Staff = z.object({
  id: z.string(),
  regionCode: z.string(),
  name: z.string(),
  title: z.string(),
  departmentId: z.string(),
  windowId: z.string().nullable(),
  employment: Employment,
  stationedFrom: z.string(),
  stationedUntil: z.string().nullable(),
  photo: z.string().nullable(),
  /** 工号, unique in the region; null when none was given. */
  staffNo: z.string().nullable(),
});
export type Staff = z.infer<typeof Staff>;
export const StaffFields = z.object({
  name: Name('姓名', 50),
  title: z.string().trim().max(50).optional(),
  /** 工号: letters, digits and hyphens; empty or null for none. */
  staffNo: z
    .string()
    .trim()
    .max(20, '工号至多 20 位')
    .regex(/^[A-Za-z0-9-]*$/, '工号只能由字母、数字和连字符组成')
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional(),
  departmentId: Id,
  windowId: Id.nullable().optional(),
  employment: Employment,
  stationedFrom: IsoDate,
  stationedUntil: IsoDate.nullable().optional(),
});
export const StaffInput = StaffFields.refine(
  (s) => !s.stationedUntil || s.stationedUntil >= s.stationedFrom,
  {
    message: '派驻截止日期不能早于派驻开始日期',
    path: ['stationedUntil'],
  },
);
export type StaffInput = z.infer<typeof StaffInput>;
/** PATCH bodies: every field optional, no defaults (a missing field stays as it is). */
export const StaffPatch = nonEmptyPatch(StaffFields.partial());
export type StaffPatch = z.infer<typeof StaffPatch>;

/** 公示牌 entry: what the hall shows about a stationed person. */
export const BoardEntry = z.object({
  staffId: z.string(),
  name: z.string(),
  title: z.string(),
  photo: z.string().nullable(),
  staffNo: z.string().nullable(),
  departmentName: z.string(),
  windowNumber: z.string().nullable(),
  windowName: z.string().nullable(),
  employment: Employment,
});
export type BoardEntry = z.infer<typeof BoardEntry>;
/** `GET /api/public/halls/:id/board`: the hall and who the 公示牌 shows. */
export const BoardReply = z.object({ hall: Hall, entries: z.array(BoardEntry) });
export type BoardReply = z.infer<typeof BoardReply>;

export const User = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  regionCode: z.string(),
  departmentId: z.string().nullable(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
});
export type User = z.infer<typeof User>;
export const Username = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_.-]{2,31}$/, { message: '用户名为 3–32 位小写字母、数字或 _ . -，以字母开头' });
export const UserCreateInput = z.object({
  username: Username,
  displayName: Name('姓名', 50),
  password: z.string(),
  role: Role,
  regionCode: RegionCode,
  departmentId: Id.nullable().optional(),
});
export type UserCreateInput = z.infer<typeof UserCreateInput>;
export const UserUpdateInput = nonEmptyPatch(
  z.object({
    displayName: Name('姓名', 50).optional(),
    role: Role.optional(),
    regionCode: RegionCode.optional(),
    departmentId: Id.nullable().optional(),
    disabled: z.boolean().optional(),
  }),
);
export type UserUpdateInput = z.infer<typeof UserUpdateInput>;
