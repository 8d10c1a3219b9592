import type { Selectable } from 'kysely';
import type * as G from './db-types.generated';

// Table types for Kysely (camelCase here, snake_case in SQL through platform/camel-case.ts), generated
// from the migrations into db-types.generated.ts by `npm run db:types`; CI fails when it is stale
// (`npm run check:db-types`). This file only gives them the names the code uses.

export type DB = G.DB;

export type ApplicantTable = G.Applicant;
export type AppUserTable = G.AppUser;
export type AuditCheckpointTable = G.AuditCheckpoint;
export type AuditHeadTable = G.AuditHead;
export type AuditLogTable = G.AuditLog;
export type CalendarRevisionTable = G.CalendarRevision;
export type CaseDraftTable = G.CaseDraft;
export type CaseEventTable = G.CaseEvent;
export type CaseLicenseTypeTable = G.CaseLicenseType;
export type CaseMaterialTable = G.CaseMaterial;
export type CaseNoCounterTable = G.CaseNoCounter;
export type CaseNoticeTable = G.CaseNotice;
export type CaseSequenceTable = G.CaseSequence;
export type CatalogItemTable = G.CatalogItem;
export type CatalogItemVersionTable = G.CatalogItemVersion;
export type CatalogMaterialTable = G.CatalogMaterial;
export type CatalogRevisionTable = G.CatalogRevision;
export type DepartmentTable = G.Department;
export type HallTable = G.Hall;
export type HallWindowTable = G.HallWindow;
export type IdempotencyKeyTable = G.IdempotencyKey;
export type InboxItemTable = G.InboxItem;
export type LedgerAccountabilityTable = G.LedgerAccountability;
export type LedgerCategoryTable = G.LedgerCategory;
export type LedgerFindingTable = G.LedgerFinding;
export type LedgerInspectionTable = G.LedgerInspection;
export type LedgerMeasureTable = G.LedgerMeasure;
export type LedgerProgressTable = G.LedgerProgress;
export type LedgerPublicFeedbackTable = G.LedgerPublicFeedback;
export type LedgerRecoveryTable = G.LedgerRecovery;
export type LedgerRegulationTable = G.LedgerRegulation;
export type LedgerRegulationFindingTable = G.LedgerRegulationFinding;
export type LedgerRevisitTable = G.LedgerRevisit;
export type LicenseTable = G.License;
export type LocalDayTable = G.LocalDay;
export type LoginThrottleTable = G.LoginThrottle;
export type NationalDayTable = G.NationalDay;
export type OutboxMessageTable = G.OutboxMessage;
export type RegionTable = G.Region;
export type ServiceCaseTable = G.ServiceCase;
export type StaffTable = G.Staff;
export type StoredFileTable = G.StoredFile;
export type StoredFileOwnerTable = G.StoredFileOwner;
export type UserSessionTable = G.UserSession;

// ── supervision ──

// ── evaluations ──
export type EvalAppealTable = G.EvalAppeal;
export type EvalBadReviewTable = G.EvalBadReview;
export type EvalBadReviewStepTable = G.EvalBadReviewStep;
export type EvalFlagTable = G.EvalFlag;
export type EvalPadTable = G.EvalPad;
export type EvalRatingTable = G.EvalRating;
export type EvalSettingTable = G.EvalSetting;
export type EvalSmsLinkTable = G.EvalSmsLink;
export type EvalVisitTable = G.EvalVisit;

// ── complaints ──

// ── hall ──

// ── bundles ──

// ── trading ──

// ── intermediaries ──

export type AppUserRow = Selectable<G.AppUser>;
export type AuditCheckpointRow = Selectable<G.AuditCheckpoint>;
export type AuditLogRow = Selectable<G.AuditLog>;
export type OutboxMessageRow = Selectable<G.OutboxMessage>;
