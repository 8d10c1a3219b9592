import type { TradingComplaint, TradingComplaintAnswer, TradingComplaintCreate } from '@tongban/contracts';
import type { Selectable } from 'kysely';
import { assertAccess, checkAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import type { TradingComplaintTable } from '../../../platform/db-types';
import {
  acceptanceDueOn,
  complaintActions,
  complaintsUntil,
  complaintStatus,
  decisionDueOn,
  expertWorkingDays,
} from '../trading.policy';
import { closeInboxTodos } from '../../inbox';
import { TradingError } from '../trading.errors';
import * as repo from '../trading.repository';
import { getProjectOrThrow, regionCalendar, shanghaiDay, supervisorsOf } from './common';

type Row = Selectable<TradingComplaintTable>;

const facts = (c: Row) => ({ accepted: c.accepted, expertStartedOn: c.expertStartedOn, outcome: c.outcome });

export function toComplaint(c: Row, today: string, actor: Actor | null): TradingComplaint {
  const status = complaintStatus(facts(c));
  const overdue =
    (status === 'awaiting_acceptance' && today > c.acceptanceDueOn) ||
    (status === 'under_review' && !!c.decisionDueOn && today > c.decisionDueOn);
  return {
    id: c.id,
    complainant: c.complainant,
    grounds: c.grounds,
    filedOn: c.filedOn,
    status,
    acceptanceDueOn: c.acceptanceDueOn,
    acceptanceReason: c.acceptanceReason,
    acceptedOn: c.acceptedOn,
    expertStartedOn: c.expertStartedOn,
    expertDays: c.expertDays,
    decisionDueOn: c.decisionDueOn,
    outcome: c.outcome as TradingComplaint['outcome'],
    decisionReason: c.decisionReason,
    decidedOn: c.decidedOn,
    overdue,
    actions:
      actor && checkAccess(actor, 'trading.complaint.decide') && !(c.filedBy && actor.userId === c.filedBy)
        ? complaintActions(facts(c))
        : [],
  };
}

/**
 * BID-3: a complaint about the candidates, filed from the publicity's start until 10 days after it.
 * Its acceptance clock (3 working days) starts now; the supervisors get it in their to-dos; until
 * it is refused or decided the award and the contract wait.
 */
export async function fileComplaint(
  deps: Deps,
  actor: Actor,
  projectId: string,
  input: TradingComplaintCreate,
): Promise<TradingComplaint> {
  assertAccess(actor, 'trading.complaint.write');
  return runCommand(deps, actor, async ({ tx, now }) => {
    const p = await getProjectOrThrow(tx, actor.regionCode, projectId, true);
    if (!p.publicityStart || ['cancelled', 'unsuccessful'].includes(p.status))
      throw new TradingError('TRADING_COMPLAINT_NOT_OPEN');
    const cal = await regionCalendar(deps, p.regionCode, tx);
    const today = shanghaiDay(now);
    const until = complaintsUntil(cal, p.publicityStart);
    if (today > until)
      throw new TradingError('TRADING_COMPLAINT_LATE', `投诉期限已于 ${until} 届满（公示开始后 10 日内）`);
    const c = await repo.insertComplaint(tx, {
      regionCode: p.regionCode,
      projectId,
      complainant: input.complainant,
      grounds: input.grounds,
      filedOn: today,
      filedAt: now,
      filedBy: actor.userId,
      acceptanceDueOn: acceptanceDueOn(cal, today),
    });
    const supervisors = await supervisorsOf(tx, p.regionCode);
    return {
      result: toComplaint(c, today, actor),
      inbox: [
        {
          regionCode: p.regionCode,
          recipientUserIds: supervisors,
          kind: 'trading.complaint',
          title: `${p.projectNo} 投诉待决定是否受理（${c.acceptanceDueOn} 前）`,
          params: { projectNo: p.projectNo, dueOn: String(c.acceptanceDueOn) },
          link: `/trading/projects/${projectId}`,
          entityType: 'trading_complaint',
          entityId: c.id,
          isTodo: true,
          dedupeKey: `trading.complaint:${c.id}`,
        },
      ],
      audit: {
        action: 'trading.complaint.file',
        entityType: 'trading_project',
        entityId: projectId,
        summary: { complaintId: c.id, acceptanceDueOn: c.acceptanceDueOn },
      },
    };
  });
}

/**
 * BID-3: the supervision's answers, each with its reasons: accept (the 30-working-day decision clock
 * starts) or refuse; an expert review pauses the clock (its working days are added when it ends);
 * the decision. The person who recorded the complaint never answers it (SOD-1).
 */
export async function answerComplaint(
  deps: Deps,
  actor: Actor,
  projectId: string,
  complaintId: string,
  input: TradingComplaintAnswer,
): Promise<TradingComplaint> {
  assertAccess(actor, 'trading.complaint.decide');
  return runCommand(deps, actor, async ({ tx, now }) => {
    const p = await getProjectOrThrow(tx, actor.regionCode, projectId, true);
    const c = await repo.findComplaint(tx, p.regionCode, complaintId);
    if (!c || c.projectId !== projectId) throw new TradingError('TRADING_COMPLAINT_NOT_FOUND');
    if (c.filedBy && c.filedBy === actor.userId) throw new TradingError('TRADING_COMPLAINT_SAME_PERSON');
    if (!complaintActions(facts(c)).includes(input.action)) throw new TradingError('TRADING_COMPLAINT_STATE');
    const needsReason = input.action === 'accept' || input.action === 'refuse' || input.action === 'decide';
    if (needsReason && !input.reason) throw new TradingError('TRADING_COMPLAINT_REASON_REQUIRED');
    if (input.action === 'decide' && !input.outcome)
      throw new TradingError('TRADING_FIELD_REQUIRED', '此操作须选择处理结果（投诉成立或驳回）');
    const cal = await regionCalendar(deps, p.regionCode, tx);
    const today = shanghaiDay(now);
    let updated: Row;
    switch (input.action) {
      case 'accept':
      case 'refuse':
        updated = await repo.updateComplaint(tx, p.regionCode, c.id, {
          accepted: input.action === 'accept',
          acceptanceReason: input.reason!,
          acceptedOn: today,
          acceptedBy: actor.userId,
          decisionDueOn: input.action === 'accept' ? decisionDueOn(cal, today, 0) : null,
        });
        break;
      case 'start_expert_review':
        updated = await repo.updateComplaint(tx, p.regionCode, c.id, { expertStartedOn: today });
        break;
      case 'end_expert_review': {
        const expertDays = c.expertDays + expertWorkingDays(cal, c.expertStartedOn!, today);
        updated = await repo.updateComplaint(tx, p.regionCode, c.id, {
          expertStartedOn: null,
          expertDays,
          decisionDueOn: decisionDueOn(cal, c.acceptedOn!, expertDays),
        });
        break;
      }
      case 'decide':
        updated = await repo.updateComplaint(tx, p.regionCode, c.id, {
          outcome: input.outcome!,
          decisionReason: input.reason!,
          decidedOn: today,
          decidedBy: actor.userId,
        });
        break;
    }
    if (input.action === 'decide' || input.action === 'refuse')
      await closeInboxTodos(
        tx,
        { regionCode: p.regionCode, entityType: 'trading_complaint', entityId: c.id },
        now,
      );
    const entry = { regionCode: p.regionCode, projectId, createdAt: now };
    if (input.action === 'decide' || input.action === 'refuse')
      await repo.insertEntry(tx, {
        ...entry,
        kind: 'announcement',
        isPublic: true,
        title: input.action === 'refuse' ? '投诉不予受理' : '投诉处理决定',
        body:
          input.action === 'refuse'
            ? `投诉人：${c.complainant}。理由：${input.reason}`
            : `投诉人：${c.complainant}。结论：${input.outcome === 'upheld' ? '投诉成立' : '投诉不成立，驳回'}。理由：${input.reason}`,
      });
    return {
      result: toComplaint(updated, today, actor),
      audit: {
        action: `trading.complaint.${input.action}`,
        entityType: 'trading_project',
        entityId: projectId,
        summary: { complaintId: c.id, outcome: input.outcome ?? null },
      },
    };
  });
}
