import { BAD_REVIEW_STATUS_LABELS, RATING_LEVEL_LABELS, type BadReviewStatus } from '@tongban/contracts';

// Wording of the module's messages and to-dos, kept out of the use cases. No personal data (SEC-1).

export const badReviewLink = (id: string) => `/evaluations/bad-reviews/${id}`;

export function badReviewTodo(status: BadReviewStatus, level: number, dueDate: string) {
  return {
    title: `差评${BAD_REVIEW_STATUS_LABELS[status]}：${RATING_LEVEL_LABELS[level]}（${dueDate} 前办结）`,
    body: '请在整改期限内完成核实、整改、反馈和回访。',
    params: { variant: status, level, dueDate },
  };
}

export const appealTodo = () => ({
  title: '差评申诉待复核',
  body: '被评价人所在部门对一条评价提出申诉，请复核并写明理由。',
  params: {},
});

export const flagNotice = (kinds: readonly string[]) => ({
  title: `评价疑似异常（${kinds.length} 项）`,
  body: '一条评价触发了真实性校验，已标记待核查；评价本身照常计入。',
  params: { count: kinds.length },
});

export const smsInvite = (itemName: string, url: string) => ({
  subject: '办件评价邀请',
  body: `您办理的“${itemName}”已办结，请对本次服务进行评价：${url}（链接仅可使用一次）`,
});

export const smsReply = (note: string) => ({
  subject: '差评处理反馈',
  body: `您对政务服务的评价已核实整改：${note.slice(0, 200)}`,
});

export const DEFINITIONS: Record<string, string> = {
  goodRate: '好评率 = 非常满意与满意的评价数 ÷ 评价总数（统计期内提交；申诉成立的评价不计入）',
  badRate: '差评率 = 不满意与非常不满意的评价数 ÷ 评价总数（同上）',
  activeRate: '主动评价率 = 已评价的办结办件数 ÷ 统计期内办结的办件数（办结日在统计期内，统计期末前评价）',
  rectifyRate: '差评整改率 = 已完成整改的差评数 ÷ 差评总数（统计期内提交的差评）',
  callbackRate: '回访率 = 回访到本人的差评数 ÷ 差评总数（实名差评须 100% 回访）',
  score: '排名分 = 好评率的 Wilson 下限（95%），样本少的不会排到前面',
};
