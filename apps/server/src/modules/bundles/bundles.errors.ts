import type { BundleErrorCode } from '@tongban/contracts';
import { AppError } from '../../platform/errors';

const DEFAULTS: Record<BundleErrorCode, [number, string]> = {
  BUNDLE_NOT_FOUND: [404, '一件事不存在'],
  BUNDLE_ITEM_OTHER_REGION: [422, '一件事只能组合本行政区划的事项'],
  BUNDLE_ITEM_NOT_PUBLISHED: [422, '一件事只能组合已发布的事项'],
  BUNDLE_ONE_DEPARTMENT: [422, '一件事应包括至少两个部门的事项'],
  BUNDLE_DEPENDENCY_CYCLE: [422, '分支之间的前置关系形成了循环'],
  BUNDLE_DEPENDENCY_UNKNOWN: [422, '前置事项必须是本一件事中的其他事项，且事项不能重复'],
  BUNDLE_CODE_TAKEN: [409, '主题编码已被使用'],
  BUNDLE_NOT_DRAFT: [409, '只有草稿可以发布'],
  BUNDLE_NOT_PUBLISHED: [422, '该一件事尚未发布'],
  BUNDLE_UNKNOWN_MATERIAL: [422, '材料不在该一件事的材料清单中'],
  BUNDLE_MISSING_FIELD: [422, '申请表有必填项未填写'],
  BUNDLE_BRANCH_WAITING: [409, '该分支的前置事项尚未准予，须等待其结果后再审查或决定'],
  BUNDLE_SOD_ACROSS_BRANCHES: [
    409,
    '同一件事中，审查过分支的人不能决定分支，决定过分支的人不能审查分支（审批与审查分离）',
  ],
  BUNDLE_NOT_CONCLUDED: [409, '还有分支未办结，一件事不能出件'],
  BUNDLE_WRONG_STATUS: [409, '一件事当前状态不允许此操作'],
  BUNDLE_EXTENSION_USED: [409, '一件事只能延期一次'],
  BUNDLE_EXTENSION_NOT_REQUESTED: [409, '没有待审批的延期申请'],
  BUNDLE_EXTENSION_TOO_LONG: [422, '一件事延期不超过 15 个工作日'],
  BUNDLE_BRANCH_NOT_IN_BUNDLE: [404, '该办件不是此一件事的分支'],
  BUNDLE_STALE: [409, '一件事已被他人更新，请刷新后重试'],
};

export class BundlesError extends AppError {
  constructor(code: BundleErrorCode, message?: string, details?: unknown) {
    const [status, text] = DEFAULTS[code];
    super(code, message ?? text, status, details);
  }
}
