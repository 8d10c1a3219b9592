import { type CompiledCalendar } from '@tongban/calendar';
import { regionCovers, type CaseCreate, type CaseDetail, type CatalogVersion } from '@tongban/contracts';
import { type Compilable } from 'kysely';
import { type Actor } from '../../platform/access';
import { type Deps } from '../../platform/app-types';
import { sm3Hex, sm4Decrypt, uuidv7 } from '../../platform/crypto';
import { executeBatch, executeWrites, type BatchRows, type Executor, type Tx } from '../../platform/db';
import { shanghaiToday } from '../../platform/time';
import { auditChainRead, type AuditLink } from '../audit';
import { calendarRead } from '../calendar';
import { CatalogError, getPublishedVersionId, publishedVersionIdQuery } from '../catalog';
import { type ApplicantRow } from './applicants/applicants.repository';
import { clockWith, pinnedVersion } from './case-clock';
import { caseContactValues, newQueryCode, queryCodeValues } from './case-secrets';
import { NewCaseEvent, projection } from './case-state';
import { appendEvents, caseAudit, rememberRegion } from './case-transition';
import { JoinedRow, detailOf, summaryOf } from './case-views';
import { CasesError } from './cases.errors';
import { INITIAL_CASE_STATE } from './cases.policy';
import * as repo from './cases.repository';
import { type MaterialRow } from './cases.repository';
import * as licensesRepo from './licenses/licenses.repository';

// ── Intake (creating a case) ────────────────────────────────────────────────

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;

/** A submission's work inside its transaction: the case it made and the writes still to send. */
export type Submission<T> = { caseId: string; writes: Compilable[]; value?: T };

/**
 * Idempotency-Key: the key is claimed in the submission's transaction, in its first round trip
 * together with the reads the submission asks for (`reads`; `fn` gets their rows). A concurrent
 * second submission with the same key waits on the first one's row and then finds it used; it gets
 * the first submission's case instead of a second one. The submission's writes and the key's answer
 * are sent together, as one statement.
 */
export async function withIdempotency<T, const Q extends readonly (Compilable<unknown> | null)[]>(
  deps: Deps,
  scope: string,
  key: string | undefined,
  request: unknown,
  reads: (tx: Tx) => Q,
  fn: (tx: Tx, rows: BatchRows<Q>) => Promise<Submission<T>>,
): Promise<{ caseId: string; replayed: boolean; value?: T | undefined }> {
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) throw new CasesError('BAD_IDEMPOTENCY_KEY');
  const requestHash = sm3Hex(JSON.stringify(request));
  try {
    return await deps.db.transaction().execute(async (tx) => {
      const [claimed, ...rows] = await executeBatch(tx, [
        key !== undefined ? repo.claimIdempotencyKeyQuery(tx, scope, key) : null,
        ...reads(tx),
      ]);
      if (key !== undefined && claimed?.length === 0) {
        const stored = (await repo.findIdempotencyKey(tx, scope, key))?.response as
          { requestHash: string; caseId: string } | null | undefined;
        if (!stored) throw new CasesError('CASE_STALE', '相同的提交正在处理，请稍后刷新');
        if (stored.requestHash !== requestHash) throw new CasesError('IDEMPOTENCY_KEY_REUSED');
        // A replay writes nothing: what the reads took (a case number) goes back with the rollback.
        throw new Replayed(stored.caseId);
      }
      const { caseId, writes, value } = await fn(tx, rows as BatchRows<Q>);
      if (key !== undefined)
        writes.push(repo.saveIdempotencyResponse(tx, scope, key, { requestHash, caseId }));
      await executeWrites(tx, writes, { thenCommit: true });
      return { caseId, replayed: false, value };
    });
  } catch (e) {
    if (e instanceof Replayed) return { caseId: e.caseId, replayed: true };
    throw e;
  }
}

/** Thrown out of a submission's transaction when its key was used already (rolls it back). */
class Replayed {
  constructor(readonly caseId: string) {}
}

export type IntakeSpec = {
  item: CatalogVersion;
  applicant: ApplicantRow;
  agent: ApplicantRow | null;
  channel: CaseCreate['channel'] | 'online';
  materials: Map<string, { status: 'provided' | 'not_applicable' | 'missing'; fileSha256?: string }>;
  caseId?: string;
  /** SEC-1: the contact given with this application; a window case takes the applicant's. */
  contact?: { name: string; phone: string };
  /** The region's calendar and the case's audit chain, when the caller already read them. */
  opened?: { calendar: CompiledCalendar; link: AuditLink };
  /** When the application was received (default: now), and its case number's serial of that day when the caller took it. */
  now?: Date;
  serial?: number;
};

/**
 * Whether an intake may take its case number with its opening reads (the counter then stays locked
 * until COMMIT): only when nothing it does in between is a round trip of its own, i.e. no material
 * left for the applicant's held e-licenses to supply (免提交, resolveMaterials).
 */
export function numberWithOpening(item: CatalogVersion, given: IntakeSpec['materials']): boolean {
  return item.materials.every((m) => {
    const status = given.get(m.name)?.status;
    return !m.licenseTypeCode || status === 'provided' || status === 'not_applicable';
  });
}

/** What intake reads before it takes a case number, for a caller that sends it with its own reads. */
export function intakeReads(deps: Deps, tx: Tx, regionCode: string, caseId: string) {
  const calendar = calendarRead(deps, regionCode, tx);
  const chain = auditChainRead(tx, regionCode, 'case', caseId);
  return {
    queries: [calendar.query, chain.query] as const,
    finish: async (calendarRows: unknown[], headRows: unknown[]) => ({
      calendar: await calendar.finish(calendarRows),
      link: await chain.finish(headRows),
    }),
  };
}

/**
 * Receives an application: the materials checked against the pinned catalog version (免提交 from
 * the applicant's e-licenses), a gap-free case number, the first events. Returns the writes for the
 * caller's batch and the new case as its detail (no second read).
 */
export async function intake(
  deps: Deps,
  tx: Tx,
  actor: Actor,
  spec: IntakeSpec,
): Promise<Submission<CaseDetail>> {
  const prepared = await prepareIntake(deps, tx, spec);
  // The calendar and the audit chain in one round trip (or the caller's), then the case-number
  // counter: the counter row stays locked only for the final write and the commit (see transition).
  let opened = spec.opened;
  if (!opened) {
    const reads = intakeReads(deps, tx, prepared.regionCode, prepared.caseId);
    opened = await reads.finish(...(await executeBatch(tx, reads.queries)));
  }
  rememberRegion(prepared.caseId, prepared.regionCode);
  const serial = spec.serial ?? (await repo.nextCaseSerial(tx, prepared.regionCode, prepared.day));
  const made = prepared.finish(actor, serial);
  const { calendar, link } = opened;
  made.writes.push(...caseAudit({ tx, row: made.row, now: prepared.now }, link, actor, ...made.audit[0]!));
  return { caseId: made.caseId, writes: made.writes, value: made.detail(calendar) };
}

/** A case number as it reads: region, day, the day's gap-free serial. */
export const formatCaseNo = (regionCode: string, day: string, serial: number) =>
  `${regionCode}-${day.replaceAll('-', '')}-${String(serial).padStart(5, '0')}`;

/**
 * Intake up to its case number: what it reads (the materials, 免提交 from held e-licenses) done,
 * and `finish(actor, serial)` building the case's rows, events and audit entries (action and
 * summary, for the caller's chain) once the number is taken. A bundle (issue 20) prepares all its
 * branches first and takes their numbers together, last (docs/adr/0007).
 */
export async function prepareIntake(deps: Deps, tx: Tx, spec: IntakeSpec) {
  const { item, applicant } = spec;
  const now = spec.now ?? deps.clock.now();
  const day = shanghaiToday(now);
  const regionCode = item.regionCode;
  const caseId = spec.caseId ?? uuidv7();
  const materials = await resolveMaterials(tx, item, applicant, spec.materials, { caseId, now, day });
  const finish = (actor: Actor, serial: number, more: NewCaseEvent[] = []) => {
    const caseNo = formatCaseNo(regionCode, day, serial);
    const events: NewCaseEvent[] = [
      { type: 'submitted', channel: spec.channel },
      ...(spec.channel === 'window' || spec.channel === 'kiosk'
        ? [{ type: 'visit' as const, purpose: '窗口收件' }]
        : []),
    ];
    const row = {
      id: caseId,
      regionCode,
      caseNo,
      itemId: item.itemId,
      itemVersionId: item.id,
      departmentId: item.departmentId,
      applicantId: applicant.id,
      agentId: spec.agent?.id ?? null,
      channel: spec.channel,
      intakeBy: actor.userId,
      createdAt: now,
    };
    // SEC-1: the case keeps its own contact; SEC-2: and its own 查询码 for public tracking.
    const contact = spec.contact ?? {
      name: applicant.contactName ?? applicant.name,
      phone: sm4Decrypt(deps.config.secrets.sm4Key, applicant.phoneEnc),
    };
    const queryCode = newQueryCode();
    const secrets = { ...caseContactValues(deps, contact), ...queryCodeValues(deps, caseId, queryCode) };
    const ctx = { tx, row, now, writes: [] as Compilable[] };
    const { next, appended } = appendEvents(ctx, actor, row, INITIAL_CASE_STATE, [...events, ...more], now);
    // One statement: the events' and materials' references to the new case are checked at its end.
    ctx.writes.push(repo.insertCase(tx, { ...row, ...secrets, ...projection(next, now) }));
    ctx.writes.push(...repo.insertMaterials(tx, materials));
    const audit: [string, Record<string, unknown>][] = [
      [
        'case.submit',
        {
          caseNo,
          itemId: item.itemId,
          channel: spec.channel,
          missing: materials.filter((m) => m.status === 'missing').length,
        },
      ],
    ];
    const joined = {
      ...row,
      ...projection(next, now),
      state: next,
      applicantName: applicant.name,
      applicantIdMasked: applicant.idNumberMasked,
      departmentName: item.departmentName,
      itemName: item.name,
      maxVisits: item.maxVisits,
      steps: item.steps,
      legalLimitDays: item.legalLimitDays,
      promisedLimitDays: item.promisedLimitDays,
    } as unknown as JoinedRow;
    const detail = (calendar: CompiledCalendar) =>
      detailOf(summaryOf(joined, next, clockWith(calendar, now, next, item)), joined, {
        applicant,
        agentName: spec.agent?.name ?? null,
        materials,
        notices: [],
        events: appended.map(({ event: { type, at: when, actorId, ...payload }, seq }) => ({
          seq,
          type,
          at: when,
          actorId,
          actorName: actor.displayName,
          payload,
        })),
        license: undefined,
        queryCode,
        contact: { name: secrets.contactName, phoneMasked: secrets.contactPhoneMasked },
        today: shanghaiToday(now),
        actor,
      });
    return { caseId, caseNo, row, next, appended, writes: ctx.writes, audit, detail };
  };
  return { caseId, regionCode, day, now, materials, finish };
}

/**
 * The materials as a case records them: each checked against the pinned catalog version, 免提交
 * ones taken from the applicant's held e-licenses. Intake and its preview (issue 14 point 7) share it.
 */
export async function resolveMaterials(
  tx: Tx,
  item: CatalogVersion,
  applicant: ApplicantRow,
  given: IntakeSpec['materials'],
  at: { caseId: string; now: Date; day: string },
): Promise<Omit<MaterialRow, 'id'>[]> {
  for (const name of given.keys())
    if (!item.materials.some((m) => m.name === name))
      throw new CasesError('CASE_UNKNOWN_MATERIAL', `“${name}”不在该事项的材料清单中`);
  const materials: Omit<MaterialRow, 'id'>[] = [];
  for (const [i, m] of item.materials.entries()) {
    const g = given.get(m.name);
    const required = m.requirement === 'required';
    let status: 'provided' | 'missing' | 'from_license' | 'not_applicable';
    let licenseId: string | null = null;
    if (g?.status === 'provided') status = 'provided';
    else if (g?.status === 'not_applicable' && required)
      throw new CasesError('CASE_UNKNOWN_MATERIAL', `“${m.name}”是必要材料，不能标为不适用`);
    else if (g?.status === 'not_applicable') status = 'not_applicable';
    else if (
      m.licenseTypeCode &&
      (licenseId =
        (
          await licensesRepo.findHeldLicense(
            tx,
            applicant.regionCode,
            applicant.id,
            m.licenseTypeCode,
            at.day,
          )
        )?.id ?? null)
    )
      // 免提交: the system takes the material from the applicant's e-license.
      status = 'from_license';
    else status = required || g?.status === 'missing' ? 'missing' : 'not_applicable';
    materials.push({
      regionCode: item.regionCode,
      caseId: at.caseId,
      sortOrder: i,
      name: m.name,
      required,
      deferrable: m.deferrable,
      status,
      licenseId,
      fileSha256: g?.fileSha256 ?? null,
      receivedAt: status === 'provided' ? at.now : null,
      dueDate: null,
    });
  }
  return materials;
}

/** The live version of an item to file under: region-checked, from the pinned-version cache. */
export async function getItemForIntake(deps: Deps, actor: Actor, itemId: string) {
  const item = await pinnedVersion(deps, await getPublishedVersionId(deps, itemId));
  publishedSeenIn(deps).set(itemId, item.id);
  checkItemRegion(actor, item);
  return item;
}

function checkItemRegion(actor: Actor, item: { regionCode: string }) {
  if (
    actor.role !== 'system' &&
    actor.role !== 'applicant' &&
    !regionCovers(actor.regionCode, item.regionCode)
  )
    throw new CasesError('CASE_ITEM_OUT_OF_REGION');
}

/**
 * Each item's published version as this process last saw it (a guess: checked in the intake), per
 * database handle as the version cache (tests open several in one process).
 */
const publishedSeen = new WeakMap<Deps['db'], Map<string, string>>();
function publishedSeenIn(deps: Deps): Map<string, string> {
  let seen = publishedSeen.get(deps.db);
  if (!seen) publishedSeen.set(deps.db, (seen = new Map()));
  if (seen.size > 10_000) seen.clear();
  return seen;
}

/**
 * The item an application is filed under, without a round trip of its own when this process has
 * seen the item's published version: that version (its content is cached, and an item never
 * changes region), with `check`, a statement for the intake's opening round trip that reads which
 * version is published now, and `confirm`, which gives the version to file under from its rows:
 * the guessed one, or the one published since (re-read), or CATALOG_NOT_PUBLISHED.
 */
export async function guessItemForIntake(deps: Deps, actor: Actor, itemId: string) {
  const seen = publishedSeenIn(deps);
  const seenId = seen.get(itemId);
  if (seenId === undefined) {
    const item = await getItemForIntake(deps, actor, itemId);
    return { item, check: () => null, confirm: async (_rows: unknown, _tx: Executor) => item };
  }
  const item = await pinnedVersion(deps, seenId);
  checkItemRegion(actor, item);
  return {
    item,
    check: (tx: Executor) => publishedVersionIdQuery(tx, item.regionCode, itemId),
    confirm: async (rows: readonly { id: string }[] | undefined, tx: Executor) => {
      const now = rows?.[0]?.id;
      if (now === seenId) return item;
      seen.delete(itemId);
      if (now === undefined) throw new CatalogError('CATALOG_NOT_PUBLISHED', undefined, { itemId });
      seen.set(itemId, now);
      return pinnedVersion(deps, now, tx);
    },
  };
}
