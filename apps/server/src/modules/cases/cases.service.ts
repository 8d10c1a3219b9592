import {
  ACCEPT_STEP as CATALOG_ACCEPT_STEP,
  CASE_STATUS_LABELS,
  CONCLUDE_STEP,
  DELIVERY_METHOD_LABELS,
  buildLicenseId,
  DEPARTMENT_ROLES,
  NOTICE_KIND_LABELS,
  QUERY_CODE_ALPHABET,
  QUERY_CODE_LENGTH,
  SUSPENSION_KIND_LABELS,
  creditCodeCheckChar,
  isValidLicenseId,
  maskIdNumber,
  type DeliveryReceiver,
  regionCovers,
  regionPrefix,
  type AcceptInput,
  type Action,
  type Applicant,
  type ApplicantInput,
  type CaseClockSummary,
  type CaseCreate,
  type CaseDetail,
  type CaseListQuery,
  type CaseNotice,
  type CaseSummary,
  type CatalogVersion,
  type DecideInput,
  type DeliveryPrepareInput,
  type DraftSave,
  type License,
  type LicenseVerification,
  type NoticeKind,
  type PublicSubmit,
  type PublicSubmitResult,
  type RefuseInput,
  type SupplementInput,
  type SupplementReceivedInput,
  type SuspendInput,
  type TrackInput,
  type TransferCandidate,
} from '@tongban/contracts';
import {
  checkExtension,
  computeCaseClock,
  type CaseClock,
  type CaseClockInput,
  type CompiledCalendar,
  type SuspensionKind,
} from '@tongban/calendar';
import { randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Compilable } from 'kysely';
import { assertAccess, checkAccess, type Actor } from '../../platform/access';
import type { Deps } from '../../platform/app-types';
import { hmacSm3Hex, randomToken, sm3Hex, sm4Decrypt, sm4Encrypt } from '../../platform/crypto';
import { executeBatch, executeWrites, type BatchRows, type Executor, type Tx } from '../../platform/db';
import { forbidden, notFound } from '../../platform/errors';
import { storeFile, type FilePolicy } from '../../platform/files';
import { enqueueWrite } from '../../platform/outbox';
import { shanghaiToday } from '../../platform/time';
import { appendAudit, auditChainRead, auditWrites, lockAuditChain, type AuditLink } from '../audit';
import { listUserIdsByRole } from '../auth';
import { calendarRead, getCalendar } from '../calendar';
import { getPublishedVersion, getPublishedVersionId, getVersion } from '../catalog';
import {
  chineseDate,
  formatNoticeNo,
  noticeTitle,
  remediesText,
  renderNoticeDocx,
  type NoticeContent,
} from './case-notice';
import { CasesError } from './cases.errors';
import {
  INITIAL_CASE_STATE,
  applyCaseEvent,
  caseScope,
  checkCompleteStep,
  checkDecide,
  checkDeliver,
  checkReceiver,
  checkIntakeDecision,
  checkPrepareDelivery,
  checkRequestExtension,
  checkResume,
  checkReturn,
  checkSeparationOfDuties,
  checkSuspend,
  checkWithdraw,
  isOpenCase,
  mayNotifyReadyForPickup,
  replayCase,
  type CaseEvent,
  type CaseRuleCode,
  type CaseScopeRow,
  type CaseState,
} from './cases.policy';
import * as repo from './cases.repository';
import { missingMessage, onlineMaterialGaps } from './use-cases/check-online-materials';
import { openDraftData, sealDraftData } from './use-cases/draft-identity';
import type {
  ApplicantRow,
  CaseRow,
  EventRow,
  LicenseRow,
  LockedCaseRow,
  MaterialRow,
  NoticeRow,
} from './cases.repository';

/** Materials uploaded online: scans and photos, limited in size and type (docs/api-cases.md). */
export const MATERIAL_POLICY: FilePolicy = {
  maxBytes: 10 * 1024 * 1024,
  mediaTypes: ['application/pdf', 'image/png', 'image/jpeg'],
};

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;
export type NewCaseEvent = DistributiveOmit<CaseEvent, 'at' | 'actorId'>;

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

// ── State (TRUTH-1) ─────────────────────────────────────────────────────────

/** The stored projection back into a CaseState (dates were written as ISO strings). */
export function reviveState(json: unknown): CaseState {
  const s = json as Record<string, unknown> & CaseState;
  const d = (v: unknown) => (v ? new Date(v as string) : null);
  return {
    ...s,
    receivedAt: d(s.receivedAt),
    acceptedAt: d(s.acceptedAt),
    supplementRequestedAt: d(s.supplementRequestedAt),
    decidedAt: d(s.decidedAt),
    deliveredAt: d(s.deliveredAt),
    suspension: s.suspension ? { ...s.suspension, start: new Date(s.suspension.start) } : null,
    suspensions: s.suspensions.map((x) => ({
      ...x,
      start: new Date(x.start),
      end: x.end ? new Date(x.end) : null,
    })),
    delivery: s.delivery ? { ...s.delivery, preparedAt: new Date(s.delivery.preparedAt) } : null,
  };
}

/** A stored event back into a CaseEvent. */
export function toCaseEvent(r: EventRow): CaseEvent {
  return { ...(r.payload as object), type: r.type, at: new Date(r.at), actorId: r.actorId } as CaseEvent;
}

/** TRUTH-1: the case as its events add up to (tests compare it with the stored projection). */
export async function replayFromEvents(db: Executor, caseId: string): Promise<CaseState> {
  return replayCase((await repo.listEvents(db, caseId)).map(toCaseEvent));
}

/** The columns of service_case that a state sets (the case-projection check compares them, TRUTH-1). */
export function projection(s: CaseState, now: Date) {
  return {
    status: s.status,
    stepIndex: s.stepIndex,
    assigneeId: s.assigneeId,
    suspended: s.suspension !== null,
    extensionStatus: s.extension?.status ?? null,
    outcome: s.outcome,
    licenseId: s.licenseId,
    receivedAt: s.receivedAt,
    acceptedAt: s.acceptedAt,
    decidedAt: s.decidedAt,
    deliveredAt: s.deliveredAt,
    visits: s.visits,
    version: s.version,
    state: JSON.stringify(s),
    updatedAt: now,
  };
}

// ── Items, steps and the clock ───────────────────────────────────────────────

// Published versions never change in content, so the pinned version of a case can be cached. (Its
// department's name can change: transitions take the name from the department row, see lockCase.)
// One cache per database handle: tests open several in one process.
const versionCaches = new WeakMap<Deps['db'], Map<string, CatalogVersion>>();
async function pinnedVersion(deps: Deps, versionId: string, db: Executor = deps.db): Promise<CatalogVersion> {
  let cache = versionCaches.get(deps.db);
  if (!cache) versionCaches.set(deps.db, (cache = new Map()));
  const hit = cache.get(versionId);
  if (hit) return hit;
  const v = await getVersion({ db }, versionId);
  if (cache.size > 1000) cache.clear();
  cache.set(versionId, v);
  return v;
}

/** The back-office steps: the item's template without 受理 and 办结 (at least a 决定 step). */
export function backOfficeSteps(steps: readonly string[]): string[] {
  const back = steps.filter((s) => s !== CATALOG_ACCEPT_STEP && s !== CONCLUDE_STEP);
  return back.length > 0 ? back : ['决定'];
}

type Limits = { legalLimitDays: number | null; promisedLimitDays: number | null };

function clockInput(s: CaseState, limits: Limits): CaseClockInput | undefined {
  if (!s.receivedAt || s.status === 'draft' || s.status === 'refused' || s.status === 'withdrawn')
    return undefined;
  // 即办件 have a limit of 0; the clock needs at least one day.
  const legal = Math.max(1, limits.legalLimitDays ?? 20);
  const promised = Math.min(limits.promisedLimitDays ?? legal, legal);
  return {
    materialsReceivedAt: s.receivedAt,
    ...(s.acceptedAt ? { acceptedAt: s.acceptedAt } : {}),
    ...(s.status === 'supplement_requested' && s.supplementRequestedAt
      ? { supplementRequestedAt: s.supplementRequestedAt }
      : {}),
    suspensions: s.suspensions.map((x) => ({
      kind: x.kind as SuspensionKind,
      countsInLimit: x.countsInLimit,
      start: x.start,
      ...(x.end ? { end: x.end } : {}),
    })),
    ...(s.extension?.status === 'approved' ? { extension: { days: s.extension.days } } : {}),
    ...(s.decidedAt ? { decidedAt: s.decidedAt } : {}),
    ...(s.deliveredAt ? { deliveredAt: s.deliveredAt } : {}),
    legalLimitDays: legal,
    promisedLimitDays: promised,
    isBundle: false,
  };
}

/** Deadlines are derived from the region's calendar on every read (docs/adr/0001). */
type Calendars = (regionCode: string) => Promise<CompiledCalendar>;

/**
 * One calendar per region for a whole list: its revision check runs once per region and request,
 * not once per row (the calendar is never cached across requests: ADR 0001).
 */
function calendarsOnce(deps: Deps): Calendars {
  const byRegion = new Map<string, Promise<CompiledCalendar>>();
  return (regionCode) => {
    let calendar = byRegion.get(regionCode);
    if (!calendar) byRegion.set(regionCode, (calendar = getCalendar(deps, regionCode)));
    return calendar;
  };
}

async function computeClock(
  deps: Deps,
  regionCode: string,
  s: CaseState,
  limits: Limits,
  calendars: Calendars = (code) => getCalendar(deps, code),
): Promise<CaseClock | null> {
  if (!clockInput(s, limits)) return null;
  return clockWith(await calendars(regionCode), deps.clock.now(), s, limits);
}

function clockWith(calendar: CompiledCalendar, now: Date, s: CaseState, limits: Limits): CaseClock | null {
  const input = clockInput(s, limits);
  if (!input) return null;
  try {
    return computeCaseClock(input, calendar, undefined, now);
  } catch {
    // A case outside the calendar's range shows no clock rather than failing the list.
    return null;
  }
}

function summarizeClock(c: CaseClock): CaseClockSummary {
  const deemedAccepted = c.acceptance.outcome === 'deemed_accepted';
  switch (c.phase) {
    case 'acceptance':
    case 'awaiting_supplement':
      return {
        state: c.state,
        phase: c.phase,
        deadline: c.acceptance.deadline,
        leftWorkingDays: c.acceptance.leftWorkingDays,
        deemedAccepted,
      };
    case 'decision':
      // The promised (承诺) deadline is the one the center is held to; the state is the worse of both.
      return {
        state: c.state,
        phase: c.phase,
        deadline: c.decision!.promised.deadline,
        leftWorkingDays: c.decision!.promised.leftWorkingDays,
        deemedAccepted,
      };
    case 'delivery':
    case 'done':
      return {
        state: c.state,
        phase: c.phase,
        deadline: c.delivery!.deadline,
        leftWorkingDays: c.delivery!.leftWorkingDays,
        deemedAccepted,
      };
  }
}

// ── Access ──────────────────────────────────────────────────────────────────

const WINDOW_ACTIONS: readonly Action[] = ['case.intake', 'case.deliver'];

/** 受审分离: back-office roles asking for window work get a message that says why. */
function assertRole(actor: Actor, action: Action) {
  if (WINDOW_ACTIONS.includes(action) && (actor.role === 'approver' || actor.role === 'dept_head'))
    throw new CasesError('CASE_NOT_WINDOW');
  assertAccess(actor, action);
}

/**
 * Issue 12, point 11: reading a case and acting on it pass the same scope rule (caseScope in the
 * policy), with the same answer - another region's case is not found, another department's is 403
 * with one code and message whichever the request was.
 */
function assertCaseScope(actor: Actor, caseId: string, row: CaseScopeRow): void {
  const scope = caseScope(actor, row);
  if (scope === 'other_region') throw notFound('办件', caseId);
  if (scope === 'other_department') throw forbidden(OTHER_DEPARTMENT_MESSAGE);
}
const OTHER_DEPARTMENT_MESSAGE = '只能查看和办理本部门的办件或本人受理的办件';

function fail(code: CaseRuleCode | undefined, details?: unknown): void {
  if (code) throw new CasesError(code, undefined, details);
}

// ── Applicants (ID-1) ───────────────────────────────────────────────────────

const idHash = (deps: Deps, idNumber: string) =>
  hmacSm3Hex(deps.config.secrets.lookupKey, `id:${idNumber.toUpperCase()}`);
const maskPhone = (p: string) => (p.length >= 7 ? `${p.slice(0, 3)}****${p.slice(-4)}` : '****');
const normalPhone = (p: string) => p.replace(/-/g, '');

export function toApplicant(r: ApplicantRow): Applicant {
  return {
    id: r.id,
    regionCode: r.regionCode,
    kind: r.kind,
    name: r.name,
    idNumberMasked: r.idNumberMasked,
    phoneMasked: r.phoneMasked,
    legalRepresentative: r.legalRepresentative,
    contactName: r.contactName,
  };
}

function applicantValues(deps: Deps, regionCode: string, input: ApplicantInput) {
  const key = deps.config.secrets.sm4Key;
  const phone = normalPhone(input.phone);
  return {
    regionCode,
    kind: input.kind,
    name: input.name,
    idNumberEnc: sm4Encrypt(key, input.idNumber),
    idNumberHash: idHash(deps, input.idNumber),
    idNumberMasked: maskIdNumber(input.idNumber),
    phoneEnc: sm4Encrypt(key, phone),
    phoneMasked: maskPhone(phone),
    legalRepresentative: input.kind === 'enterprise' ? input.legalRepresentative : null,
    contactName: input.kind === 'enterprise' ? input.contactName : null,
  };
}

export async function createApplicant(
  deps: Deps,
  actor: Actor,
  input: ApplicantInput,
  opts: { id?: string } = {},
): Promise<Applicant> {
  assertRole(actor, 'case.intake');
  const regionCode = actor.regionCode.slice(0, 6);
  return deps.db.transaction().execute(async (tx) => {
    const existing = await repo.findApplicantByHash(tx, regionCode, idHash(deps, input.idNumber));
    if (existing) throw new CasesError('APPLICANT_EXISTS', undefined, { id: existing.id });
    const row = await repo.insertApplicant(tx, {
      ...(opts.id ? { id: opts.id } : {}),
      ...applicantValues(deps, regionCode, input),
    });
    await appendAudit(
      tx,
      actor,
      {
        action: 'applicant.create',
        entityType: 'applicant',
        entityId: row.id,
        regionCode,
        summary: { kind: row.kind, idNumber: row.idNumberMasked },
      },
      deps.clock.now(),
    );
    return toApplicant(row);
  });
}

/** Finds an applicant by the exact identity number, through the keyed hash (never decrypting). */
export async function findApplicantsByNumber(deps: Deps, actor: Actor, idNumber: string) {
  assertRole(actor, 'case.intake');
  const row = await repo.findApplicantByHash(deps.db, actor.regionCode.slice(0, 6), idHash(deps, idNumber));
  return { items: row ? [toApplicant(row)] : [] };
}

export async function getApplicant(deps: Deps, actor: Actor, id: string): Promise<Applicant> {
  assertAccess(actor, 'case.read');
  const row = await repo.findApplicant(deps.db, id);
  if (!row || !checkAccess(actor, 'case.read', { regionCode: row.regionCode })) throw notFound('申请人', id);
  return toApplicant(row);
}

/**
 * For an SMS or e-mail channel adapter (docs/outbox.md): where to reach an applicant a message is
 * addressed to (outbox recipient_applicant_id). Decrypts the phone; call it only to send, with the
 * `db` the adapter was given.
 */
export async function getApplicantContact(
  deps: Pick<Deps, 'config'>,
  db: Executor,
  applicantId: string,
): Promise<{ name: string; phone: string } | undefined> {
  const row = await repo.findApplicant(db, applicantId);
  return row ? { name: row.name, phone: sm4Decrypt(deps.config.secrets.sm4Key, row.phoneEnc) } : undefined;
}

/**
 * SEC-1: where to reach the person a case message is for (outbox recipient_case_id): the contact
 * given with that case (an online submission's own phone), else the applicant's. For an SMS adapter
 * only; decrypts the phone.
 */
export async function getCaseContact(
  deps: Pick<Deps, 'config'>,
  db: Executor,
  caseId: string,
): Promise<{ name: string; phone: string } | undefined> {
  const row = await repo.findCase(db, caseId);
  if (!row) return undefined;
  if (row.contactPhoneEnc) {
    return {
      name: row.contactName ?? '',
      phone: sm4Decrypt(deps.config.secrets.sm4Key, row.contactPhoneEnc),
    };
  }
  return getApplicantContact(deps, db, row.applicantId);
}

/**
 * The portal: an applicant is found by number or registered. SEC-1: a submission without sign-in
 * never changes an existing applicant (anyone can type anyone's identity number); the phone and
 * name it gives are the case's contact (caseContactValues), not the applicant's.
 */
async function findOrRegisterApplicant(deps: Deps, tx: Tx, regionCode: string, input: ApplicantInput) {
  const existing = await repo.findApplicantByHash(tx, regionCode, idHash(deps, input.idNumber));
  return existing ?? repo.insertApplicant(tx, applicantValues(deps, regionCode, input));
}

// ── A case's own contact (SEC-1) and its 查询码 (SEC-2) ─────────────────────

const phoneHash = (deps: Deps, phone: string) =>
  hmacSm3Hex(deps.config.secrets.lookupKey, `phone:${normalPhone(phone)}`);

/** SEC-1: the contact a case was filed with, kept on the case, the phone encrypted (SM4) and keyed-hashed. */
function caseContactValues(deps: Deps, contact: { name: string; phone: string }) {
  const phone = normalPhone(contact.phone);
  return {
    contactName: contact.name,
    contactPhoneEnc: sm4Encrypt(deps.config.secrets.sm4Key, phone),
    contactPhoneHash: phoneHash(deps, phone),
    contactPhoneMasked: maskPhone(phone),
  };
}

/** SEC-2: a random 查询码 (about 50 bits; crypto.randomInt draws each character uniformly). */
function newQueryCode(): string {
  let code = '';
  for (let i = 0; i < QUERY_CODE_LENGTH; i++)
    code += QUERY_CODE_ALPHABET[randomInt(QUERY_CODE_ALPHABET.length)];
  return code;
}
const normalQueryCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');
/** Bound to the case: the same code on another case hashes differently. */
const queryCodeHash = (deps: Deps, caseId: string, code: string) =>
  hmacSm3Hex(deps.config.secrets.lookupKey, `query:${caseId}:${normalQueryCode(code)}`);

function queryCodeValues(deps: Deps, caseId: string, code: string) {
  return {
    queryCodeHash: queryCodeHash(deps, caseId, code),
    queryCodeEnc: sm4Encrypt(deps.config.secrets.sm4Key, code),
  };
}

function queryCodeOf(deps: Deps, row: Pick<CaseRow, 'queryCodeEnc'>): string | null {
  return row.queryCodeEnc ? sm4Decrypt(deps.config.secrets.sm4Key, row.queryCodeEnc) : null;
}

// ── Notices (ACC-2) ─────────────────────────────────────────────────────────

const regionShortCache = new Map<string, string>();
async function regionShort(db: Executor, code: string): Promise<string> {
  const hit = regionShortCache.get(code);
  if (hit) return hit;
  const name = (await repo.findRegionName(db, code))?.name ?? code;
  const short = name.length > 2 ? name.replace(/(县|区|市|镇|乡)$/, '') : name;
  regionShortCache.set(code, short);
  return short;
}

/** Who a case is for, as notices and licenses name them. */
type Holder = Pick<ApplicantRow, 'id' | 'name' | 'idNumberMasked'>;

type CaseCtx = {
  tx: Tx;
  calendar: CompiledCalendar;
  row: LockedCaseRow;
  state: CaseState;
  item: CatalogVersion;
  steps: string[];
  now: Date;
  today: string;
  holder: Holder;
  /** The case's materials, when the transition asked for them in its opening round trip. */
  materials: MaterialRow[] | undefined;
  /** The transition's writes, sent as one statement at its end (executeWrites). */
  writes: Compilable[];
};

/**
 * Numbers from gap-free sequences (notice numbers, license serials), all in one round trip. Their
 * rows stay locked until commit, so numbers are taken after every other read of the transition,
 * and a rollback gives them back.
 */
async function allocate(ctx: Pick<CaseCtx, 'tx' | 'row'>, names: readonly string[]): Promise<number[]> {
  const rows = await executeBatch(
    ctx.tx,
    names.map((name) => repo.nextSequenceQuery(ctx.tx, ctx.row.regionCode, name)),
  );
  return rows.map((r) => r[0]!.last);
}

function noticeSequence(ctx: Pick<CaseCtx, 'today'>, kind: NoticeKind): string {
  return `notice:${kind}:${ctx.today.slice(0, 4)}`;
}

/**
 * ACC-2: a numbered notice. Its number is the given serial of the notice sequence, or the next one
 * taken here (see allocate).
 */
async function issueNotice(
  ctx: CaseCtx,
  kind: NoticeKind,
  body: { paragraphs: string[]; list?: { name: string; note: string }[]; extra?: Record<string, unknown> },
  allocated?: number,
): Promise<{ id: string; noticeNo: string }> {
  const year = Number(ctx.today.slice(0, 4));
  const short = await regionShort(ctx.tx, ctx.row.regionCode);
  const serial = allocated ?? (await allocate(ctx, [noticeSequence(ctx, kind)]))[0]!;
  const noticeNo = formatNoticeNo(short, kind, year, serial);
  const content: NoticeContent = {
    title: noticeTitle(kind),
    noticeNo,
    caseNo: ctx.row.caseNo,
    itemName: ctx.item.name,
    addressee: ctx.holder.name,
    paragraphs: body.paragraphs,
    list: body.list ?? [],
    issuer: ctx.item.departmentName,
    dateText: chineseDate(ctx.today),
    issuedOn: ctx.today,
    ...body.extra,
  };
  const id = randomUUID();
  ctx.writes.push(
    repo.insertNotice(ctx.tx, {
      id,
      regionCode: ctx.row.regionCode,
      caseId: ctx.row.id,
      kind,
      year,
      serial,
      noticeNo,
      issuedAt: ctx.now,
      content: JSON.stringify(content),
    }),
  );
  return { id, noticeNo };
}

/**
 * A notice as read. SEC-2: the case's 查询码 is added to what is shown and printed (the receipt
 * tells the applicant how to track the case), not stored in the notice's content.
 */
function toNotice(r: NoticeRow, queryCode: string | null = null): CaseNotice {
  return {
    id: r.id,
    caseId: r.caseId,
    kind: r.kind,
    title: NOTICE_KIND_LABELS[r.kind],
    noticeNo: r.noticeNo,
    issuedAt: new Date(r.issuedAt).toISOString(),
    content: queryCode
      ? { ...(r.content as Record<string, unknown>), queryCode }
      : (r.content as Record<string, unknown>),
  };
}

// ── Licenses ────────────────────────────────────────────────────────────────

const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A department without a recorded credit code gets a stable, well-formed one derived from its id. */
export function derivedCreditCode(departmentId: string, regionCode: string): string {
  const h = sm3Hex(departmentId);
  let body = `11${regionCode.slice(0, 6)}`;
  for (let i = 0; i < 9; i++) body += CREDIT_ALPHABET[parseInt(h.slice(i * 2, i * 2 + 2), 16) % 31];
  return body + creditCodeCheckChar(body)!;
}

function addYears(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The e-license an item issues: its type (from the locked case's row) and its serial sequence. */
function licenseSpec(ctx: CaseCtx) {
  const { row } = ctx;
  const typeCode = row.licenseTypeCode ?? `9${sm3Hex(row.itemId).slice(0, 17).toUpperCase()}`;
  const issuerCreditCode = row.departmentCreditCode ?? derivedCreditCode(row.departmentId, row.regionCode);
  return { typeCode, issuerCreditCode, sequence: `license:${typeCode}:${issuerCreditCode}` };
}

/**
 * 准予 issues the e-license, in the decision's transaction: licenses exist only as a case's result.
 * n is the next number of the spec's sequence (see allocate).
 */
function issueLicense(ctx: CaseCtx, spec: ReturnType<typeof licenseSpec>, n: number): string {
  const { tx, row, item, holder } = ctx;
  const { typeCode, issuerCreditCode } = spec;
  const serial = String(n).padStart(8, '0');
  const id = buildLicenseId({ typeCode, issuerCreditCode, serial, version: '1' });
  ctx.writes.push(
    repo.insertLicense(tx, {
      id,
      regionCode: row.regionCode,
      typeCode,
      typeName: row.licenseTypeName ?? `${item.name}证明`,
      holderApplicantId: holder.id,
      holderName: holder.name,
      holderIdMasked: holder.idNumberMasked,
      issuerDepartmentId: row.departmentId,
      issuerName: item.departmentName,
      issuerCreditCode,
      serial,
      validFrom: ctx.today,
      validUntil: row.licenseValidYears ? addYears(ctx.today, row.licenseValidYears) : null,
      caseId: row.id,
      issuedAt: ctx.now,
      // SEC-2: the public verifies through this token, never through the id built from a serial.
      verifyToken: randomToken(24),
    }),
  );
  return id;
}

/** `today` (Asia/Shanghai, from the clock) decides whether a valid license has run out. */
function toLicense(r: LicenseRow, caseNo: string, today: string): License {
  return {
    id: r.id,
    typeCode: r.typeCode,
    typeName: r.typeName,
    holderName: r.holderName,
    holderIdMasked: r.holderIdMasked,
    issuerName: r.issuerName,
    issuerCreditCode: r.issuerCreditCode,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    status: r.status === 'valid' && r.validUntil && r.validUntil < today ? 'expired' : r.status,
    caseNo,
    issuedAt: new Date(r.issuedAt).toISOString(),
    verifyToken: r.verifyToken,
  };
}

/** The public address of a license's verification page, from PUBLIC_BASE_URL (never the Host header). */
export function licenseVerifyUrl(deps: Pick<Deps, 'config'>, verifyToken: string): string {
  return `${deps.config.publicBaseUrl}/verify/${encodeURIComponent(verifyToken)}`;
}

/**
 * The public verification of an e-license by its token: no sign-in; the holder is shown masked.
 * SEC-2: every token, well-formed or not, costs one look-up and an unknown one answers only
 * "not found", so nothing is learnt by guessing.
 */
export async function verifyLicense(deps: Deps, token: string): Promise<LicenseVerification> {
  const row = await repo.findLicenseByToken(deps.db, token);
  if (!row) return { id: null, checkCharacterValid: false, found: false, license: null, verifyUrl: null };
  const {
    caseNo: _omit,
    verifyToken: _token,
    ...license
  } = toLicense(row, '', shanghaiToday(deps.clock.now()));
  void _omit;
  void _token;
  return {
    id: row.id,
    checkCharacterValid: isValidLicenseId(row.id),
    found: true,
    license,
    verifyUrl: licenseVerifyUrl(deps, row.verifyToken),
  };
}

// ── Transitions ─────────────────────────────────────────────────────────────

type Outcome = { events: NewCaseEvent[]; audit: string; summary?: Record<string, unknown> };

const SMS = (caseNo: string, itemName: string, text: string) =>
  `【通办】您的办件 ${caseNo}（${itemName}）${text}`;

/** Notifications come only from recorded state changes, in the same transaction (after-commit delivery). */
async function notify(
  ctx: Pick<CaseCtx, 'tx' | 'row' | 'item' | 'writes'>,
  appended: { event: CaseEvent; seq: number }[],
  next: CaseState,
) {
  const { tx, row, item } = ctx;
  const send = (
    seq: number,
    kind: string,
    subject: string,
    body: string,
    recipientUserId: string | null = null,
  ) =>
    ctx.writes.push(
      enqueueWrite(tx, {
        regionCode: row.regionCode,
        kind,
        recipientUserId,
        // Staff get a site message; the applicant an SMS, resolved to a phone only when sent.
        recipientApplicantId: recipientUserId ? null : row.applicantId,
        // SEC-1: the phone given with this case (online), not the shared applicant record's.
        recipientCaseId: recipientUserId ? null : row.id,
        channel: recipientUserId ? 'site' : 'sms',
        subject,
        body,
        dedupeKey: `case:${row.id}:${seq}:${recipientUserId ?? 'applicant'}`,
        link: recipientUserId ? `/cases/${row.id}` : null,
      }),
    );
  for (const { event: e, seq } of appended) {
    const sms = (text: string) => SMS(row.caseNo, item.name, text);
    switch (e.type) {
      case 'accepted':
        send(
          seq,
          'case.accepted',
          '办件已受理',
          sms(
            e.deferred.length
              ? `已容缺受理，请在期限内补交：${e.deferred.map((d) => `${d.name}（${d.dueDate} 前）`).join('、')}。`
              : '已受理。',
          ),
        );
        break;
      case 'supplement_requested':
        send(
          seq,
          'case.supplement_requested',
          '请补正材料',
          sms(`需一次性补正以下材料：${e.items.map((i) => i.name).join('、')}。`),
        );
        break;
      case 'refused':
        send(seq, 'case.refused', '不予受理', sms(`不予受理：${e.reason}。可向${e.redirectTo}申请。`));
        break;
      case 'suspended':
        send(
          seq,
          'case.suspended',
          '办件进入特别程序',
          sms(
            `进入特别程序（${SUSPENSION_KIND_LABELS[e.kind as SuspensionKind] ?? e.kind}），预计 ${e.expectedDays} 个工作日。`,
          ),
        );
        break;
      case 'extension_decided':
        if (e.approved && next.extension)
          send(
            seq,
            'case.extended',
            '办理期限延长',
            sms(`办理期限延长 ${next.extension.days} 个工作日：${next.extension.reason}。`),
          );
        break;
      case 'decided':
        send(
          seq,
          'case.decided',
          '办件已办结',
          sms(e.outcome === 'grant' ? '已准予。' : '不予许可，详见决定书。'),
        );
        break;
      case 'delivery_prepared':
        // "Ready for pickup" only once the license exists and delivery is prepared.
        if (mayNotifyReadyForPickup(next)) {
          const kind =
            e.method === 'window'
              ? 'case.ready_for_pickup'
              : e.method === 'post'
                ? 'case.posted'
                : 'case.result_online';
          const text =
            e.method === 'window'
              ? '结果已可领取，请携带身份证件到窗口领取。'
              : e.method === 'post'
                ? `结果已邮寄，快递单号 ${e.trackingNo ?? ''}。`
                : '电子结果已送达，可在网上查看下载。';
          send(seq, kind, '办件结果可领取', sms(text));
        }
        break;
      case 'urged': {
        // Issue 14 point 10: the handler, or — while nobody has taken the case — the department's
        // back office, whose queue it sits in.
        const to = next.assigneeId
          ? [next.assigneeId]
          : await listUserIdsByRole(tx, {
              regionCode: row.regionCode,
              role: 'approver',
              departmentId: row.departmentId,
            });
        for (const u of to) send(seq, 'case.urged', '催办', `办件 ${row.caseNo} 被催办：${e.note}`, u);
        break;
      }
      case 'extension_requested':
        for (const h of await listUserIdsByRole(tx, {
          regionCode: row.regionCode,
          role: 'dept_head',
          departmentId: row.departmentId,
        }))
          send(
            seq,
            'case.extension_requested',
            '延期待审批',
            `办件 ${row.caseNo} 申请延期 ${e.days} 个工作日：${e.reason}`,
            h,
          );
        break;
      default:
        break;
    }
  }
}

/** The events applied to the state, and their insert queued with the transaction's writes. */
function appendEvents(
  ctx: Pick<CaseCtx, 'tx' | 'writes'>,
  actor: Actor,
  row: Pick<CaseRow, 'id' | 'regionCode'>,
  state: CaseState,
  events: NewCaseEvent[],
  now: Date,
) {
  let next = state;
  const appended: { event: CaseEvent; seq: number }[] = [];
  for (const ne of events) {
    const event = { ...ne, at: now, actorId: actor.userId } as CaseEvent;
    next = applyCaseEvent(next, event);
    appended.push({ event, seq: next.version });
  }
  ctx.writes.push(
    repo.insertEvents(
      ctx.tx,
      appended.map(({ event, seq }) => {
        const { type, at, actorId, ...payload } = event;
        return {
          regionCode: row.regionCode,
          caseId: row.id,
          seq,
          type,
          payload: JSON.stringify(payload),
          actorId,
          actorName: actor.displayName,
          at,
        };
      }),
    ),
  );
  return { next, appended };
}

/** Each case's region, as this process has seen it: a case never changes region. */
const caseRegions = new Map<string, string>();
/** What a process that has just started knows: no case's region (tests use it to be one). */
export function forgetCaseRegions() {
  caseRegions.clear();
}
function rememberRegion(caseId: string, regionCode: string) {
  if (caseRegions.size >= 100_000) caseRegions.clear();
  caseRegions.set(caseId, regionCode);
}

/**
 * One transition, in one transaction: lock the case, check scope and the version the caller saw
 * (stale → 409, nothing changed), lock the case's audit chain, ask the rules, then send the events,
 * the projection, the notices, the notifications and the audit entry as one statement.
 *
 * Round trips are what a transition costs (bench:cases); the order keeps the locks short: gap-free
 * counters (notice and license numbers) are taken last, so their rows stay locked only for the
 * final write and the commit.
 */
async function transition(
  deps: Deps,
  actor: Actor,
  caseId: string,
  version: number,
  action: Action,
  fn: (ctx: CaseCtx) => Promise<Outcome>,
  reads: { materials?: boolean } & BranchOptions = {},
): Promise<CaseSummary> {
  assertRole(actor, action);
  // Issue 20: a bundle runs a branch's transition inside its own transaction (reads.tx).
  const run = <R>(body: (tx: Tx) => Promise<R>) =>
    reads.tx ? body(reads.tx) : deps.db.transaction().execute(body);
  const summary = await run(async (tx) => {
    // One round trip: the case, its region's calendar revisions and its audit chain, locked in
    // this order, and the case's materials when the transition needs them. The region is known
    // before the case is read when this process has seen the case (a case never changes region),
    // else guessed as the actor's; a wrong guess costs a round trip.
    const region = caseRegions.get(caseId) ?? actor.regionCode;
    const calendarNow = calendarRead(deps, region, tx);
    const chain = auditChainRead(tx, region, 'case', caseId);
    const [[row], chainRows, headRows, materials] = await executeBatch(tx, [
      repo.lockCaseQuery(tx, caseId),
      calendarNow.query,
      chain.query,
      reads.materials ? repo.listMaterialsQuery(tx, caseId) : null,
    ] as const);
    if (!row) throw notFound('办件', caseId);
    assertCaseScope(actor, caseId, row);
    rememberRegion(row.id, row.regionCode);
    if (!reads.anyVersion && row.version !== version)
      throw new CasesError('CASE_STALE', undefined, { expected: version, current: row.version });
    const pinned = await pinnedVersion(deps, row.itemVersionId, tx);
    const item = { ...pinned, departmentName: row.departmentName };
    const guessed = row.regionCode === region;
    const calendar = guessed
      ? await calendarNow.finish(chainRows)
      : await getCalendar(deps, row.regionCode, tx);
    const link = guessed
      ? await chain.finish(headRows)
      : await lockAuditChain(tx, row.regionCode, 'case', row.id);
    const state = reviveState(row.state);
    const now = deps.clock.now();
    const ctx: CaseCtx = {
      tx,
      calendar,
      row,
      state,
      item,
      steps: backOfficeSteps(item.steps),
      now,
      today: shanghaiToday(now),
      holder: { id: row.applicantId, name: row.applicantName, idNumberMasked: row.applicantIdMasked },
      materials,
      writes: [],
    };
    const out = await fn(ctx);
    const { next, appended } = appendEvents(ctx, actor, row, state, out.events, now);
    // Issue 20: listeners (bundles) learn of the transition in its transaction, and may refuse it.
    for (const listener of transitionListeners)
      await listener({
        tx,
        actor,
        now,
        caseId: row.id,
        regionCode: row.regionCode,
        events: appended.map((a) => a.event),
        state: next,
      });
    ctx.writes.push(repo.updateCase(tx, row.id, projection(next, now)));
    await notify(ctx, appended, next);
    ctx.writes.push(
      ...caseAudit(ctx, link, actor, out.audit, {
        caseNo: row.caseNo,
        events: appended.map((a) => a.event.type),
        version: next.version,
        ...out.summary,
      }),
    );
    await executeWrites(tx, ctx.writes, { thenCommit: !reads.tx });
    // The reply is built from what the transaction already holds (no second read).
    const fields = { ...row, ...projection(next, now), state: next } as unknown as JoinedRow;
    return summaryOf(fields, next, clockWith(calendar, now, next, item));
  });
  return strip(summary);
}

function caseAudit(
  ctx: { tx: Tx; row: { id: string }; now: Date },
  link: AuditLink,
  actor: Actor,
  action: string,
  summary: Record<string, unknown>,
) {
  return auditWrites(
    ctx.tx,
    link,
    actor,
    { action, entityType: 'case', entityId: ctx.row.id, summary },
    ctx.now,
  );
}

/** ACC-1: more than 5 working days since receipt without an answer → the case counts as accepted. */
function isAcceptanceDeemed(ctx: CaseCtx): boolean {
  const clock = clockWith(ctx.calendar, ctx.now, ctx.state, ctx.item);
  return clock?.acceptance.outcome === 'deemed_accepted';
}

function assertAssignee(ctx: CaseCtx, actor: Actor) {
  if (ctx.state.assigneeId && ctx.state.assigneeId !== actor.userId && actor.role !== 'dept_head')
    throw new CasesError('CASE_NOT_ASSIGNEE');
}

/** A transition that reads the case's materials in its opening round trip. */
function transitionWithMaterials(
  deps: Deps,
  actor: Actor,
  caseId: string,
  version: number,
  action: Action,
  fn: (ctx: CaseCtx) => Promise<Outcome>,
  opts: BranchOptions = {},
): Promise<CaseSummary> {
  return transition(deps, actor, caseId, version, action, fn, { materials: true, ...opts });
}

/** The case's materials: from the opening round trip when the transition asked for them. */
async function materialsOf(ctx: CaseCtx): Promise<MaterialRow[]> {
  return (ctx.materials ??= await repo.listMaterials(ctx.tx, ctx.row.id));
}

async function missingMaterials(ctx: CaseCtx) {
  return (await materialsOf(ctx)).filter((m) => m.status === 'missing');
}

export async function accept(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: AcceptInput,
  opts: BranchOptions = {},
) {
  return transitionWithMaterials(
    deps,
    actor,
    caseId,
    input.version,
    'case.intake',
    async (ctx) => {
      fail(checkIntakeDecision(ctx.state));
      const missing = await missingMaterials(ctx);
      const deferredNames = new Set(input.deferred.map((d) => d.name));
      for (const d of input.deferred) {
        const m = missing.find((x) => x.name === d.name);
        if (!m) throw new CasesError('CASE_UNKNOWN_MATERIAL', `“${d.name}”不是缺少的材料`);
        if (!m.deferrable) throw new CasesError('CASE_NOT_DEFERRABLE', `“${d.name}”不可容缺`);
        if (d.dueDate < ctx.today)
          throw new CasesError('CASE_NOT_DEFERRABLE', '容缺材料的补交期限不能早于今天');
      }
      const stillMissing = missing.filter((m) => !deferredNames.has(m.name)).map((m) => m.name);
      if (stillMissing.length)
        throw new CasesError('CASE_MATERIALS_MISSING', undefined, { missing: stillMissing });
      for (const d of input.deferred)
        ctx.writes.push(
          ...repo.updateMaterial(ctx.tx, ctx.row.id, [d.name], { status: 'deferred', dueDate: d.dueDate }),
        );
      const deemed = isAcceptanceDeemed(ctx);
      const notice = await issueNotice(ctx, 'accept', {
        paragraphs: [
          `你（单位）于${chineseDate(shanghaiToday(ctx.state.receivedAt!))}提出的${ctx.item.name}申请，申请材料齐全、符合法定形式，决定予以受理。`,
          ...(input.deferred.length ? ['以下材料予以容缺受理，请在规定期限内补交；补齐前不作出决定：'] : []),
          `本机关将在受理之日起 ${ctx.item.promisedLimitDays ?? ctx.item.legalLimitDays ?? 20} 个工作日内作出决定（法定期限 ${ctx.item.legalLimitDays ?? 20} 个工作日）。`,
          ...(deemed ? ['（收到材料后 5 个工作日内未告知补正，依法自收到材料之日起视为受理。）'] : []),
        ],
        list: input.deferred.map((d) => ({ name: d.name, note: `${d.dueDate} 前补交` })),
        extra: { deferred: input.deferred, deemed },
      });
      return {
        events: [{ type: 'accepted', noticeNo: notice.noticeNo, deferred: input.deferred, deemed }],
        audit: input.deferred.length ? 'case.accept_with_deferred' : 'case.accept',
        summary: { noticeNo: notice.noticeNo },
      };
    },
    opts,
  );
}

/** ACC-1 一次性告知: every missing material, and the faulty ones named by the clerk, in one notice. */
export async function requestSupplement(deps: Deps, actor: Actor, caseId: string, input: SupplementInput) {
  return transitionWithMaterials(deps, actor, caseId, input.version, 'case.intake', async (ctx) => {
    fail(checkIntakeDecision(ctx.state));
    if (isAcceptanceDeemed(ctx)) throw new CasesError('CASE_ACCEPTANCE_DEEMED');
    const all = await materialsOf(ctx);
    for (const f of input.faulty)
      if (!all.some((m) => m.name === f.name))
        throw new CasesError('CASE_UNKNOWN_MATERIAL', `“${f.name}”不在材料清单中`);
    const items = [
      ...all.filter((m) => m.status === 'missing').map((m) => ({ name: m.name, reason: '未提交' })),
      ...input.faulty.filter((f) => !all.some((m) => m.name === f.name && m.status === 'missing')),
    ];
    if (items.length === 0) throw new CasesError('CASE_NOTHING_TO_SUPPLEMENT');
    ctx.writes.push(
      ...repo.updateMaterial(
        ctx.tx,
        ctx.row.id,
        input.faulty.map((f) => f.name),
        { status: 'missing', receivedAt: null },
      ),
    );
    const notice = await issueNotice(ctx, 'supplement', {
      paragraphs: [
        `你（单位）提出的${ctx.item.name}申请，申请材料不齐全或不符合法定形式。现一次性告知需要补正的全部内容如下：`,
        ...(input.note ? [input.note] : []),
        '请补正后重新提交；补正材料齐全后，本机关依法受理。',
      ],
      list: items.map((i) => ({ name: i.name, note: i.reason })),
      extra: { items },
    });
    return {
      events: [{ type: 'supplement_requested', noticeNo: notice.noticeNo, items }],
      audit: 'case.request_supplement',
      summary: { noticeNo: notice.noticeNo, items: items.length },
    };
  });
}

export async function supplementReceived(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: SupplementReceivedInput,
  /** Files handed in online (use-cases/supplement-online): stored in the transaction, by material. */
  attach?: (tx: Tx) => Promise<Map<string, string>>,
  opts: BranchOptions = {},
) {
  return transitionWithMaterials(
    deps,
    actor,
    caseId,
    input.version,
    'case.intake',
    async (ctx) => {
      if (ctx.state.status !== 'supplement_requested') fail('CASE_WRONG_STATUS');
      const all = await materialsOf(ctx);
      for (const n of input.materials)
        if (!all.some((m) => m.name === n))
          throw new CasesError('CASE_UNKNOWN_MATERIAL', `“${n}”不在材料清单中`);
      // One update per row (the writes run as one statement): a file handed in online comes with it.
      const shas = (await attach?.(ctx.tx)) ?? new Map<string, string>();
      ctx.writes.push(
        ...repo.updateMaterial(
          ctx.tx,
          ctx.row.id,
          input.materials.filter((n) => !shas.has(n)),
          { status: 'provided', receivedAt: ctx.now },
        ),
      );
      for (const [name, sha] of shas)
        ctx.writes.push(
          ...repo.updateMaterial(ctx.tx, ctx.row.id, [name], {
            status: 'provided',
            receivedAt: ctx.now,
            fileSha256: sha,
          }),
        );
      return {
        events: [
          { type: 'supplement_received', names: input.materials },
          ...(input.atWindow ? [{ type: 'visit' as const, purpose: '窗口补正材料' }] : []),
        ],
        audit: 'case.supplement_received',
      };
    },
    opts,
  );
}

/** 不予受理: reason and the body to apply to; the case lands in the 办不成事 list. */
export async function refuse(deps: Deps, actor: Actor, caseId: string, input: RefuseInput) {
  return transition(deps, actor, caseId, input.version, 'case.intake', async (ctx) => {
    fail(checkIntakeDecision(ctx.state));
    const notice = await issueNotice(ctx, 'refuse', {
      paragraphs: [
        `你（单位）提出的${ctx.item.name}申请，经审查，决定不予受理。理由：${input.reason}`,
        `建议向${input.redirectTo}提出申请。`,
        remediesText(ctx.item.departmentName),
      ],
      extra: { reason: input.reason, redirectTo: input.redirectTo },
    });
    return {
      events: [
        { type: 'refused', noticeNo: notice.noticeNo, reason: input.reason, redirectTo: input.redirectTo },
      ],
      audit: 'case.refuse',
      summary: { noticeNo: notice.noticeNo },
    };
  });
}

async function decisionNotice(ctx: CaseCtx, input: DecideInput, licenseId: string | null, serial: number) {
  return issueNotice(
    ctx,
    'decide',
    {
      paragraphs:
        input.outcome === 'grant'
          ? [
              `你（单位）提出的${ctx.item.name}申请，经审查，符合法定条件、标准，决定准予许可。`,
              ...(input.opinion ? [`审批意见：${input.opinion}`] : []),
              ...(licenseId ? [`电子证照标识：${licenseId}`] : []),
            ]
          : [
              `你（单位）提出的${ctx.item.name}申请，经审查，决定不予许可。`,
              `理由：${input.reason}`,
              `依据：${input.legalBasis}`,
              remediesText(ctx.item.departmentName),
            ],
      extra: {
        outcome: input.outcome,
        reason: input.reason,
        legalBasis: input.legalBasis,
        licenseId,
        ...(input.outcome === 'deny'
          ? {
              remedies: [
                { kind: '行政复议', limit: '60 日' },
                { kind: '行政诉讼', limit: '6 个月' },
              ],
            }
          : {}),
      },
    },
    serial,
  );
}

async function decisionEvents(ctx: CaseCtx, input: DecideInput, instant: boolean): Promise<Outcome> {
  // The license serial and the notice number in one round trip, in this order.
  const license = input.outcome === 'grant' ? licenseSpec(ctx) : null;
  const numbers = await allocate(ctx, [
    ...(license ? [license.sequence] : []),
    noticeSequence(ctx, 'decide'),
  ]);
  const licenseId = license ? issueLicense(ctx, license, numbers[0]!) : null;
  const notice = await decisionNotice(ctx, input, licenseId, numbers.at(-1)!);
  return {
    events: [
      {
        type: 'decided',
        outcome: input.outcome,
        reason: input.reason,
        legalBasis: input.legalBasis,
        opinion: input.opinion,
        noticeNo: notice.noticeNo,
        ...(instant ? { instant: true } : {}),
      },
      ...(licenseId ? [{ type: 'license_issued' as const, licenseId }] : []),
    ],
    audit: instant ? 'case.instant_decision' : 'case.decide',
    summary: { outcome: input.outcome, noticeNo: notice.noticeNo, licenseId },
  };
}

/** 即办件: accepted and decided on the spot by a clerk of the item's department. */
export async function instantDecision(deps: Deps, actor: Actor, caseId: string, input: DecideInput) {
  return transitionWithMaterials(deps, actor, caseId, input.version, 'case.intake', async (ctx) => {
    if (ctx.item.handling !== 'instant') throw new CasesError('CASE_NOT_INSTANT');
    if (actor.role !== 'system' && actor.departmentId !== ctx.row.departmentId)
      throw new CasesError('CASE_INSTANT_NOT_AUTHORISED');
    fail(checkIntakeDecision(ctx.state));
    const missing = await missingMaterials(ctx);
    if (missing.length)
      throw new CasesError('CASE_MATERIALS_MISSING', undefined, { missing: missing.map((m) => m.name) });
    const acceptNotice = await issueNotice(ctx, 'accept', {
      paragraphs: [`你（单位）提出的${ctx.item.name}申请，申请材料齐全、符合法定形式，予以受理并当场办结。`],
    });
    const decision = await decisionEvents(ctx, input, true);
    return {
      ...decision,
      events: [
        { type: 'accepted', noticeNo: acceptNotice.noticeNo, deferred: [], deemed: false },
        ...decision.events,
      ],
    };
  });
}

export async function deferredReceived(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: { version: number; names: string[] },
) {
  return transition(deps, actor, caseId, input.version, 'case.intake', async (ctx) => {
    if (ctx.state.status !== 'accepted') fail('CASE_WRONG_STATUS');
    const unknown = input.names.filter((n) => !ctx.state.deferredOutstanding.includes(n));
    if (unknown.length)
      throw new CasesError('CASE_UNKNOWN_MATERIAL', `不是待补交的容缺材料：${unknown.join('、')}`);
    ctx.writes.push(
      ...repo.updateMaterial(ctx.tx, ctx.row.id, input.names, { status: 'provided', receivedAt: ctx.now }),
    );
    return { events: [{ type: 'deferred_received', names: input.names }], audit: 'case.deferred_received' };
  });
}

export async function completeStep(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: { version: number; opinion: string },
) {
  return transition(deps, actor, caseId, input.version, 'case.review', async (ctx) => {
    fail(checkCompleteStep(ctx.state, ctx.steps.length, actor.userId ?? ''));
    assertAssignee(ctx, actor);
    return {
      events: [{ type: 'step_completed', stepIndex: ctx.state.stepIndex, opinion: input.opinion }],
      audit: 'case.complete_step',
      summary: { step: ctx.steps[ctx.state.stepIndex] },
    };
  });
}

export async function returnStep(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: { version: number; reason: string },
) {
  return transition(deps, actor, caseId, input.version, 'case.review', async (ctx) => {
    fail(checkReturn(ctx.state));
    assertAssignee(ctx, actor);
    return {
      events: [{ type: 'returned', fromStep: ctx.state.stepIndex, reason: input.reason }],
      audit: 'case.return',
    };
  });
}

export async function transfer(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: { version: number; toUserId: string; reason: string },
) {
  return transition(deps, actor, caseId, input.version, 'case.review', async (ctx) => {
    if (ctx.state.status !== 'accepted') fail('CASE_WRONG_STATUS');
    assertAssignee(ctx, actor);
    const to = await repo.findUser(ctx.tx, input.toUserId);
    if (
      !to ||
      to.disabled ||
      to.departmentId !== ctx.row.departmentId ||
      !['approver', 'dept_head'].includes(to.role) ||
      to.id === actor.userId
    )
      throw new CasesError('CASE_BAD_TRANSFER');
    // SOD-1: whoever signed another step of this case could not sign this one.
    if (checkSeparationOfDuties(ctx.state, ctx.state.stepIndex, to.id))
      throw new CasesError(
        'CASE_SOD_SAME_SIGNER',
        `${to.displayName}已签署本办件的其他环节，不能接办（SOD-1）`,
      );
    return {
      events: [{ type: 'transferred', toUserId: to.id, reason: input.reason, toName: to.displayName }],
      audit: 'case.transfer',
      summary: { to: to.displayName },
    };
  });
}

/**
 * 转办: the approvers and the head of the case's department, except the asking user; each with the
 * step already signed on this case, if any (SOD-1: they cannot sign another).
 */
export async function listTransferCandidates(
  deps: Deps,
  actor: Actor,
  caseId: string,
): Promise<{ items: TransferCandidate[] }> {
  assertRole(actor, 'case.review');
  const row = await repo.findCase(deps.db, caseId);
  if (!row) throw notFound('办件', caseId);
  assertCaseScope(actor, caseId, row);
  const state = reviveState(row.state);
  const steps = backOfficeSteps((await pinnedVersion(deps, row.itemVersionId)).steps);
  // The steps that would keep each person from signing the current one (SOD-1).
  const signed = new Map(
    Object.entries(state.signers)
      .filter(([i]) => Number(i) !== state.stepIndex)
      .map(([i, who]) => [who, Number(i) === -1 ? '受理' : (steps[Number(i)] ?? '')]),
  );
  const people = await repo.listDepartmentReviewers(deps.db, row.departmentId);
  return {
    items: people
      .filter((p) => p.id !== actor.userId)
      .map((p) => ({
        id: p.id,
        displayName: p.displayName,
        role: p.role as TransferCandidate['role'],
        signedStep: signed.get(p.id) ?? null,
      })),
  };
}

export async function urge(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: { version: number; note: string },
) {
  return transition(deps, actor, caseId, input.version, 'case.urge', async (ctx) => {
    if (!isOpenCase(ctx.state)) fail('CASE_WRONG_STATUS');
    return { events: [{ type: 'urged', note: input.note }], audit: 'case.urge' };
  });
}

// SUS-1: these stop the clock unless the item's catalog entry says the procedure counts in the limit.
const COUNTS_IN_LIMIT_BY_DEFAULT: readonly string[] = ['site_survey', 'other'];

export async function suspend(deps: Deps, actor: Actor, caseId: string, input: SuspendInput) {
  return transition(deps, actor, caseId, input.version, 'case.review', async (ctx) => {
    fail(checkSuspend(ctx.state));
    assertAssignee(ctx, actor);
    const fromCatalog = ctx.item.specialProcedures.find((p) => p.kind === input.kind);
    const countsInLimit = fromCatalog?.countsInLimit ?? COUNTS_IN_LIMIT_BY_DEFAULT.includes(input.kind);
    const label = SUSPENSION_KIND_LABELS[input.kind];
    const notice = await issueNotice(ctx, 'suspend', {
      paragraphs: [
        `你（单位）提出的${ctx.item.name}申请，因需要进行${label}，自${chineseDate(ctx.today)}起进入特别程序，预计需要 ${input.expectedDays} 个工作日。理由：${input.reason}`,
        countsInLimit
          ? '特别程序所需时间计入办理期限。'
          : '依照《中华人民共和国行政许可法》第四十五条，特别程序所需时间不计算在办理期限内。',
      ],
      extra: { kind: input.kind, expectedDays: input.expectedDays, countsInLimit, reason: input.reason },
    });
    return {
      events: [
        {
          type: 'suspended',
          kind: input.kind,
          expectedDays: input.expectedDays,
          countsInLimit,
          noticeNo: notice.noticeNo,
        },
      ],
      audit: 'case.suspend',
      summary: { noticeNo: notice.noticeNo, kind: input.kind },
    };
  });
}

export async function resume(deps: Deps, actor: Actor, caseId: string, input: { version: number }) {
  return transition(deps, actor, caseId, input.version, 'case.review', async (ctx) => {
    fail(checkResume(ctx.state));
    return { events: [{ type: 'resumed' }], audit: 'case.resume' };
  });
}

/** DEC-1: once, at most 10 working days; the head decides. */
export async function requestExtension(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: { version: number; days: number; reason: string },
) {
  return transition(deps, actor, caseId, input.version, 'case.review', async (ctx) => {
    fail(checkRequestExtension(ctx.state));
    const cap = checkExtension(undefined, input.days, false);
    if (cap) throw new CasesError('CASE_EXTENSION_EXCEEDS_CAP', undefined, { days: input.days, code: cap });
    return {
      events: [{ type: 'extension_requested', days: input.days, reason: input.reason }],
      audit: 'case.request_extension',
    };
  });
}

export async function decideExtension(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: { version: number; approved: boolean; note: string },
) {
  return transition(deps, actor, caseId, input.version, 'case.extension.decide', async (ctx) => {
    const ext = ctx.state.extension;
    if (ext?.status !== 'requested') throw new CasesError('CASE_NO_EXTENSION_PENDING');
    let noticeNo: string | null = null;
    if (input.approved) {
      const clock = clockWith(
        ctx.calendar,
        ctx.now,
        { ...ctx.state, extension: { ...ext, status: 'approved' } },
        ctx.item,
      );
      const notice = await issueNotice(ctx, 'extend', {
        paragraphs: [
          `你（单位）提出的${ctx.item.name}申请，因${ext.reason}，不能在规定期限内作出决定。经本机关负责人批准，办理期限延长 ${ext.days} 个工作日${clock?.decision ? `，至${chineseDate(clock.decision.legal.deadline)}` : ''}。`,
        ],
        extra: { days: ext.days, reason: ext.reason, deadline: clock?.decision?.legal.deadline ?? null },
      });
      noticeNo = notice.noticeNo;
    }
    return {
      events: [{ type: 'extension_decided', approved: input.approved, noticeNo }],
      audit: input.approved ? 'case.extension_approved' : 'case.extension_rejected',
      summary: { noticeNo, note: input.note },
    };
  });
}

export async function decide(deps: Deps, actor: Actor, caseId: string, input: DecideInput) {
  return transition(deps, actor, caseId, input.version, 'case.review', async (ctx) => {
    fail(checkDecide(ctx.state, ctx.steps.length, actor.userId ?? ''));
    assertAssignee(ctx, actor);
    return decisionEvents(ctx, input, false);
  });
}

export async function prepareDelivery(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: DeliveryPrepareInput,
  opts: BranchOptions = {},
) {
  return transition(
    deps,
    actor,
    caseId,
    input.version,
    'case.deliver',
    async (ctx) => {
      fail(checkPrepareDelivery(ctx.state));
      return {
        events: [{ type: 'delivery_prepared', method: input.method, trackingNo: input.trackingNo }],
        audit: 'case.prepare_delivery',
        summary: { method: DELIVERY_METHOD_LABELS[input.method] },
      };
    },
    opts,
  );
}

export async function deliver(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: { version: number; receivedBy: string; receiver?: DeliveryReceiver | undefined },
  opts: BranchOptions = {},
) {
  return transition(
    deps,
    actor,
    caseId,
    input.version,
    'case.deliver',
    async (ctx) => {
      fail(checkDeliver(ctx.state));
      const method = ctx.state.delivery!.method;
      // Issue 14 point 8: at the window the clerk checks who collects (compared by keyed hash).
      const r = input.receiver;
      let receiverIdMasked: string | null = null;
      if (method === 'window' && r) {
        const hash = idHash(deps, r.idNumber);
        receiverIdMasked = maskIdNumber(r.idNumber);
        if (r.kind === 'applicant') {
          const applicant = await repo.findApplicant(ctx.tx, ctx.row.applicantId);
          fail(
            checkReceiver({
              method,
              receiver: {
                kind: 'applicant',
                applicantIsPerson: applicant?.kind === 'person',
                idMatchesApplicant: !!applicant && applicant.idNumberHash === hash,
              },
            }),
          );
        } else {
          const agent = ctx.row.agentId ? await repo.findApplicant(ctx.tx, ctx.row.agentId) : undefined;
          fail(
            checkReceiver({
              method,
              receiver: {
                kind: 'agent',
                idMatchesRegisteredAgent: !!agent && agent.idNumberHash === hash,
                authorisationChecked: r.authorisationChecked,
              },
            }),
          );
        }
      } else if (!opts.tx) {
        // A bundle's branches are handed over with the bundle (issue 20): one delivery for all.
        fail(checkReceiver({ method, receiver: null }));
      }
      return {
        events: [
          {
            type: 'delivered',
            method,
            receivedBy: input.receivedBy,
            ...(r && method === 'window' ? { receiverKind: r.kind, receiverIdMasked } : {}),
          },
          ...(method === 'window' ? [{ type: 'visit' as const, purpose: '窗口领取结果' }] : []),
        ],
        audit: 'case.deliver',
      };
    },
    opts,
  );
}

export async function recordVisit(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: { version: number; purpose: string },
) {
  return transition(deps, actor, caseId, input.version, 'case.intake', async (ctx) => {
    if (!isOpenCase(ctx.state)) fail('CASE_WRONG_STATUS');
    return { events: [{ type: 'visit', purpose: input.purpose }], audit: 'case.visit' };
  });
}

export async function withdraw(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: { version: number; reason: string },
  opts: BranchOptions = {},
) {
  return transition(
    deps,
    actor,
    caseId,
    input.version,
    'case.intake',
    async (ctx) => {
      fail(checkWithdraw(ctx.state));
      return { events: [{ type: 'withdrawn', reason: input.reason }], audit: 'case.withdraw' };
    },
    opts,
  );
}

// ── Intake (creating a case) ────────────────────────────────────────────────

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;

/** A submission's work inside its transaction: the case it made and the writes still to send. */
type Submission<T> = { caseId: string; writes: Compilable[]; value?: T };

/**
 * Idempotency-Key: the key is claimed in the submission's transaction, in its first round trip
 * together with the reads the submission asks for (`reads`; `fn` gets their rows). A concurrent
 * second submission with the same key waits on the first one's row and then finds it used; it gets
 * the first submission's case instead of a second one. The submission's writes and the key's answer
 * are sent together, as one statement.
 */
async function withIdempotency<T, const Q extends readonly (Compilable<unknown> | null)[]>(
  deps: Deps,
  scope: string,
  key: string | undefined,
  request: unknown,
  reads: (tx: Tx) => Q,
  fn: (tx: Tx, rows: BatchRows<Q>) => Promise<Submission<T>>,
): Promise<{ caseId: string; replayed: boolean; value?: T | undefined }> {
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) throw new CasesError('BAD_IDEMPOTENCY_KEY');
  const requestHash = sm3Hex(JSON.stringify(request));
  return deps.db.transaction().execute(async (tx) => {
    const [claimed, ...rows] = await executeBatch(tx, [
      key !== undefined ? repo.claimIdempotencyKeyQuery(tx, scope, key) : null,
      ...reads(tx),
    ]);
    if (key !== undefined && claimed?.length === 0) {
      const stored = (await repo.findIdempotencyKey(tx, scope, key))?.response as
        { requestHash: string; caseId: string } | null | undefined;
      if (!stored) throw new CasesError('CASE_STALE', '相同的提交正在处理，请稍后刷新');
      if (stored.requestHash !== requestHash) throw new CasesError('IDEMPOTENCY_KEY_REUSED');
      return { caseId: stored.caseId, replayed: true };
    }
    const { caseId, writes, value } = await fn(tx, rows as BatchRows<Q>);
    if (key !== undefined) writes.push(repo.saveIdempotencyResponse(tx, scope, key, { requestHash, caseId }));
    await executeWrites(tx, writes, { thenCommit: true });
    return { caseId, replayed: false, value };
  });
}

type IntakeSpec = {
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
};

/** What intake reads before it takes a case number, for a caller that sends it with its own reads. */
function intakeReads(deps: Deps, tx: Tx, regionCode: string, caseId: string) {
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
async function intake(deps: Deps, tx: Tx, actor: Actor, spec: IntakeSpec): Promise<Submission<CaseDetail>> {
  const { item, applicant } = spec;
  const now = deps.clock.now();
  const day = shanghaiToday(now);
  const regionCode = item.regionCode;
  for (const name of spec.materials.keys())
    if (!item.materials.some((m) => m.name === name))
      throw new CasesError('CASE_UNKNOWN_MATERIAL', `“${name}”不在该事项的材料清单中`);
  const caseId = spec.caseId ?? randomUUID();
  const materials: Omit<MaterialRow, 'id'>[] = [];
  for (const [i, m] of item.materials.entries()) {
    const given = spec.materials.get(m.name);
    const required = m.requirement === 'required';
    let status: 'provided' | 'missing' | 'from_license' | 'not_applicable';
    let licenseId: string | null = null;
    if (given?.status === 'provided') status = 'provided';
    else if (given?.status === 'not_applicable' && required)
      throw new CasesError('CASE_UNKNOWN_MATERIAL', `“${m.name}”是必要材料，不能标为不适用`);
    else if (given?.status === 'not_applicable') status = 'not_applicable';
    else if (
      m.licenseTypeCode &&
      (licenseId = (await repo.findHeldLicense(tx, applicant.id, m.licenseTypeCode, day))?.id ?? null)
    )
      // 免提交: the system takes the material from the applicant's e-license.
      status = 'from_license';
    else status = required || given?.status === 'missing' ? 'missing' : 'not_applicable';
    materials.push({
      regionCode,
      caseId,
      sortOrder: i,
      name: m.name,
      required,
      deferrable: m.deferrable,
      status,
      licenseId,
      fileSha256: given?.fileSha256 ?? null,
      receivedAt: status === 'provided' ? now : null,
      dueDate: null,
    });
  }
  // The calendar and the audit chain in one round trip (or the caller's), then the case-number
  // counter: the counter row stays locked only for the final write and the commit (see transition).
  let opened = spec.opened;
  if (!opened) {
    const reads = intakeReads(deps, tx, regionCode, caseId);
    opened = await reads.finish(...(await executeBatch(tx, reads.queries)));
  }
  const { calendar, link } = opened;
  rememberRegion(caseId, regionCode);
  const serial = await repo.nextCaseSerial(tx, regionCode, day);
  const caseNo = `${regionCode}-${day.replaceAll('-', '')}-${String(serial).padStart(5, '0')}`;
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
  const { next, appended } = appendEvents(ctx, actor, row, INITIAL_CASE_STATE, events, now);
  // One statement: the events' and materials' references to the new case are checked at its end.
  ctx.writes.push(repo.insertCase(tx, { ...row, ...secrets, ...projection(next, now) }));
  ctx.writes.push(...repo.insertMaterials(tx, materials));
  ctx.writes.push(
    ...caseAudit(ctx, link, actor, 'case.submit', {
      caseNo,
      itemId: item.itemId,
      channel: spec.channel,
      missing: materials.filter((m) => m.status === 'missing').length,
    }),
  );
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
  const detail = detailOf(summaryOf(joined, next, clockWith(calendar, now, next, item)), joined, {
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
  });
  return { caseId, writes: ctx.writes, value: detail };
}

/** The live version of an item to file under: region-checked, from the pinned-version cache. */
async function getItemForIntake(deps: Deps, actor: Actor, itemId: string) {
  const item = await pinnedVersion(deps, await getPublishedVersionId(deps, itemId));
  if (
    actor.role !== 'system' &&
    actor.role !== 'applicant' &&
    !regionCovers(actor.regionCode, item.regionCode)
  )
    throw new CasesError('CASE_ITEM_OUT_OF_REGION');
  return item;
}

/** A clerk receives an application at a window (受审分离: approvers get 403). */
export async function createCase(
  deps: Deps,
  actor: Actor,
  input: CaseCreate,
  idempotencyKey?: string,
  opts: { caseId?: string } = {},
): Promise<{ detail: CaseDetail; replayed: boolean }> {
  assertRole(actor, 'case.intake');
  const item = await getItemForIntake(deps, actor, input.itemId);
  const newId = opts.caseId ?? randomUUID();
  let opening: ReturnType<typeof intakeReads> | undefined;
  const { caseId, replayed, value } = await withIdempotency(
    deps,
    `user:${actor.userId ?? 'system'}`,
    idempotencyKey,
    input,
    // One round trip: the key, the applicant and the agent, the calendar and the audit chain.
    (tx) => {
      opening = intakeReads(deps, tx, item.regionCode, newId);
      return [
        repo.findApplicantQuery(tx, input.applicantId),
        input.agentId ? repo.findApplicantQuery(tx, input.agentId) : null,
        ...opening.queries,
      ] as const;
    },
    async (tx, [[applicant], agentRows, calendarRows, headRows]) => {
      if (!applicant || applicant.regionCode !== item.regionCode.slice(0, 6))
        throw new CasesError('APPLICANT_UNKNOWN');
      let agent: ApplicantRow | null = null;
      if (agentRows) {
        agent = agentRows[0] ?? null;
        if (!agent || agent.kind !== 'person' || agent.id === applicant.id)
          throw new CasesError('APPLICANT_UNKNOWN');
      }
      return intake(deps, tx, actor, {
        item,
        applicant,
        agent,
        channel: input.channel,
        materials: new Map(input.materials.map((m) => [m.name, { status: m.status }])),
        caseId: newId,
        opened: await opening!.finish(calendarRows, headRows),
      });
    },
  );
  return { detail: value ?? (await getDetail(deps, actor, caseId)), replayed };
}

// ── Reading ─────────────────────────────────────────────────────────────────

const baseQuery = repo.selectCaseWithNames;
type JoinedRow = CaseRow & {
  applicantName: string;
  applicantIdMasked: string;
  departmentName: string;
  itemName: string;
  maxVisits: number | null;
  steps: unknown;
  legalLimitDays: number | null;
  promisedLimitDays: number | null;
};

async function toSummary(
  deps: Deps,
  r: JoinedRow,
  calendars?: Calendars,
): Promise<CaseSummary & { _clock: CaseClock | null; _state: CaseState }> {
  const state = reviveState(r.state);
  return summaryOf(r, state, await computeClock(deps, r.regionCode, state, r, calendars));
}

/** The summary from a joined row (or the same fields assembled in a transition) and its clock. */
function summaryOf(r: JoinedRow, state: CaseState, clock: CaseClock | null) {
  const steps = backOfficeSteps(r.steps as string[]);
  return {
    id: r.id,
    caseNo: r.caseNo,
    regionCode: r.regionCode,
    itemId: r.itemId,
    itemVersionId: r.itemVersionId,
    itemName: r.itemName,
    departmentId: r.departmentId,
    departmentName: r.departmentName,
    applicantName: r.applicantName,
    applicantIdMasked: r.applicantIdMasked,
    channel: r.channel,
    status: r.status,
    stepIndex: r.stepIndex,
    stepName: r.status === 'accepted' ? (steps[r.stepIndex] ?? null) : null,
    assigneeId: r.assigneeId,
    // Issue 14 point 8: the 出件 list shows which cases are prepared, and how.
    deliveryMethod: state.delivery?.method ?? null,
    suspended: r.suspended,
    extensionStatus: r.extensionStatus,
    outcome: r.outcome,
    receivedAt: iso(r.receivedAt),
    visits: r.visits,
    maxVisits: r.maxVisits,
    version: r.version,
    clock: clock ? summarizeClock(clock) : null,
    _clock: clock,
    _state: state,
  };
}

function strip<T extends { _clock: unknown; _state: unknown }>(s: T): Omit<T, '_clock' | '_state'> {
  const { _clock, _state, ...rest } = s;
  void _clock;
  void _state;
  return rest;
}

async function loadReadable(deps: Deps, actor: Actor, caseId: string): Promise<JoinedRow> {
  assertAccess(actor, 'case.read');
  const r = (await baseQuery(deps.db).where('c.id', '=', caseId).executeTakeFirst()) as JoinedRow | undefined;
  if (!r) throw notFound('办件', caseId);
  assertCaseScope(actor, caseId, r);
  return r;
}

/**
 * Whether the actor may read a case (GET /files: a case's materials are read by those who may read
 * the case, issue 12 point 4). The same role and scope rule as loadReadable.
 */
export async function mayReadCase(deps: Deps, actor: Actor, caseId: string): Promise<boolean> {
  if (!checkAccess(actor, 'case.read')) return false;
  const row = await repo.findCase(deps.db, caseId);
  return row !== undefined && caseScope(actor, row) === 'in_scope';
}

/** Online materials belong to their draft: readable by staff once it became a case they may read. */
export async function mayReadDraftCase(deps: Deps, actor: Actor, draftId: string): Promise<boolean> {
  const caseId = await repo.findDraftCaseId(deps.db, draftId);
  return caseId ? mayReadCase(deps, actor, caseId) : false;
}

export async function getDetail(deps: Deps, actor: Actor, caseId: string): Promise<CaseDetail> {
  const r = await loadReadable(deps, actor, caseId);
  const s = await toSummary(deps, r);
  const db = deps.db;
  const [applicant, agent, materials, notices, events, license] = await Promise.all([
    repo.findApplicant(db, r.applicantId),
    r.agentId ? repo.findApplicant(db, r.agentId) : Promise.resolve(undefined),
    repo.listMaterials(db, r.id),
    repo.listNotices(db, r.id),
    repo.listEvents(db, r.id),
    repo.findLicenseByCase(db, r.id),
  ]);
  return detailOf(s, r, {
    applicant: applicant!,
    agentName: agent?.name ?? null,
    materials,
    notices,
    events,
    license,
    queryCode: queryCodeOf(deps, r),
    contact:
      r.contactName && r.contactPhoneMasked
        ? { name: r.contactName, phoneMasked: r.contactPhoneMasked }
        : null,
    today: shanghaiToday(deps.clock.now()),
  });
}

type DetailParts = {
  applicant: ApplicantRow;
  agentName: string | null;
  materials: Omit<MaterialRow, 'id'>[];
  notices: NoticeRow[];
  events: Omit<EventRow, 'id' | 'regionCode' | 'caseId'>[];
  license: LicenseRow | undefined;
  queryCode: string | null;
  contact: { name: string; phoneMasked: string } | null;
  /** Asia/Shanghai date of the clock's now: a license past its validUntil shows as expired. */
  today: string;
};

/** The detail of a case from its summary and parts (read back, or just written by intake). */
function detailOf(
  s: ReturnType<typeof summaryOf>,
  r: Pick<JoinedRow, 'steps' | 'caseNo'>,
  { applicant, agentName, materials, notices, events, license, queryCode, contact, today }: DetailParts,
): CaseDetail {
  const state = s._state;
  return {
    ...strip(s),
    steps: backOfficeSteps(r.steps as string[]),
    agentName,
    applicant: toApplicant(applicant),
    materials: materials.map((m) => ({
      name: m.name,
      required: m.required,
      deferrable: m.deferrable,
      status: m.status,
      dueDate: m.dueDate,
      licenseId: m.licenseId,
      fileSha256: m.fileSha256,
      receivedAt: iso(m.receivedAt),
    })),
    notices: notices.map((n) => toNotice(n, queryCode)),
    events: events.map((e) => ({
      seq: e.seq,
      type: e.type,
      at: new Date(e.at).toISOString(),
      actorId: e.actorId,
      actorName: e.actorName,
      payload: e.payload as Record<string, unknown>,
    })),
    license: license ? toLicense(license, r.caseNo, today) : null,
    delivery: state.delivery
      ? {
          method: state.delivery.method,
          trackingNo: state.delivery.trackingNo,
          preparedAt: state.delivery.preparedAt.toISOString(),
        }
      : null,
    deliveredAt: iso(state.deliveredAt),
    deferredOutstanding: state.deferredOutstanding,
    clockDetail: s._clock,
    signers: Object.fromEntries(Object.entries(state.signers).map(([k, v]) => [k, v])),
    queryCode,
    contact,
  };
}

function scoped(actor: Actor) {
  return <Q extends ReturnType<typeof baseQuery>>(q: Q): Q => {
    let out = q;
    if (actor.role !== 'system')
      out = out.where('c.regionCode', 'like', `${regionPrefix(actor.regionCode)}%`) as Q;
    if (actor.role !== 'system' && DEPARTMENT_ROLES.includes(actor.role)) {
      const dept = actor.departmentId ?? '00000000-0000-0000-0000-000000000000';
      out = out.where((eb) =>
        actor.role === 'clerk' && actor.userId
          ? eb.or([eb('c.departmentId', '=', dept), eb('c.intakeBy', '=', actor.userId)])
          : eb('c.departmentId', '=', dept),
      ) as Q;
    }
    return out;
  };
}

export async function listCases(
  deps: Deps,
  actor: Actor,
  q: CaseListQuery,
  opts: { chunk: number } = { chunk: 1000 },
) {
  assertAccess(actor, 'case.read');
  let query = scoped(actor)(baseQuery(deps.db));
  if (q.status) query = query.where('c.status', '=', q.status);
  if (q.departmentId) query = query.where('c.departmentId', '=', q.departmentId);
  if (q.q)
    query = query.where((eb) =>
      eb.or([eb('c.caseNo', 'like', `%${q.q}%`), eb('a.name', 'like', `%${q.q}%`)]),
    );
  switch (q.queue) {
    case 'review':
      // The department's back-office queue: accepted, not suspended, unassigned or assigned to me.
      query = query
        .where('c.status', '=', 'accepted')
        .where('c.suspended', '=', false)
        .where((eb) => eb.or([eb('c.assigneeId', 'is', null), eb('c.assigneeId', '=', actor.userId ?? '')]));
      break;
    case 'mine':
      query = query.where('c.assigneeId', '=', actor.userId ?? '');
      break;
    case 'extension':
      query = query.where('c.extensionStatus', '=', 'requested');
      break;
    case 'intake':
      query = query.where('c.status', 'in', ['submitted', 'supplement_requested']);
      break;
    case undefined:
      break;
  }
  query = query.orderBy('c.receivedAt', 'desc').orderBy('c.caseNo', 'desc');
  const calendars = calendarsOnce(deps);
  if (!q.clock) {
    const rows = (await query.limit(q.limit).offset(q.offset).execute()) as JoinedRow[];
    return { items: (await Promise.all(rows.map((r) => toSummary(deps, r, calendars)))).map(strip) };
  }
  // The clock is derived, not stored (ADR 0001): the filter reads the cases in order, a chunk at a
  // time, until it has the page it was asked for — not only the first page's cases.
  const matches: CaseSummary[] = [];
  const wanted = q.offset + q.limit;
  for (let from = 0; matches.length < wanted; from += opts.chunk) {
    const rows = (await query.limit(opts.chunk).offset(from).execute()) as JoinedRow[];
    for (const r of rows) {
      const s = await toSummary(deps, r, calendars);
      if (s.clock?.state === q.clock) matches.push(strip(s));
    }
    if (rows.length < opts.chunk) break;
  }
  return { items: matches.slice(q.offset, wanted) };
}

/**
 * 电子监察: open cases whose clock is red, per department, oldest first. Deadlines are derived, not
 * stored (ADR 0001), so every open case is read, `chunk` rows at a time: none is left out, and only
 * the red ones are kept.
 */
export async function listOverdue(
  deps: Deps,
  actor: Actor,
  departmentId?: string,
  opts: { chunk?: number } = {},
) {
  assertAccess(actor, 'case.read');
  const chunk = opts.chunk ?? 1000;
  const calendars = calendarsOnce(deps);
  const items: CaseSummary[] = [];
  let after: string | undefined;
  for (;;) {
    let query = scoped(actor)(baseQuery(deps.db)).where('c.status', 'in', [
      'submitted',
      'supplement_requested',
      'accepted',
      'decided',
    ]);
    if (departmentId) query = query.where('c.departmentId', '=', departmentId);
    if (after) query = query.where('c.id', '>', after);
    const rows = (await query.orderBy('c.id').limit(chunk).execute()) as JoinedRow[];
    for (const r of rows) {
      const s = await toSummary(deps, r, calendars);
      if (s.clock?.state === 'red') items.push(strip(s));
    }
    if (rows.length < chunk) break;
    after = rows.at(-1)!.id;
  }
  items.sort(
    (a, b) =>
      (a.receivedAt ?? '\uffff').localeCompare(b.receivedAt ?? '\uffff') || a.caseNo.localeCompare(b.caseNo),
  );
  // A count per department: the cases themselves are in `items` once (the screen showed
  // "[object Object],…件" when each department carried its cases again).
  const byDept = new Map<string, { departmentId: string; departmentName: string; cases: number }>();
  for (const i of items) {
    const g = byDept.get(i.departmentId) ?? {
      departmentId: i.departmentId,
      departmentName: i.departmentName,
      cases: 0,
    };
    g.cases += 1;
    byDept.set(i.departmentId, g);
  }
  return { items, departments: [...byDept.values()] };
}

/** 办不成事: every refusal with its reason, for the 办不成事 window's review. */
export async function listRefused(deps: Deps, actor: Actor) {
  assertAccess(actor, 'case.read');
  const rows = (await scoped(actor)(baseQuery(deps.db))
    .where('c.status', '=', 'refused')
    .orderBy('c.updatedAt', 'desc')
    .limit(500)
    .execute()) as JoinedRow[];
  const events = rows.length
    ? await deps.db
        .selectFrom('caseEvent')
        .selectAll()
        .where('type', '=', 'refused')
        .where(
          'caseId',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    : [];
  const calendars = calendarsOnce(deps);
  const items = [];
  for (const r of rows) {
    const e = events.find((x) => x.caseId === r.id);
    const p = (e?.payload ?? {}) as { reason?: string; redirectTo?: string; noticeNo?: string };
    items.push({
      ...strip(await toSummary(deps, r, calendars)),
      refusal: {
        reason: p.reason ?? '',
        redirectTo: p.redirectTo ?? '',
        noticeNo: p.noticeNo ?? '',
        at: e ? new Date(e.at).toISOString() : null,
        by: e?.actorName ?? '',
      },
    });
  }
  return { items };
}

export async function getNotice(
  deps: Deps,
  actor: Actor,
  caseId: string,
  noticeId: string,
): Promise<CaseNotice> {
  const r = await loadReadable(deps, actor, caseId);
  const n = await repo.findNotice(deps.db, noticeId);
  if (!n || n.caseId !== caseId) throw notFound('通知书', noticeId);
  return toNotice(n, queryCodeOf(deps, r));
}

export async function getNoticeDocx(deps: Deps, actor: Actor, caseId: string, noticeId: string) {
  const n = await getNotice(deps, actor, caseId, noticeId);
  return { notice: n, buffer: await renderNoticeDocx(n.content as NoticeContent) };
}

// ── Applicant portal ────────────────────────────────────────────────────────

const draftHash = (deps: Deps, token: string) => hmacSm3Hex(deps.config.secrets.lookupKey, `draft:${token}`);
type DraftFile = { materialName: string; sha256: string; name: string; mediaType: string; size: number };

function toDraft(
  deps: Deps,
  d: { itemId: string; data: unknown; files: unknown; caseId: string | null; updatedAt: Date | string },
  caseNo: string | null,
) {
  return {
    itemId: d.itemId,
    data: openDraftData(deps, d.data as DraftSave['data']),
    files: d.files as DraftFile[],
    submittedCaseNo: caseNo,
    updatedAt: new Date(d.updatedAt).toISOString(),
  };
}

export async function publishedForPortal(deps: Deps, itemId: string) {
  const item = await getPublishedVersion(deps, itemId);
  if (item.onlineLevel === 'offline')
    throw new CasesError('CASE_WRONG_STATUS', '该事项仅支持线下办理，请到窗口申请');
  return item;
}

export async function createDraft(deps: Deps, actor: Actor, input: DraftSave) {
  const item = await publishedForPortal(deps, input.itemId);
  const token = randomToken(32);
  const now = deps.clock.now();
  const row = await deps.db.transaction().execute(async (tx) => {
    const d = await tx
      .insertInto('caseDraft')
      .values({
        regionCode: item.regionCode,
        tokenHash: draftHash(deps, token),
        itemId: item.itemId,
        data: JSON.stringify(sealDraftData(deps, input.data)),
        files: '[]',
        createdAt: now,
        updatedAt: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(
      tx,
      actor,
      { action: 'case.draft_create', entityType: 'case_draft', entityId: d.id, regionCode: d.regionCode },
      now,
    );
    return d;
  });
  return { token, draft: toDraft(deps, row, null) };
}

export async function draftOrThrow(deps: Deps, db: Executor, token: string, forUpdate = false) {
  const d = await repo.findDraftByHash(db, draftHash(deps, token), forUpdate);
  if (!d) throw new CasesError('CASE_DRAFT_NOT_FOUND');
  return d;
}

async function caseNoOf(db: Executor, caseId: string | null) {
  if (!caseId) return null;
  return (await repo.findCase(db, caseId))?.caseNo ?? null;
}

export async function getDraft(deps: Deps, token: string) {
  const d = await draftOrThrow(deps, deps.db, token);
  return toDraft(deps, d, await caseNoOf(deps.db, d.caseId));
}

export async function saveDraft(deps: Deps, actor: Actor, token: string, input: DraftSave) {
  await publishedForPortal(deps, input.itemId);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const d = await draftOrThrow(deps, tx, token, true);
    if (d.caseId) throw new CasesError('CASE_DRAFT_SUBMITTED');
    const files = (d.files as DraftFile[]).filter(() => input.itemId === d.itemId);
    const row = await tx
      .updateTable('caseDraft')
      .set({
        itemId: input.itemId,
        data: JSON.stringify(sealDraftData(deps, input.data)),
        files: JSON.stringify(files),
        updatedAt: now,
      })
      .where('id', '=', d.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(
      tx,
      actor,
      { action: 'case.draft_save', entityType: 'case_draft', entityId: d.id, regionCode: d.regionCode },
      now,
    );
    return toDraft(deps, row, null);
  });
}

export async function addDraftFile(
  deps: Deps,
  actor: Actor,
  token: string,
  file: { materialName: string; bytes: Buffer; mediaType: string; name: string },
) {
  const now = deps.clock.now();
  const item = await getPublishedVersion(deps, (await draftOrThrow(deps, deps.db, token)).itemId);
  return deps.db.transaction().execute(async (tx) => {
    const d = await draftOrThrow(deps, tx, token, true);
    if (d.caseId) throw new CasesError('CASE_DRAFT_SUBMITTED');
    if (d.itemId !== item.itemId) throw new CasesError('CASE_STALE');
    if (!item.materials.some((m) => m.name === file.materialName))
      throw new CasesError('CASE_UNKNOWN_MATERIAL', `“${file.materialName}”不在该事项的材料清单中`);
    const sha256 = await storeFile(tx, deps.config.dataDir, file, MATERIAL_POLICY, {
      kind: 'case_draft',
      id: d.id,
      regionCode: d.regionCode,
    });
    const files = [
      ...(d.files as DraftFile[]).filter((f) => f.materialName !== file.materialName),
      {
        materialName: file.materialName,
        sha256,
        name: file.name.slice(0, 200),
        mediaType: file.mediaType,
        size: file.bytes.length,
      },
    ];
    const row = await tx
      .updateTable('caseDraft')
      .set({ files: JSON.stringify(files), updatedAt: now })
      .where('id', '=', d.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(
      tx,
      actor,
      {
        action: 'case.draft_file',
        entityType: 'case_draft',
        entityId: d.id,
        regionCode: d.regionCode,
        summary: { sha256 },
      },
      now,
    );
    return toDraft(deps, row, null);
  });
}

/** Online application from a draft: the applicant is found by number (or registered), the case received. */
export async function submitOnline(deps: Deps, actor: Actor, input: PublicSubmit, idempotencyKey?: string) {
  const peek = await draftOrThrow(deps, deps.db, input.draftToken);
  const item = await publishedForPortal(deps, peek.itemId);
  const { caseId, replayed, value } = await withIdempotency(
    deps,
    'public',
    idempotencyKey,
    input,
    () => [] as const,
    async (tx): Promise<Submission<CaseDetail>> => {
      const d = await draftOrThrow(deps, tx, input.draftToken, true);
      // A draft makes one case: submitting it again returns that case.
      if (d.caseId) return { caseId: d.caseId, writes: [] };
      // ACC-1 at the portal (issue 14, point 2): nothing required may be missing when it is filed.
      const gaps = await onlineMaterialGaps(deps, tx, item, d.files as DraftFile[], input.applicant);
      if (gaps.missing.length)
        throw new CasesError('CASE_MATERIALS_MISSING', missingMessage(gaps), { missing: gaps.missing });
      const region = item.regionCode.slice(0, 6);
      const applicant = await findOrRegisterApplicant(deps, tx, region, input.applicant);
      const agent = input.agent ? await findOrRegisterApplicant(deps, tx, region, input.agent) : null;
      // SEC-1: who filed online is reached at what they typed; an agent files for the applicant.
      const given = input.agent ?? input.applicant;
      const contact = {
        name: given.kind === 'enterprise' ? given.contactName : given.name,
        phone: given.phone,
      };
      const files = d.files as DraftFile[];
      const made = await intake(
        deps,
        tx,
        { ...actor, regionCode: item.regionCode },
        {
          item,
          applicant,
          agent,
          channel: 'online',
          contact,
          materials: new Map(
            files.map((f) => [f.materialName, { status: 'provided' as const, fileSha256: f.sha256 }]),
          ),
        },
      );
      made.writes.push(
        tx
          .updateTable('caseDraft')
          .set({ caseId: made.caseId, updatedAt: deps.clock.now() })
          .where('id', '=', d.id),
      );
      return made;
    },
  );
  // A replay (same key, or the same draft again) answers with the same case and its 查询码: only
  // the holder of the draft token or of the key's request can ask.
  const made = value ?? (await repo.findCase(deps.db, caseId))!;
  const queryCode = value ? value.queryCode : queryCodeOf(deps, made as CaseRow);
  const result: PublicSubmitResult = {
    caseNo: made.caseNo,
    queryCode: queryCode ?? '',
    status: made.status,
    statusLabel: CASE_STATUS_LABELS[made.status],
    itemName: item.name,
    receivedAt: iso(made.receivedAt),
  };
  return { replayed, result };
}

/** What an unknown case number is compared against, so it costs what a wrong code costs. */
const NO_CASE = { id: '00000000-0000-0000-0000-000000000000', queryCodeHash: '0'.repeat(64) };

/**
 * SEC-2: a case number and its 查询码. An unknown number, a case without a code and a wrong code
 * do the same work (one read by number, one keyed hash, one constant-time comparison) and answer
 * with the same 404: nothing to learn by guessing or timing.
 */
export async function trackedCase(deps: Deps, input: TrackInput) {
  const row = await repo.findCaseByNo(deps.db, input.caseNo);
  const expected = Buffer.from(row?.queryCodeHash ?? NO_CASE.queryCodeHash, 'hex');
  const given = Buffer.from(queryCodeHash(deps, row?.id ?? NO_CASE.id, input.queryCode), 'hex');
  const same = expected.length === given.length && timingSafeEqual(expected, given);
  if (!row || !row.queryCodeHash || !same) throw new CasesError('CASE_TRACK_NOT_FOUND');
  return row;
}

/** Tracking by case number + 查询码: status, clock, visits, notices and the license. */
export async function track(deps: Deps, input: TrackInput) {
  const row = await trackedCase(deps, input);
  const r = (await baseQuery(deps.db).where('c.id', '=', row.id).executeTakeFirstOrThrow()) as JoinedRow;
  const s = await toSummary(deps, r);
  const [notices, license] = await Promise.all([
    repo.listNotices(deps.db, row.id),
    repo.findLicenseByCase(deps.db, row.id),
  ]);
  return {
    caseNo: r.caseNo,
    itemName: r.itemName,
    departmentName: r.departmentName,
    status: r.status,
    statusLabel: CASE_STATUS_LABELS[r.status],
    stepName: s.stepName,
    receivedAt: s.receivedAt,
    clock: s.clock,
    visits: r.visits,
    maxVisits: r.maxVisits,
    suspended: r.suspended,
    delivery: s._state.delivery
      ? { method: s._state.delivery.method, trackingNo: s._state.delivery.trackingNo }
      : null,
    notices: notices.map((n) => toNotice(n, queryCodeOf(deps, row))),
    licenseId: license?.id ?? null,
    licenseVerifyToken: license?.verifyToken ?? null,
  };
}

export async function trackNoticeDocx(deps: Deps, input: TrackInput & { noticeId: string }) {
  const row = await trackedCase(deps, input);
  const n = await repo.findNotice(deps.db, input.noticeId);
  if (!n || n.caseId !== row.id) throw notFound('通知书', input.noticeId);
  const notice = toNotice(n, queryCodeOf(deps, row));
  return { notice, buffer: await renderNoticeDocx(notice.content as NoticeContent) };
}

/**
 * Issue 21 (reviews: 卷宗评查 FR-1, assessments ASSESS-1, automatic findings): the concluded cases
 * (decided in [from, to)) of a region, in case-number order, as facts read from the record (TRUTH-1):
 * whether the decision met the promised limit, and — with `withRecord` — who signed each step
 * (SOD-1) and which notices the events name but the case lacks.
 */
export async function listConcludedCaseFacts(
  deps: Deps,
  q: {
    regionCode: string;
    from: Date;
    to: Date;
    departmentIds?: readonly string[];
    caseIds?: readonly string[];
    withRecord?: boolean;
    /** false: skip the deadline computation (onTime null) when only the list of cases is needed. */
    withClock?: boolean;
    chunk?: number;
  },
) {
  const calendars = calendarsOnce(deps);
  const chunk = q.chunk ?? 2000;
  const out: {
    id: string;
    caseNo: string;
    regionCode: string;
    departmentId: string;
    itemName: string;
    channel: string;
    decidedAt: Date;
    onTime: boolean | null;
    promisedDeadline: string | null;
    legalBasis: string | null;
    signers: { step: string; actorId: string | null; actorName: string }[];
    missingNotices: string[];
  }[] = [];
  let after: string | undefined;
  for (;;) {
    let query = baseQuery(deps.db)
      .where('c.regionCode', 'like', `${regionPrefix(q.regionCode)}%`)
      .where('c.status', 'in', ['decided', 'delivered'])
      .where('c.decidedAt', '>=', q.from)
      .where('c.decidedAt', '<', q.to);
    if (q.departmentIds) query = query.where('c.departmentId', 'in', [...q.departmentIds, NO_ID]);
    if (q.caseIds) query = query.where('c.id', 'in', [...q.caseIds, NO_ID]);
    if (after) query = query.where('c.caseNo', '>', after);
    const rows = (await query.orderBy('c.caseNo').limit(chunk).execute()) as JoinedRow[];
    const events = q.withRecord
      ? await repo.listEventsOfCases(
          deps.db,
          rows.map((r) => r.id),
        )
      : [];
    for (const r of rows) {
      const state = reviveState(r.state);
      const clock =
        q.withClock === false ? null : clockWith(await calendars(r.regionCode), deps.clock.now(), state, r);
      const own = events.filter((e) => e.caseId === r.id);
      const signers = own
        .filter((e) => ['accepted', 'step_completed', 'decided'].includes(e.type))
        .map((e) => ({ step: e.type, actorId: e.actorId, actorName: e.actorName }));
      const named = own
        .map((e) => (e.payload as { noticeNo?: string | null }).noticeNo)
        .filter((n): n is string => typeof n === 'string' && n !== '');
      const issued = q.withRecord
        ? new Set((await repo.listNotices(deps.db, r.id)).map((n) => n.noticeNo))
        : null;
      const decided = own.find((e) => e.type === 'decided')?.payload as { legalBasis?: string } | undefined;
      out.push({
        id: r.id,
        caseNo: r.caseNo,
        regionCode: r.regionCode,
        departmentId: r.departmentId,
        itemName: r.itemName,
        channel: r.channel,
        decidedAt: new Date(r.decidedAt!),
        onTime: clock?.decision?.promised.onTime ?? null,
        promisedDeadline: clock?.decision?.promised.deadline ?? null,
        legalBasis: decided ? (decided.legalBasis ?? '') : null,
        signers,
        missingNotices: issued ? named.filter((n) => !issued.has(n)) : [],
      });
    }
    if (rows.length < chunk) break;
    after = rows.at(-1)!.caseNo;
  }
  return out;
}
const NO_ID = '00000000-0000-0000-0000-000000000000';

// ── Bundle branches (issue 20) ──────────────────────────────────────────────

/**
 * How a bundle (issue 20) runs a branch's transition: inside the bundle's transaction (`tx`, not
 * committed here), and on whatever version the case has reached (`anyVersion`).
 */
export type BranchOptions = { tx?: Tx; anyVersion?: boolean };

/** What a transition listener learns, inside the transition's transaction (before its writes). */
export type CaseTransition = {
  tx: Tx;
  actor: Actor;
  now: Date;
  caseId: string;
  regionCode: string;
  events: readonly CaseEvent[];
  state: CaseState;
};
export type CaseTransitionListener = (t: CaseTransition) => Promise<void>;
const transitionListeners: CaseTransitionListener[] = [];

/**
 * Registers a listener called for every case transition in its transaction; a listener that throws
 * refuses the transition (nothing is written). Registering the same function twice keeps one.
 */
export function onCaseTransition(listener: CaseTransitionListener): void {
  if (!transitionListeners.includes(listener)) transitionListeners.push(listener);
}

/** Issue 20: the live version of an item a bundle branch is filed under (region-checked). */
export function getBranchItem(deps: Deps, actor: Actor, itemId: string): Promise<CatalogVersion> {
  return getItemForIntake(deps, actor, itemId);
}

/**
 * Issue 20: files one branch case of a bundle inside the bundle's transaction (its writes are sent,
 * not committed). The applicant is given by id (window) or found or registered from what was typed
 * online (SEC-1: an existing applicant is never changed; the contact belongs to the case).
 */
export async function intakeBranch(
  deps: Deps,
  tx: Tx,
  actor: Actor,
  spec: {
    /** From getBranchItem, read before the bundle's transaction. */
    item: CatalogVersion;
    applicantId?: string;
    applicant?: ApplicantInput;
    contact?: { name: string; phone: string };
    channel: 'window' | 'online';
    materials: { name: string; status: 'provided' | 'missing' | 'not_applicable' }[];
  },
): Promise<{ caseId: string; caseNo: string; applicant: Holder; item: CatalogVersion }> {
  const { item } = spec;
  const region = item.regionCode.slice(0, 6);
  const applicant = spec.applicant
    ? await findOrRegisterApplicant(deps, tx, region, spec.applicant)
    : await repo.findApplicant(tx, spec.applicantId ?? '');
  if (!applicant || applicant.regionCode !== region) throw new CasesError('APPLICANT_UNKNOWN');
  const made = await intake(
    deps,
    tx,
    { ...actor, regionCode: actor.regionCode || item.regionCode },
    {
      item,
      applicant,
      agent: null,
      channel: spec.channel,
      contact: spec.contact,
      materials: new Map(spec.materials.map((m) => [m.name, { status: m.status }])),
    },
  );
  await executeWrites(tx, made.writes);
  return { caseId: made.caseId, caseNo: made.value!.caseNo, applicant, item };
}

// ── For the evaluations module (好差评, issue 17) ─────────────────────────

export type CaseRef = {
  id: string;
  regionCode: string;
  caseNo: string;
  status: string;
  concluded: boolean;
  decidedAt: Date | null;
  departmentId: string;
  departmentName: string;
  itemId: string;
  itemName: string;
  channel: string;
};

function toCaseRef(r: NonNullable<Awaited<ReturnType<typeof repo.findCaseRef>>>): CaseRef {
  return {
    id: r.id,
    regionCode: r.regionCode,
    caseNo: r.caseNo,
    status: r.status,
    concluded: (repo.CONCLUDED_STATUSES as readonly string[]).includes(r.status),
    decidedAt: r.decidedAt,
    departmentId: r.departmentId,
    departmentName: r.departmentName,
    itemId: r.itemId,
    itemName: r.itemName,
    channel: r.channel,
  };
}

/** A case by id, with what a rating records about it; undefined when there is none. */
export async function findCaseRef(db: Executor, caseId: string): Promise<CaseRef | undefined> {
  const r = await repo.findCaseRef(db, caseId);
  return r ? toCaseRef(r) : undefined;
}

/** SEC-2: the case of a case number + 查询码 (the tracking credentials), or the tracking 404. */
export async function findTrackedCaseRef(deps: Deps, input: TrackInput): Promise<CaseRef> {
  const row = await trackedCase(deps, input);
  return toCaseRef((await repo.findCaseRef(deps.db, row.id))!);
}

/** The people who acted on a case (from its log): who "handled" it. */
export function listCaseActors(db: Executor, caseId: string) {
  return repo.listCaseActors(db, caseId);
}

/** EVAL-4's denominator: concluded cases per department, item, channel and month. */
export async function countConcludedCases(
  db: Executor,
  f: { regionLike: string; from: Date; to: Date; departmentId?: string },
) {
  const rows = await repo.countConcluded(db, f);
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

export function listConcludedCasesBetween(db: Executor, from: Date, to: Date, limit = 500) {
  return repo.listConcludedBetween(db, from, to, limit);
}
