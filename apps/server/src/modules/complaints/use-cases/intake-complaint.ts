import type {
  ComplaintIntake,
  ComplaintSource,
  ComplaintType,
  MessageParams,
  PublicComplaintInput,
} from '@tongban/contracts';
import { addWorkingDays, getWorkingDayOnOrAfter } from '@tongban/calendar';
import { randomUUID } from 'node:crypto';
import { auditChainRead, auditEntryWrites } from '../../audit';
import { activeUserIdsQuery } from '../../auth';
import { calendarRead, getCalendar } from '../../calendar';
import { inboxWrites } from '../../inbox';
import { orgService } from '../../org';
import { assertAccess, SYSTEM_ACTOR, type Actor } from '../../../platform/access';
import { badRequest } from '../../../platform/errors';
import type { Deps } from '../../../platform/app-types';
import { hmacSm3Hex, sm4Encrypt } from '../../../platform/crypto';
import { executeBatch, executeWrites, type Executor } from '../../../platform/db';
import { shanghaiToday } from '../../../platform/time';
import { ComplaintError } from '../complaints.errors';
import { DEFAULT_LIMIT_DAYS, maskName, maskPhone } from '../complaints.policy';
import * as repo from '../complaints.repository';

export type NewComplaint = ComplaintIntake & { lat?: number | null; lng?: number | null };

/** CPL-1: the type's working days from the region's settings, the default otherwise. */
export async function limitDaysOf(db: Executor, regionCode: string, type: ComplaintType) {
  const rows = await repo.listSettings(db, regionCode);
  return rows.find((r) => r.type === type)?.limitDays ?? DEFAULT_LIMIT_DAYS[type];
}

/**
 * Writes one intake inside the caller's transaction: personal data sealed (SM4) and masked, the
 * phone's keyed hash for finding repeat complainants, the due date on the working-day calendar.
 */
export async function recordIntake(
  deps: Deps,
  tx: Executor,
  actor: Actor,
  regionCode: string,
  input: NewComplaint,
  now: Date,
  orderNo: string,
) {
  if (!input.anonymous && (!input.complainantName || !input.phone))
    throw new ComplaintError('COMPLAINT_NAME_REQUIRED');
  const cal = await getCalendar(deps, regionCode, tx);
  const today = shanghaiToday(now);
  const dueDate = addWorkingDays(
    cal,
    getWorkingDayOnOrAfter(cal, today),
    await limitDaysOf(tx, regionCode, input.type),
  );
  const row = await repo.insertComplaint(tx, intakeValues(deps, regionCode, input, now, orderNo, dueDate));
  await repo.insertEvent(tx, intakeEvent(actor, regionCode, row.id, input, now));
  return row;
}

function intakeValues(
  deps: Deps,
  regionCode: string,
  input: NewComplaint,
  now: Date,
  orderNo: string,
  dueDate: string,
) {
  const k = deps.config.secrets;
  const name = input.anonymous ? '' : input.complainantName;
  const phone = input.anonymous ? '' : input.phone;
  return {
    regionCode,
    orderNo,
    source: input.source,
    externalNo: input.externalNo,
    type: input.type,
    title: input.title,
    content: input.content,
    address: input.address,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    anonymous: input.anonymous,
    complainantNameEnc: name ? sm4Encrypt(k.sm4Key, name) : null,
    complainantNameMasked: maskName(name),
    phoneEnc: phone ? sm4Encrypt(k.sm4Key, phone) : null,
    phoneMasked: maskPhone(phone),
    phoneHash: phone ? hmacSm3Hex(k.lookupKey, phone) : null,
    subjectKind: input.subjectKind,
    subjectId: input.subjectId,
    subjectLabel: input.subjectLabel,
    relatedCaseId: input.relatedCaseId,
    status: 'received' as const,
    receivedAt: now,
    dueDate,
    createdAt: now,
    updatedAt: now,
  };
}

const intakeEvent = (actor: Actor, regionCode: string, id: string, input: NewComplaint, now: Date) => ({
  regionCode,
  complaintId: id,
  seq: 0,
  type: 'received',
  payload: { source: input.source, externalNo: input.externalNo },
  actorId: actor.userId,
  actorName: actor.displayName,
  at: now,
});

function deskDelivery(
  desk: string[],
  regionCode: string,
  id: string,
  title: string,
  params: MessageParams | null = null,
) {
  return {
    regionCode,
    recipientUserIds: desk,
    kind: 'complaints.to_dispatch',
    title,
    params,
    link: `/complaints/${id}`,
    entityType: 'complaint',
    entityId: id,
    isTodo: true,
  };
}

/** Staff intake from any channel (and the 12345 platform's API): lands on the dispatch desk. */
export async function intakeComplaint(deps: Deps, actor: Actor, input: NewComplaint, regionCode?: string) {
  assertAccess(actor, 'complaint.intake');
  const region = regionCode ?? actor.regionCode;
  assertAccess(actor, 'complaint.intake', { regionCode: region });
  return fileComplaint(deps, actor, region, input);
}

/**
 * One intake in four round trips (bench:complaints): the calendar revisions, the type's deadline
 * setting, the dispatch desk and the new order's audit chain in one; then the order number — the
 * counter row stays locked only for the final statement — and the record, its event, the desk's
 * to-do and the audit entry sent as one statement with the COMMIT.
 */
async function fileComplaint(deps: Deps, actor: Actor, region: string, input: NewComplaint) {
  if (!input.anonymous && (!input.complainantName || !input.phone))
    throw new ComplaintError('COMPLAINT_NAME_REQUIRED');
  if (input.externalNo) {
    const dup = await repo.findByExternalNo(deps.db, region, [input.externalNo]);
    if (dup.length) throw new ComplaintError('COMPLAINT_DUPLICATE_EXTERNAL_NO');
  }
  const id = randomUUID();
  return deps.db.transaction().execute(async (tx) => {
    const now = deps.clock.now();
    const calendarNow = calendarRead(deps, region, tx);
    const chain = auditChainRead(tx, region, 'complaint', id);
    const [calRows, settings, desk, headRows] = await executeBatch(tx, [
      calendarNow.query,
      repo.settingsQuery(tx, region),
      activeUserIdsQuery(tx, { regionCode: region, role: 'supervisor' }),
      chain.query,
    ] as const);
    const cal = await calendarNow.finish(calRows);
    const link = await chain.finish(headRows);
    const limit = settings.find((r) => r.type === input.type)?.limitDays ?? DEFAULT_LIMIT_DAYS[input.type];
    const dueDate = addWorkingDays(cal, getWorkingDayOnOrAfter(cal, shanghaiToday(now)), limit);
    const [orderNo] = await repo.nextOrderNo(tx, region, Number(shanghaiToday(now).slice(0, 4)));
    const values = intakeValues(deps, region, input, now, orderNo!, dueDate);
    await executeWrites(
      tx,
      [
        repo.insertComplaintQuery(tx, { ...values, id }),
        repo.insertEventQuery(tx, intakeEvent(actor, region, id, input, now)),
        ...inboxWrites(tx, {
          deliver: [
            deskDelivery(
              desk.map((u) => u.id),
              region,
              id,
              `待派单：${orderNo}（${input.title}）`,
              { orderNo: orderNo ?? '', subject: input.title },
            ),
          ],
          at: now,
        }),
        ...auditEntryWrites(
          tx,
          link,
          actor,
          [
            {
              action: 'complaint.intake',
              entityType: 'complaint',
              entityId: id,
              summary: { orderNo, source: input.source as ComplaintSource, type: input.type },
            },
          ],
          now,
        ),
      ],
      { thenCommit: true },
    );
    return { id, orderNo: orderNo! };
  });
}

/** The portal's online form and the public report's feedback form: public, rate-limited (SEC-2). */
export async function submitPublicComplaint(
  deps: Deps,
  actor: Actor,
  input: PublicComplaintInput,
  place: { address?: string; lat?: number | null; lng?: number | null } = {},
) {
  const regions = await orgService.listRegions(deps, SYSTEM_ACTOR);
  if (!regions.some((r) => r.code === input.regionCode)) throw badRequest('行政区划不存在');
  const r = await fileComplaint(deps, actor, input.regionCode, {
    source: input.channel,
    type: input.type,
    title: input.title,
    content: input.content,
    anonymous: input.anonymous,
    complainantName: input.complainantName,
    phone: input.phone,
    externalNo: null,
    address: place.address ?? '',
    lat: place.lat ?? null,
    lng: place.lng ?? null,
    relatedCaseId: null,
    subjectKind: 'none',
    subjectId: null,
    subjectLabel: '',
  });
  return { orderNo: r.orderNo, message: '已收到您的反映，我们将按时限办理并回访。' };
}

export { fileComplaint };
