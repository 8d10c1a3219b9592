import type { ColumnType, Generated, Selectable } from 'kysely';

// Table types for Kysely (camelCase here, snake_case in SQL through platform/camel-case.ts).
// Keep in step with the migrations; one block per table.

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type RegionTable = { code: string; name: string; parentCode: string | null; level: number };

export type HallTable = {
  id: Generated<string>;
  regionCode: string;
  name: string;
  level: 'county' | 'township' | 'village';
  address: Generated<string>;
  phone: Generated<string>;
  createdAt: DefaultTimestamp;
};

export type DepartmentTable = {
  id: Generated<string>;
  regionCode: string;
  hallId: string | null;
  name: string;
  shortName: Generated<string>;
  hallExemption: string | null;
  createdAt: DefaultTimestamp;
  /** 0007_cases.sql: 统一社会信用代码, the e-license issuer. */
  creditCode: ColumnType<string | null, string | null | undefined, string | null>;
};

export type HallWindowTable = {
  id: Generated<string>;
  regionCode: string;
  hallId: string;
  number: string;
  name: string;
  kind: 'comprehensive' | 'dedicated' | 'assist' | 'unresolved' | 'grievance' | 'foreign';
  tidal: Generated<boolean>;
  departmentId: string | null;
  createdAt: DefaultTimestamp;
};

export type StaffTable = {
  id: Generated<string>;
  regionCode: string;
  name: string;
  title: Generated<string>;
  departmentId: string;
  windowId: string | null;
  employment: 'employee' | 'contractor';
  stationedFrom: string;
  stationedUntil: string | null;
  photo: string | null;
  createdAt: DefaultTimestamp;
};

export type AppUserTable = {
  id: Generated<string>;
  username: string;
  displayName: string;
  passwordHash: string;
  role: 'applicant' | 'clerk' | 'approver' | 'dept_head' | 'supervisor' | 'leader' | 'inspector' | 'admin';
  regionCode: string;
  departmentId: string | null;
  disabled: Generated<boolean>;
  failedAttempts: Generated<number>;
  lockedUntil: Date | null;
  createdAt: DefaultTimestamp;
};

export type UserSessionTable = {
  tokenHash: string;
  userId: string;
  csrfToken: string;
  clientIp: string;
  createdAt: Timestamp;
  lastSeenAt: Timestamp;
};

export type LoginThrottleTable = {
  accountKey: string;
  clientIp: string;
  failedAttempts: Generated<number>;
  lockedUntil: Timestamp | null;
  lastFailedAt: Timestamp;
};

export type AuditLogTable = {
  seq: Generated<number>;
  regionCode: string;
  actorId: string | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  summary: ColumnType<unknown, string, string>;
  at: Timestamp;
  clientIp: string;
  prevHash: string;
  hash: string;
  lane: Generated<number>;
};

export type AuditHeadTable = {
  regionCode: string;
  lane: number;
  hash: string;
};

// 0015_audit_checkpoints.sql
export type AuditCheckpointTable = {
  regionCode: string;
  lane: number;
  entries: number;
  lastSeq: number;
  headHash: string;
  at: Timestamp;
  signature: string;
};
export type AuditCheckpointRow = Selectable<AuditCheckpointTable>;

export type StoredFileTable = {
  sha256: string;
  mediaType: string;
  size: number;
  name: string;
  public: Generated<boolean>;
  createdAt: DefaultTimestamp;
};

/** 0016_file_owner.sql: the record a stored file is attached to (issue 12, point 4). */
export type StoredFileOwnerTable = {
  regionCode: string;
  sha256: string;
  ownerKind: 'case' | 'case_draft' | 'ledger_measure' | 'staff_photo';
  ownerId: string;
  createdAt: DefaultTimestamp;
};

export type NationalDayTable = { date: string; kind: 'holiday' | 'workday'; name: Generated<string> };

export type LocalDayTable = {
  id: Generated<string>;
  regionCode: string;
  date: string;
  kind: 'closure' | 'extra_workday';
  reason: string;
  createdBy: string | null;
  createdAt: DefaultTimestamp;
};

export type CalendarRevisionTable = { scope: string; revision: Generated<number> };

export type DB = ModuleTables & {
  region: RegionTable;
  hall: HallTable;
  department: DepartmentTable;
  hallWindow: HallWindowTable;
  staff: StaffTable;
  appUser: AppUserTable;
  userSession: UserSessionTable;
  loginThrottle: LoginThrottleTable;
  auditLog: AuditLogTable;
  auditHead: AuditHeadTable;
  auditCheckpoint: AuditCheckpointTable;
  storedFile: StoredFileTable;
  storedFileOwner: StoredFileOwnerTable;
  nationalDay: NationalDayTable;
  localDay: LocalDayTable;
  calendarRevision: CalendarRevisionTable;
  outboxMessage: OutboxMessageTable;
};

export type AppUserRow = Selectable<AppUserTable>;
export type AuditLogRow = Selectable<AuditLogTable>;

// ── Ledger (0004_ledger.sql) ─────────────────────────────────────────────

export type LedgerInspectionTable = {
  id: Generated<string>;
  regionCode: string;
  kind: string;
  team: string;
  inspectedUnit: string;
  issuer: Generated<string>;
  periodStart: string | null;
  periodEnd: string | null;
  feedbackDate: string | null;
  scope: Generated<string>;
  planApprovedOn: string | null;
  carriedOverFromId: string | null;
  leadsReferred: Generated<number>;
  workDone: Generated<string>;
  nextSteps: Generated<string>;
  contactPhone: Generated<string>;
  contactEmail: Generated<string>;
  contactAddress: Generated<string>;
  publishedAt: Timestamp | null;
  createdBy: string | null;
  createdAt: DefaultTimestamp;
};

export type LedgerCategoryTable = {
  id: Generated<string>;
  regionCode: string;
  inspectionId: string;
  parentId: string | null;
  title: string;
  sortOrder: number;
};

export type LedgerFindingTable = {
  id: Generated<string>;
  regionCode: string;
  inspectionId: string;
  categoryId: string | null;
  number: number;
  title: string;
  description: Generated<string>;
  severity: Generated<string>;
  source: Generated<string>;
  carriedOverFromId: string | null;
  createdAt: DefaultTimestamp;
};

export type LedgerMeasureTable = {
  id: Generated<string>;
  regionCode: string;
  findingId: string;
  sortOrder: number;
  content: string;
  leader: Generated<string>;
  departmentId: string | null;
  ownerUserId: string | null;
  dueDate: string | null;
  kind: string;
  signedOffBy: string | null;
  signedOffAt: Timestamp | null;
  signoffComment: Generated<string>;
  reopenedAt: Timestamp | null;
  round: Generated<number>;
  createdAt: DefaultTimestamp;
};

export type LedgerProgressTable = {
  id: Generated<string>;
  regionCode: string;
  measureId: string;
  date: string;
  text: string;
  evidenceFiles: ColumnType<string[], unknown, unknown>;
  evidenceText: Generated<string>;
  requestSignoff: Generated<boolean>;
  round: Generated<number>;
  createdBy: string | null;
  createdAt: DefaultTimestamp;
};

export type LedgerRevisitTable = {
  id: Generated<string>;
  regionCode: string;
  targetType: 'measure' | 'finding';
  targetId: string;
  measureIds: ColumnType<string[], unknown, unknown>;
  reason: string;
  priorSignedOffBy: string | null;
  priorSignedOffAt: Timestamp | null;
  reopenedBy: string | null;
  reopenedAt: Timestamp;
};

export type LedgerAccountabilityTable = {
  id: Generated<string>;
  regionCode: string;
  inspectionId: string;
  findingId: string | null;
  kind: string;
  count: number;
  date: string;
  names: Generated<string>;
};

export type LedgerRegulationTable = {
  id: Generated<string>;
  regionCode: string;
  inspectionId: string;
  name: string;
  docNumber: Generated<string>;
  date: string;
};

export type LedgerRegulationFindingTable = { regulationId: string; findingId: string; regionCode: string };

export type LedgerRecoveryTable = {
  id: Generated<string>;
  regionCode: string;
  inspectionId: string;
  findingId: string | null;
  kind: 'recovered' | 'refunded';
  amountFen: number;
  date: string;
  note: Generated<string>;
};

export type LedgerPublicFeedbackTable = {
  id: Generated<string>;
  regionCode: string;
  inspectionId: string;
  name: Generated<string>;
  contact: string;
  text: string;
  clientIp: Generated<string>;
  createdAt: Timestamp;
};

export type LedgerTables = {
  ledgerInspection: LedgerInspectionTable;
  ledgerCategory: LedgerCategoryTable;
  ledgerFinding: LedgerFindingTable;
  ledgerMeasure: LedgerMeasureTable;
  ledgerProgress: LedgerProgressTable;
  ledgerRevisit: LedgerRevisitTable;
  ledgerAccountability: LedgerAccountabilityTable;
  ledgerRegulation: LedgerRegulationTable;
  ledgerRegulationFinding: LedgerRegulationFindingTable;
  ledgerRecovery: LedgerRecoveryTable;
  ledgerPublicFeedback: LedgerPublicFeedbackTable;
};

// ── Catalog (0005_catalog.sql) ───────────────────────────────────────────

/** jsonb: read as parsed JSON, written as a JSON string (pg would turn an array into a SQL array). */
type Json<T> = ColumnType<T, string, string>;

export type CatalogItemTable = {
  id: Generated<string>;
  regionCode: string;
  itemCode: string;
  createdAt: DefaultTimestamp;
  retiredAt: Timestamp | null;
  retiredReason: string | null;
};

export type CatalogItemVersionTable = {
  id: Generated<string>;
  regionCode: string;
  itemId: string;
  versionNo: number;
  status: 'draft' | 'published' | 'superseded' | 'retired';
  name: string;
  namePinyin: Generated<string>;
  namePinyinInitials: Generated<string>;
  itemType: string;
  departmentId: string;
  legalBasis: Json<unknown>;
  acceptanceConditions: Generated<string>;
  handling: 'instant' | 'promised' | null;
  legalLimitDays: number | null;
  promisedLimitDays: number | null;
  specialProcedures: Json<unknown>;
  fees: Json<unknown>;
  location: Generated<string>;
  hours: Generated<string>;
  consultPhone: Generated<string>;
  complaintPhone: Generated<string>;
  maxVisits: number | null;
  onlineLevel: 'full_online' | 'online_pretrial' | 'offline' | null;
  hallExemption: string | null;
  steps: Json<unknown>;
  guides: Json<unknown>;
  createdAt: DefaultTimestamp;
  createdBy: string | null;
  publishedAt: Timestamp | null;
  publishedBy: string | null;
  supersededAt: Timestamp | null;
};

export type CatalogMaterialTable = {
  id: Generated<string>;
  regionCode: string;
  versionId: string;
  sortOrder: number;
  name: string;
  requirement: 'required' | 'conditional';
  condition: Generated<string>;
  form: 'original' | 'copy' | 'electronic';
  copies: Generated<number>;
  deferrable: Generated<boolean>;
  licenseTypeCode: string | null;
  templateFile: string | null;
};

export type CatalogTables = {
  catalogItem: CatalogItemTable;
  catalogItemVersion: CatalogItemVersionTable;
  catalogMaterial: CatalogMaterialTable;
};

/** Tables of the modules, appended one `&` each, so the DB block above stays as it is. */
type ModuleTables = LedgerTables & CatalogTables & CaseTables;

// ── Outbox (0006_outbox.sql) ─────────────────────────────────────────────

export type OutboxMessageTable = {
  id: Generated<string>;
  regionCode: string;
  kind: string;
  recipientUserId: string | null;
  recipientApplicantId: Generated<string | null>;
  recipientCaseId: Generated<string | null>;
  channel: 'site' | 'sms' | 'email';
  subject: string;
  body: string;
  dedupeKey: string | null;
  createdAt: DefaultTimestamp;
  availableAt: DefaultTimestamp;
  attempts: Generated<number>;
  sentAt: Date | null;
  lastError: string | null;
};
export type OutboxMessageRow = Selectable<OutboxMessageTable>;

// ── Cases (0007_cases.sql) ───────────────────────────────────────────────

export type ApplicantTable = {
  id: Generated<string>;
  regionCode: string;
  kind: 'person' | 'enterprise';
  name: string;
  idNumberEnc: string;
  idNumberHash: string;
  idNumberMasked: string;
  phoneEnc: string;
  phoneMasked: string;
  legalRepresentative: string | null;
  contactName: string | null;
  createdAt: DefaultTimestamp;
};

export type ServiceCaseTable = {
  id: Generated<string>;
  regionCode: string;
  caseNo: string;
  itemId: string;
  itemVersionId: string;
  departmentId: string;
  applicantId: string;
  agentId: string | null;
  channel: 'window' | 'online' | 'kiosk' | 'mail' | 'agent';
  intakeBy: string | null;
  status:
    | 'draft'
    | 'submitted'
    | 'supplement_requested'
    | 'accepted'
    | 'refused'
    | 'decided'
    | 'delivered'
    | 'withdrawn';
  stepIndex: number;
  assigneeId: string | null;
  suspended: boolean;
  extensionStatus: 'requested' | 'approved' | 'rejected' | null;
  outcome: 'grant' | 'deny' | null;
  licenseId: string | null;
  receivedAt: Timestamp | null;
  acceptedAt: Timestamp | null;
  decidedAt: Timestamp | null;
  deliveredAt: Timestamp | null;
  visits: number;
  version: number;
  state: Json<unknown>;
  createdAt: DefaultTimestamp;
  updatedAt: DefaultTimestamp;
  contactName: string | null;
  contactPhoneEnc: string | null;
  contactPhoneHash: string | null;
  contactPhoneMasked: string | null;
  queryCodeHash: string | null;
  queryCodeEnc: string | null;
};

export type CaseEventTable = {
  id: Generated<number>;
  regionCode: string;
  caseId: string;
  seq: number;
  type: string;
  payload: Json<unknown>;
  actorId: string | null;
  actorName: string;
  at: Timestamp;
};

export type CaseMaterialTable = {
  id: Generated<string>;
  regionCode: string;
  caseId: string;
  sortOrder: number;
  name: string;
  required: boolean;
  deferrable: boolean;
  status: 'provided' | 'missing' | 'deferred' | 'from_license' | 'not_applicable';
  dueDate: string | null;
  licenseId: string | null;
  fileSha256: string | null;
  receivedAt: Timestamp | null;
};

export type CaseNoticeTable = {
  id: Generated<string>;
  regionCode: string;
  caseId: string;
  kind: 'accept' | 'refuse' | 'supplement' | 'suspend' | 'extend' | 'decide';
  year: number;
  serial: number;
  noticeNo: string;
  issuedAt: Timestamp;
  content: Json<unknown>;
};

export type LicenseTable = {
  id: string;
  regionCode: string;
  typeCode: string;
  typeName: string;
  holderApplicantId: string;
  holderName: string;
  holderIdMasked: string;
  issuerDepartmentId: string;
  issuerName: string;
  issuerCreditCode: string;
  serial: string;
  validFrom: string;
  validUntil: string | null;
  status: Generated<'valid' | 'revoked' | 'expired'>;
  caseId: string;
  issuedAt: Timestamp;
  verifyToken: string;
};

export type CaseLicenseTypeTable = {
  itemId: string;
  regionCode: string;
  typeCode: string;
  typeName: string;
  validYears: number | null;
};

export type CaseNoCounterTable = { regionCode: string; day: string; last: number };
export type CaseSequenceTable = { regionCode: string; name: string; last: number };
export type IdempotencyKeyTable = {
  scope: string;
  key: string;
  response: ColumnType<unknown, string | null, string | null>;
  createdAt: DefaultTimestamp;
};

export type CaseDraftTable = {
  id: Generated<string>;
  regionCode: string;
  tokenHash: string;
  itemId: string;
  data: Json<unknown>;
  files: Json<unknown>;
  caseId: string | null;
  createdAt: DefaultTimestamp;
  updatedAt: DefaultTimestamp;
};

export type CaseTables = {
  applicant: ApplicantTable;
  serviceCase: ServiceCaseTable;
  caseEvent: CaseEventTable;
  caseMaterial: CaseMaterialTable;
  caseNotice: CaseNoticeTable;
  license: LicenseTable;
  caseLicenseType: CaseLicenseTypeTable;
  caseNoCounter: CaseNoCounterTable;
  caseSequence: CaseSequenceTable;
  idempotencyKey: IdempotencyKeyTable;
  caseDraft: CaseDraftTable;
};
