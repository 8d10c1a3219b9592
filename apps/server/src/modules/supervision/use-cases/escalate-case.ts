import { ESCALATION_LEVEL_LABELS, type EscalationLevel, type MessageParams } from '@tongban/contracts';
import { addWorkingDays } from '@tongban/calendar';
import type { Deps } from '../../../platform/app-types';
import type { CommandEffects } from '../../../platform/command';
import type { Tx } from '../../../platform/db';
import { shanghaiToday } from '../../../platform/time';
import { listUserIdsByRole } from '../../auth';
import { getCalendar } from '../../calendar';
import { escalationBody, escalationTitle, orderNo, orderReason } from '../supervision-notices';
import { ORDER_REPLY_WORKING_DAYS } from '../supervision.policy';
import * as repo from '../supervision.repository';

export type EscalationTarget = {
  regionCode: string;
  caseId: string;
  caseNo: string;
  departmentId: string;
  departmentName: string;
  /** The handler (the case's assignee), when it has one. */
  assigneeId: string | null;
};

/** Levels that issue a 督办单 to the department head. */
const ORDER_LEVELS: ReadonlySet<EscalationLevel> = new Set([
  'red_card',
  'refused_acceptable',
  'no_reasons',
  'skipped_steps',
]);

async function recipients(tx: Tx, t: EscalationTarget, level: EscalationLevel): Promise<string[]> {
  const heads = () =>
    listUserIdsByRole(tx, { regionCode: t.regionCode, role: 'dept_head', departmentId: t.departmentId });
  const handler = async () =>
    t.assigneeId
      ? [t.assigneeId]
      : listUserIdsByRole(tx, { regionCode: t.regionCode, role: 'approver', departmentId: t.departmentId });
  switch (level) {
    case 'warning':
      return handler();
    case 'yellow_card':
    case 'step_overdue':
      return [...(await handler()), ...(await heads())];
    case 'leader':
      return listUserIdsByRole(tx, { regionCode: t.regionCode, role: 'leader' });
    case 'red_card':
    case 'refused_acceptable':
    case 'no_reasons':
    case 'skipped_steps':
      return heads();
  }
}

/**
 * SUP-2: records one escalation level of a case inside `tx` — once per case and level (the primary
 * key): false when it had fired before. A red card or a non-time trigger also issues a 督办单 to
 * the department head with a reply deadline. Returns the effects (inbox, outbox, audit) for the
 * caller's runCommand; `deliver: false` records the level without telling anyone (superseded).
 */
export async function escalateInTx(
  deps: Deps,
  tx: Tx,
  now: Date,
  t: EscalationTarget,
  level: EscalationLevel,
  detail: string,
  deliver = true,
  /** The facts `detail` was worded from, for the inbox item's other languages. */
  facts: MessageParams = {},
): Promise<{ fired: boolean; orderId: string | null; effects: CommandEffects }> {
  const fired = await repo.insertEscalation(tx, {
    regionCode: t.regionCode,
    caseId: t.caseId,
    level,
    firedAt: now,
    detail,
  });
  if (!fired) return { fired: false, orderId: null, effects: {} };
  let orderId: string | null = null;
  let link = `/cases/${t.caseId}`;
  if (ORDER_LEVELS.has(level)) {
    const today = shanghaiToday(now);
    const year = today.slice(0, 4);
    const calendar = await getCalendar(deps, t.regionCode, tx);
    const order = await repo.insertOrder(tx, {
      regionCode: t.regionCode,
      orderNo: orderNo(year, (await repo.countOrdersOfYear(tx, t.regionCode, year)) + 1),
      caseId: t.caseId,
      caseNo: t.caseNo,
      departmentId: t.departmentId,
      departmentName: t.departmentName,
      reason: orderReason(level, detail),
      trigger: level,
      issuedAt: now,
      replyDue: addWorkingDays(calendar, today, ORDER_REPLY_WORKING_DAYS),
      status: 'open',
    });
    orderId = order?.id ?? null;
    if (orderId) link = `/supervision/orders/${orderId}`;
  }
  const users = deliver ? await recipients(tx, t, level) : [];
  const title = escalationTitle(level, t.caseNo);
  const body = escalationBody(level, detail);
  return {
    fired: true,
    orderId,
    effects: {
      inbox:
        users.length > 0
          ? [
              {
                regionCode: t.regionCode,
                recipientUserIds: users,
                kind: orderId ? 'supervision.order' : `supervision.${level}`,
                title,
                body,
                params: { caseNo: t.caseNo, variant: level, ...facts },
                link,
                entityType: orderId ? 'supervision_order' : 'service_case',
                entityId: orderId ?? t.caseId,
                isTodo: orderId !== null,
                dedupeKey: `supervision:${t.caseId}:${level}`,
              },
            ]
          : [],
      // The inbox item above is the in-app delivery; the outbox sends the same as a text (短信督办),
      // not as a second site message (which would land in the same inbox twice).
      outbox: users.map((u) => ({
        regionCode: t.regionCode,
        kind: `supervision.${level}`,
        recipientUserId: u,
        channel: 'sms' as const,
        subject: title,
        body,
        dedupeKey: `supervision:${t.caseId}:${level}:${u}`,
      })),
      audit: {
        action: 'supervision.escalate',
        entityType: 'service_case',
        entityId: t.caseId,
        regionCode: t.regionCode,
        summary: { level, label: ESCALATION_LEVEL_LABELS[level], orderId, delivered: deliver },
      },
    },
  };
}

/**
 * For other modules (complaints' 办不成事 review finding a refused case acceptable, issue 16):
 * raises a non-time trigger inside the caller's command (`tx`, `now` from runCommand) — once per
 * case and trigger — and issues its 督办单. Returns the 督办单 id (null when the trigger had
 * already fired for the case) and the effects (inbox items, messages, audit entry) the caller
 * returns to runCommand with its own.
 */
export async function raiseSupervisionTrigger(
  deps: Deps,
  tx: Tx,
  now: Date,
  input: EscalationTarget & {
    trigger: Extract<EscalationLevel, 'refused_acceptable' | 'no_reasons' | 'skipped_steps'>;
    detail: string;
  },
): Promise<{ orderId: string | null; effects: CommandEffects }> {
  const r = await escalateInTx(deps, tx, now, input, input.trigger, input.detail);
  return { orderId: r.orderId, effects: r.effects };
}
