import { PROJECT_ACTION_LABELS, type ProjectTransition } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import type { TradingProjectTable } from '../../../platform/db-types';
import type { Updateable } from 'kysely';
import {
  bidValidUntil,
  checkAction,
  DEFAULT_BID_VALIDITY_DAYS,
  planPublicity,
  TRANSITIONS,
  type ProjectFacts,
} from '../trading.policy';
import { TradingError, type TradingErrorCode } from '../trading.errors';
import * as repo from '../trading.repository';
import { getProjectOrThrow } from './common';
import { isPanelReady } from './get-project';
import { startRefundClocks } from './start-refund-clocks';

const need = <T>(v: T | undefined, what: string): T => {
  if (v === undefined) throw new TradingError('TRADING_FIELD_REQUIRED', `此操作须填写${what}`);
  return v;
};

/** One step of the project's lifecycle (trading.policy TRANSITIONS); each one in the audit chain. */
export async function transitionProject(deps: Deps, actor: Actor, id: string, input: ProjectTransition) {
  assertAccess(actor, 'trading.project.write');
  await runCommand(deps, actor, async ({ tx, now }) => {
    const p = await getProjectOrThrow(tx, actor.regionCode, id, true);
    const bidders = await repo.listBidders(tx, p.regionCode, id);
    const active = bidders.filter((b) => !b.withdrawnAt);
    const facts: ProjectFacts = {
      status: p.status as ProjectFacts['status'],
      bidDeadline: p.bidDeadline,
      evaluationReportAt: p.evaluationReportAt,
      publicityEnd: p.publicityEnd,
      panelReady: input.action === 'start_evaluation' ? await isPanelReady(tx, p.regionCode, id) : false,
      activeBidders: active.length,
      openComplaints: ['award', 'sign_contract'].includes(input.action)
        ? await repo.countOpenComplaints(tx, p.regionCode, id)
        : 0,
      bidValidUntil:
        p.bidDeadline && p.bidValidityDays ? bidValidUntil(p.bidDeadline, p.bidValidityDays) : null,
    };
    const problem = checkAction(facts, input.action, now);
    if (problem) throw new TradingError(problem as TradingErrorCode);
    const patch: Updateable<TradingProjectTable> = { status: TRANSITIONS[input.action].to };
    let announcement: { title: string; body: string } | null = null;
    switch (input.action) {
      case 'announce': {
        const deadline = new Date(need(input.bidDeadline, '投标截止时间'));
        if (deadline <= now) throw new TradingError('TRADING_FIELD_REQUIRED', '投标截止时间须晚于现在');
        patch.bidDeadline = deadline;
        patch.bidValidityDays = input.bidValidityDays ?? DEFAULT_BID_VALIDITY_DAYS;
        announcement = {
          title: '招标公告',
          body:
            input.note ??
            `${p.name}，投标截止时间 ${deadline.toISOString()}，投标有效期 ${patch.bidValidityDays} 日（自投标截止之日起）`,
        };
        break;
      }
      case 'open_bids':
        patch.openedAt = now;
        break;
      case 'publish_candidates': {
        const reportAt = new Date(need(input.evaluationReportAt, '评标报告提交时间'));
        const plan = planPublicity(reportAt, now, input.publicityDays ?? 3);
        if ('error' in plan) throw new TradingError(plan.error as TradingErrorCode);
        Object.assign(patch, {
          evaluationReportAt: reportAt,
          publicityStart: plan.start,
          publicityEnd: plan.end,
        });
        announcement = {
          title: '中标候选人公示',
          body: `候选人：${active.map((b) => b.name).join('、')}。公示至 ${plan.end.toISOString()}；异议、投诉可于 ${plan.complaintsUntil.toISOString()} 前提出。`,
        };
        break;
      }
      case 'award': {
        const winner = active.find((b) => b.id === need(input.winnerBidderId, '中标人'));
        if (!winner) throw new TradingError('TRADING_BIDDER_NOT_FOUND');
        Object.assign(patch, { awardedAt: now, winnerBidderId: winner.id });
        announcement = { title: '中标结果公告', body: `中标人：${winner.name}` };
        await startRefundClocks(deps, tx, p, 'award', winner.id, now);
        break;
      }
      case 'sign_contract':
        patch.contractSignedAt = now;
        await startRefundClocks(deps, tx, p, 'contract', p.winnerBidderId, now);
        break;
      case 'accept':
        Object.assign(patch, { acceptedAt: now, acceptanceEvidence: need(input.evidence, '验收证据') });
        break;
      case 'cancel':
      case 'fail':
        announcement = { title: input.action === 'cancel' ? '终止公告' : '流标公告', body: input.note ?? '' };
        await startRefundClocks(deps, tx, p, 'termination', null, now);
        break;
      case 'start_evaluation':
        break;
    }
    await repo.updateProject(tx, p.regionCode, id, patch);
    const entry = { regionCode: p.regionCode, projectId: id, createdAt: now };
    await repo.insertEntry(tx, {
      ...entry,
      kind: 'state',
      title: PROJECT_ACTION_LABELS[input.action],
      body: input.note ?? '',
    });
    if (announcement)
      await repo.insertEntry(tx, { ...entry, kind: 'announcement', isPublic: true, ...announcement });
    return {
      result: undefined,
      audit: {
        action: `trading.project.${input.action}`,
        entityType: 'trading_project',
        entityId: id,
        summary: { from: p.status, to: patch.status },
      },
    };
  });
}
