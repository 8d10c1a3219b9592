import { z } from 'zod';

/** Roles from DOMAIN.md "Who uses it", plus `admin` who manages the organisation. */
export const Role = z.enum([
  'applicant',
  'clerk',
  'approver',
  'dept_head',
  'supervisor',
  'leader',
  'inspector',
  'admin',
]);
export type Role = z.infer<typeof Role>;

export const ROLE_LABELS: Record<Role, string> = {
  applicant: '申请人',
  clerk: '窗口人员',
  approver: '审批人员',
  dept_head: '部门负责人',
  supervisor: '督查人员',
  leader: '局领导',
  inspector: '巡察组',
  admin: '系统管理员',
};

/** Roles that belong to a stationed department and must carry a departmentId. */
export const DEPARTMENT_ROLES: readonly Role[] = ['clerk', 'approver', 'dept_head'];
