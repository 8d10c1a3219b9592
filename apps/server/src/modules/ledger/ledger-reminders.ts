import type { MessageParams } from '@tongban/contracts';
import type { Deps } from '../../platform/app-types';
import { enqueue, type NewOutboxMessage } from '../../platform/outbox';
import { shanghaiToday } from '../../platform/time';
import { currentProgress, measureStatus, type MeasureFacts, type ProgressFacts } from './ledger.policy';
import * as repo from './ledger.repository';
import { recurrenceOf } from './ledger-recurrence';
import { deliverToInbox } from '../inbox';

/**
 * Reminders to measure owners through the outbox (issue 6: "reminders through the outbox before and
 * after due dates"; 长期坚持 "a reminder each quarter to add progress"). They derive from the
 * recorded state only — the same derived status the ledger shows — and each carries a dedupe key,
 * so the job may run every few minutes in every process and a reminder still goes out once:
 *
 * - due soon: once per measure, due date and round, from `daysBefore` days before the due date;
 * - due today / overdue: once per measure per day (Asia/Shanghai) from the due date on;
 * - 长期坚持: once per measure per quarter while no progress is recorded in that quarter.
 *
 * Nothing for signed-off measures, measures without an owner, or measures awaiting sign-off (the
 * owner has reported completion; the verifier holds the next step).
 */

export type ReminderFacts = MeasureFacts & {
  id: string;
  regionCode: string;
  kind: string;
  content: string;
  findingTitle: string;
};
export type ReminderProgress = ProgressFacts & { date: string };
export type Reminder = {
  kind: string;
  dedupeKey: string;
  subject: string;
  body: string;
  /** The facts subject and body were worded from, for the inbox's other languages. */
  params: MessageParams;
};

const DAY = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

/** 2026Q4, and the first day of that quarter. */
export function quarterOf(iso: string): { label: string; start: string } {
  const y = Number(iso.slice(0, 4));
  const q = Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1;
  return { label: `${y}Q${q}`, start: `${y}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01` };
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** Pure: the reminders one measure is due for on `today`. */
export function remindersFor(
  m: ReminderFacts,
  progress: ReminderProgress[],
  today: string,
  daysBefore: number,
): Reminder[] {
  if (m.signedOffAt || !m.ownerUserId) return [];
  const status = measureStatus(m, progress, today);
  if (status === 'awaiting_signoff' || status === 'signed_off') return [];
  const what = `“${clip(m.content, 60)}”（问题：${clip(m.findingTitle, 40)}）`;
  const facts = { measure: clip(m.content, 60), finding: clip(m.findingTitle, 40), dueDate: m.dueDate ?? '' };
  const out: Reminder[] = [];
  if (m.dueDate) {
    const left = dayNumber(m.dueDate) - dayNumber(today);
    if (left < 0) {
      out.push({
        kind: 'ledger.measure.overdue',
        dedupeKey: `ledger.measure.overdue:${m.id}:${today}`,
        subject: `整改措施已逾期 ${-left} 天`,
        body: `您负责的整改措施${what}完成时限为 ${m.dueDate}，已逾期 ${-left} 天，请尽快完成整改并填报进展、上传佐证材料。`,
        params: { ...facts, days: -left },
      });
    } else if (left === 0) {
      out.push({
        kind: 'ledger.measure.due_today',
        dedupeKey: `ledger.measure.overdue:${m.id}:${today}`,
        subject: '整改措施今天到期',
        body: `您负责的整改措施${what}今天（${m.dueDate}）到期，请完成整改并填报进展、上传佐证材料后申请销号。`,
        params: facts,
      });
    } else if (left <= daysBefore) {
      out.push({
        kind: 'ledger.measure.due_soon',
        dedupeKey: `ledger.measure.due_soon:${m.id}:${m.dueDate}:${m.round}`,
        subject: `整改措施 ${left} 天后到期`,
        body: `您负责的整改措施${what}将于 ${m.dueDate} 到期（还有 ${left} 天），请抓紧推进并及时填报整改进展。`,
        params: { ...facts, days: left },
      });
    }
  }
  if (m.kind === 'ongoing') {
    const q = quarterOf(today);
    const reported = currentProgress(m, progress).some((p) => p.date >= q.start && p.date <= today);
    if (!reported)
      out.push({
        kind: 'ledger.measure.quarterly',
        dedupeKey: `ledger.measure.quarterly:${m.id}:${q.label}`,
        subject: '长期坚持整改措施：请填报本季度进展',
        body: `您负责的长期坚持整改措施${what}本季度（${q.label.replace('Q', '年第')}季度）尚未填报整改进展，请及时填报并上传佐证材料。`,
        params: { ...facts, quarter: q.label },
      });
  }
  return out;
}

export const RECUR_DUE = 'ledger.measure.recur_due';
export const RECUR_LAPSED = 'ledger.measure.recur_lapsed';

/**
 * Pure: what a signed-off 长期坚持 measure's owner finds in the inbox on `today` — a to-do for the
 * evidence of the period now running (closed when it comes in), and a notice per lapsed period.
 */
export function recurringItemsFor(
  m: ReminderFacts & { recurPeriod: string | null },
  progress: ReminderProgress[],
  today: string,
): InboxItem[] {
  const r = recurrenceOf(m, progress, today);
  if (!r) return [];
  const what = `“${clip(m.content, 60)}”（问题：${clip(m.findingTitle, 40)}）`;
  const facts = { measure: clip(m.content, 60), finding: clip(m.findingTitle, 40) };
  const out: InboxItem[] = [];
  if (!r.current.done)
    out.push({
      kind: RECUR_DUE,
      isTodo: true,
      dedupeKey: `${RECUR_DUE}:${m.id}:${r.current.start}`,
      title: `长期坚持整改措施：请提交${r.current.label}的佐证`,
      params: { ...facts, period: r.current.label, end: r.current.end },
      body: `您负责的长期坚持整改措施${what}已销号，仍须按期坚持：请在 ${r.current.end} 前填报${r.current.label}的整改进展并附佐证材料。`,
    });
  for (const p of r.lapsed)
    out.push({
      kind: RECUR_LAPSED,
      isTodo: false,
      dedupeKey: `${RECUR_LAPSED}:${m.id}:${p.start}`,
      title: `长期坚持整改措施${p.label}未提交佐证`,
      params: { ...facts, period: p.label, start: p.start, end: p.end },
      body: `您负责的长期坚持整改措施${what}在${p.label}（${p.start} 至 ${p.end}）没有填报附佐证的进展，台账中已标为脱节，请尽快补报。`,
    });
  return out;
}
export type InboxItem = {
  kind: string;
  isTodo: boolean;
  dedupeKey: string;
  title: string;
  body: string;
  params: MessageParams;
};

/**
 * The job: enqueues every reminder due at `now` (run by the outbox poller every few minutes, and
 * by tests with a given clock). Returns how many new messages were written.
 */
export async function enqueueLedgerReminders(
  deps: Pick<Deps, 'db' | 'config'>,
  now: Date,
  opts: { daysBefore?: number } = {},
): Promise<number> {
  const daysBefore = opts.daysBefore ?? deps.config.ledgerReminderDaysBefore;
  const today = shanghaiToday(now);
  // The job serves every region: its two reads of measures due are cross-region (named in the
  // statement check's CROSS_REGION); the progress of what they found is read in those regions.
  const measures = await deps.db
    .selectFrom('ledgerMeasure as m')
    .innerJoin('ledgerFinding as f', (j) =>
      j.onRef('f.regionCode', '=', 'm.regionCode').onRef('f.id', '=', 'm.findingId'),
    )
    .select([
      'm.id',
      'm.regionCode',
      'm.kind',
      'm.content',
      'm.ownerUserId',
      'm.departmentId',
      'm.dueDate',
      'm.signedOffAt',
      'm.round',
      'f.title as findingTitle',
    ])
    .where('m.signedOffAt', 'is', null)
    .where('m.ownerUserId', 'is not', null)
    .execute();
  const progress = await repo.listProgress(
    deps.db,
    measures.map((m) => m.regionCode),
    measures.map((m) => m.id),
  );
  const byMeasure = new Map<string, ReminderProgress[]>();
  for (const p of progress) byMeasure.set(p.measureId, [...(byMeasure.get(p.measureId) ?? []), p]);
  const messages: NewOutboxMessage[] = measures.flatMap((m) =>
    remindersFor(m, byMeasure.get(m.id) ?? [], today, daysBefore).map((r) => ({
      regionCode: m.regionCode,
      kind: r.kind,
      recipientUserId: m.ownerUserId,
      channel: 'site' as const,
      subject: r.subject,
      body: r.body,
      params: r.params,
      dedupeKey: r.dedupeKey,
      availableAt: now,
      link: '/ledger/mine',
    })),
  );
  const recurring = await repo.listRecurringMeasures(deps.db);
  const recurProgress = await repo.listProgress(
    deps.db,
    recurring.map((m) => m.regionCode),
    recurring.map((m) => m.id),
  );
  const items = recurring.flatMap((m) =>
    recurringItemsFor(
      m,
      recurProgress.filter((p) => p.measureId === m.id),
      today,
    ).map((item) => ({ m, item })),
  );
  if (messages.length === 0 && items.length === 0) return 0;
  return deps.db.transaction().execute(async (tx) => {
    let n = 0;
    for (const msg of messages) if (await enqueue(tx, msg)) n++;
    for (const { m, item } of items)
      n += await deliverToInbox(tx, {
        regionCode: m.regionCode,
        recipientUserIds: [m.ownerUserId!],
        kind: item.kind,
        title: item.title,
        body: item.body,
        params: item.params,
        link: '/ledger/mine',
        entityType: 'ledger_measure',
        entityId: m.id,
        isTodo: item.isTodo,
        dedupeKey: item.dedupeKey,
      });
    return n;
  });
}
