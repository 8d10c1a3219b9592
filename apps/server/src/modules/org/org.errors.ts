import { OrgErrorCode } from '@tongban/contracts';
import { AppError } from '../../platform/errors';

export { OrgErrorCode };

const DEFAULTS: Record<OrgErrorCode, [number, string]> = {
  ORG_REGION_EXISTS: [409, '该行政区划代码已存在'],
  ORG_PARENT_NOT_FOUND: [400, '上级区划不存在'],
  ORG_PARENT_MISMATCH: [400, '区划代码与上级区划不符'],
  ORG_OUT_OF_REGION: [403, '不能操作本辖区以外的数据'],
  ORG_DEPARTMENT_REQUIRED: [400, '窗口人员、审批人员和部门负责人必须指定所属部门'],
  ORG_DEPARTMENT_NOT_ALLOWED: [400, '所选部门不在该用户的辖区内'],
  ORG_USERNAME_TAKEN: [409, '用户名已被使用'],
  ORG_WEAK_PASSWORD: [400, '密码不符合要求'],
  ORG_DUPLICATE_NAME: [409, '同一区划内名称不能重复'],
  ORG_WINDOW_NUMBER_TAKEN: [409, '该大厅已有相同窗口号'],
  ORG_STAFF_NO_TAKEN: [409, '本区划已有人员使用该工号'],
  ORG_SELF_LOCKOUT: [400, '不能停用自己或取消自己的管理员角色'],
};

export class OrgError extends AppError {
  constructor(code: OrgErrorCode, message?: string, details?: unknown) {
    const [status, text] = DEFAULTS[code];
    super(code, message ?? text, status, details);
  }
}
