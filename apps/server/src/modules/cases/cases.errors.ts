import { CasesErrorCode } from '@tongban/contracts';
import { AppError } from '../../platform/errors';
import type { CaseRuleCode } from './cases.policy';

export { CasesErrorCode };

const DEFAULTS: Record<CasesErrorCode, [number, string]> = {
  CASE_STALE: [409, '办件已被他人处理（版本已变化），请刷新后重试；本次操作未生效'],
  CASE_NOT_WINDOW: [403, '受审分离：只有窗口人员可以收件和受理，后台审批人员不能'],
  CASE_NOT_ASSIGNEE: [403, '该办件已转办给其他审批人员'],
  CASE_NOT_INSTANT: [409, '该事项不是即办件，须经审查、决定'],
  CASE_INSTANT_NOT_AUTHORISED: [403, '只有事项所属部门的窗口人员可以当场办结即办件'],
  CASE_MATERIALS_MISSING: [409, '材料不齐全：请一次性告知补正，或对可容缺的材料容缺受理'],
  CASE_NOT_DEFERRABLE: [409, '该材料不可容缺'],
  CASE_UNKNOWN_MATERIAL: [400, '材料不在该事项的材料清单中'],
  CASE_NOTHING_TO_SUPPLEMENT: [400, '没有缺少或需补正的材料'],
  CASE_ACCEPTANCE_DEEMED: [409, '收到材料已超过 5 个工作日未告知补正，依法视为受理；不能再要求补正，请受理'],
  CASE_NO_EXTENSION_PENDING: [409, '没有待审批的延期申请'],
  CASE_EXTENSION_EXCEEDS_CAP: [409, '延期不得超过 10 个工作日'],
  CASE_BAD_TRANSFER: [400, '只能转办给本部门的其他审批人员'],
  CASE_NO_BACK_OFFICE: [409, '该事项没有审查环节'],
  APPLICANT_EXISTS: [409, '该证件号码的申请人已登记'],
  APPLICANT_UNKNOWN: [400, '申请人或代办人不存在或不在本辖区'],
  CASE_ITEM_OUT_OF_REGION: [403, '该事项不在本辖区'],
  IDEMPOTENCY_KEY_REUSED: [422, '同一 Idempotency-Key 已用于内容不同的提交'],
  BAD_IDEMPOTENCY_KEY: [400, 'Idempotency-Key 应为 8—100 位字母、数字、- 或 _'],
  CASE_DRAFT_NOT_FOUND: [404, '草稿不存在或凭证不正确'],
  CASE_DRAFT_SUBMITTED: [409, '该草稿已提交，不能再修改'],
  CASE_TRACK_NOT_FOUND: [404, '未找到办件：请核对办件编号和查询码'],
  CASE_WRONG_STATUS: [409, '办件当前状态不允许此操作'],
  CASE_SOD_SAME_SIGNER: [403, '同一人不能在同一办件中签署两个环节；决定人不能是审查人'],
  CASE_DEFERRED_OUTSTANDING: [409, '容缺材料尚未补齐，不能作出决定'],
  CASE_SUSPENDED: [409, '办件处于特别程序（中止）中，请先恢复'],
  CASE_NOT_SUSPENDED: [409, '办件未中止'],
  CASE_EXTENSION_USED: [409, '延期只能申请一次'],
  CASE_EXTENSION_PENDING: [409, '延期申请待部门负责人审批'],
  CASE_NOT_DECISION_STEP: [409, '尚未到决定环节'],
  CASE_DECISION_STEP: [409, '已到决定环节，请作出准予或不予的决定'],
  CASE_NO_PREVIOUS_STEP: [409, '已是第一个审查环节，无法退回'],
  CASE_LICENSE_MISSING: [409, '证照尚未生成，不能出件'],
  CASE_DELIVERY_NOT_PREPARED: [409, '尚未准备出件（领取、邮寄或电子送达）'],
  CASE_RECEIVER_REQUIRED: [400, '窗口领取须核验领取人身份：请登记领取人证件号码'],
  CASE_RECEIVER_MISMATCH: [
    400,
    '领取人证件号码与申请人不符（企业须由经办人代领）；代领请选择“代领人”并核验授权委托书',
  ],
  CASE_RECEIVER_NOT_AUTHORISED: [400, '代领人不是本件登记的代理人，须核验授权委托书后方可领取'],
};

export class CasesError extends AppError {
  constructor(code: CasesErrorCode | CaseRuleCode, message?: string, details?: unknown) {
    const [status, text] = DEFAULTS[code];
    super(code, message ?? text, status, details);
  }
}
