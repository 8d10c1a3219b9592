import { ReviewsErrorCode } from '@tongban/contracts';
import { AppError } from '../../platform/errors';

export { ReviewsErrorCode };

const DEFAULTS: Record<ReviewsErrorCode, [number, string]> = {
  REVIEWS_NOT_FOUND: [404, '记录不存在'],
  REVIEWS_NO_CONCLUDED_CASES: [422, '所选部门在评查期间没有办结的办件，无法抽取'],
  REVIEWS_NO_ELIGIBLE_REVIEWER: [422, '评查人员库中没有可评查该部门的人员（评查人员不得来自被评查部门）'],
  REVIEWS_REVIEWER_CONFLICT: [422, '评查人员不得评查本部门的卷宗'],
  REVIEWS_NOT_ASSIGNED: [403, '只能评查抽中给本人的卷宗'],
  REVIEWS_BAD_SCORE: [422, '评分超出评查标准的范围'],
  REVIEWS_BAD_STATE: [409, '当前状态下不能执行此操作'],
  REVIEWS_ASSESSMENT_COMPUTED: [409, '考核结果由系统依据记录计算，不能修改；如需更正请修正记录后重新计算'],
  REVIEWS_NO_SCHEME: [422, '尚未发布该类单位的考核方案'],
  REVIEWS_BAD_WEIGHTS: [422, '考核方案的权重之和须为 100，且指标不得重复'],
  REVIEWS_FINDING_DECIDED: [409, '该自动发现的问题已处理，不能再次处理'],
  REVIEWS_BAD_REFERENCE: [422, '引用的记录不存在或不在本辖区'],
};

export class ReviewsError extends AppError {
  constructor(code: ReviewsErrorCode, message?: string, details?: unknown) {
    const [status, text] = DEFAULTS[code];
    super(code, message ?? text, status, details);
  }
}
