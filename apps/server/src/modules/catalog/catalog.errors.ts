import { CatalogErrorCode } from '@tongban/contracts';
import { AppError } from '../../platform/errors';

export { CatalogErrorCode };

const DEFAULTS: Record<CatalogErrorCode, [number, string]> = {
  CATALOG_PROMISED_EXCEEDS_LEGAL: [400, '承诺时限不能超过法定时限'],
  CATALOG_INSTANT_LIMITS: [400, '即办件的法定时限和承诺时限均应为 0'],
  CATALOG_PROMISED_NEEDS_DAYS: [400, '承诺件的承诺时限和法定时限应至少为 1 个工作日'],
  CATALOG_STEPS_MALFORMED: [400, '办理环节应以“受理”开始、以“办结”结束，且环节名称不能重复'],
  CATALOG_STEPS_3_PLUS_1: [
    400,
    '办理环节不得超过“受理、审查、决定”3 个环节加“办结”（“3+1”），设有特殊环节的事项除外',
  ],
  CATALOG_MATERIAL_CONDITION_MISSING: [400, '情形必要的材料必须写明适用情形'],
  CATALOG_DUPLICATE_MATERIAL: [400, '同一事项的申请材料名称不能重复'],
  CATALOG_DUPLICATE_SPECIAL_PROCEDURE: [400, '同一特殊环节不能重复设置'],
  CATALOG_DUPLICATE_CODE: [409, '同一区划内事项编码不能重复'],
  CATALOG_INCOMPLETE: [400, '事项要素不完整，不能发布'],
  CATALOG_VERSION_IMMUTABLE: [409, '已发布、已替代或已取消的版本不能修改；请在已发布版本基础上新建草稿'],
  CATALOG_DRAFT_EXISTS: [409, '该事项已有待发布的草稿版本，请修改该草稿'],
  CATALOG_STALE_VERSION: [409, '所依据的版本已不是当前发布版本，请刷新后重试'],
  CATALOG_NOT_DRAFT: [409, '只能发布草稿版本'],
  CATALOG_ITEM_RETIRED: [409, '该事项已取消'],
  CATALOG_NOT_PUBLISHED: [404, '该事项尚未发布或已取消'],
  CATALOG_GUIDE_LANG_MISSING: [404, '该事项暂无此语种的办事指南'],
  CATALOG_DEPARTMENT_OUT_OF_REGION: [400, '实施部门不在该事项所属区划内'],
  CATALOG_OUT_OF_REGION: [403, '不能操作本辖区以外的事项'],
  CATALOG_VERSION_MISMATCH: [400, '两个版本不属于同一事项'],
  CATALOG_IMPORT_INVALID: [400, '导入文件有误，未导入任何内容'],
  CATALOG_IMPORT_FILE: [400, '无法读取导入文件，请上传 .xlsx 格式的事项清单'],
};

export class CatalogError extends AppError {
  constructor(code: CatalogErrorCode, message?: string, details?: unknown) {
    const [status, text] = DEFAULTS[code];
    super(code, message ?? text, status, details);
  }
}

export const catalogErrorMessage = (code: CatalogErrorCode) => DEFAULTS[code][1];
