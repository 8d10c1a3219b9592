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
export type SupervisionCaseFactTable = G.SupervisionCaseFact;
export type SupervisionClockTable = G.SupervisionClock;
export type SupervisionEscalationTable = G.SupervisionEscalation;
export type SupervisionItemThresholdTable = G.SupervisionItemThreshold;
export type SupervisionJobStateTable = G.SupervisionJobState;
export type SupervisionOrderTable = G.SupervisionOrder;
export type SupervisionRollupTable = G.SupervisionRollup;

// ── evaluations ──
export type EvalAppealTable = G.EvalAppeal;
export type EvalBadReviewTable = G.EvalBadReview;
export type EvalBadReviewStepTable = G.EvalBadReviewStep;
export type EvalFlagTable = G.EvalFlag;
export type EvalPadTable = G.EvalPad;
export type EvalRatingTable = G.EvalRating;
export type EvalRatingDayTable = G.EvalRatingDay;
export type EvalSettingTable = G.EvalSetting;
export type EvalSmsLinkTable = G.EvalSmsLink;
export type EvalVisitTable = G.EvalVisit;

// ── complaints ──
export type ComplaintTable = G.Complaint;
export type ComplaintCatalogRuleTable = G.ComplaintCatalogRule;
export type ComplaintCatalogVersionTable = G.ComplaintCatalogVersion;
export type ComplaintCounterTable = G.ComplaintCounter;
export type ComplaintEventTable = G.ComplaintEvent;
export type ComplaintHoldingTable = G.ComplaintHolding;
export type ComplaintSettingTable = G.ComplaintSetting;

// ── hall ──
export type HallAppointmentTable = G.HallAppointment;
export type HallInspectionNoticeTable = G.HallInspectionNotice;
export type HallItemGroupTable = G.HallItemGroup;
export type HallNoticeEventTable = G.HallNoticeEvent;
export type HallPatrolTable = G.HallPatrol;
export type HallPatrolProblemTable = G.HallPatrolProblem;
export type HallPersonTable = G.HallPerson;
export type HallPresenceTable = G.HallPresence;
export type HallSettingTable = G.HallSetting;
export type HallSlotTable = G.HallSlot;
export type HallTicketTable = G.HallTicket;
export type HallTicketCounterTable = G.HallTicketCounter;
export type HallTicketEventTable = G.HallTicketEvent;
export type HallWindowGroupTable = G.HallWindowGroup;
export type HallWindowSwitchTable = G.HallWindowSwitch;

// ── bundles ──
export type BundleBranchRow = Selectable<G.BundleBranch>;
export type BundleCaseRow = Selectable<G.BundleCase>;
export type BundleCounterRow = Selectable<G.BundleCounter>;
export type BundleDefinitionRow = Selectable<G.BundleDefinition>;
export type BundleDefinitionItemRow = Selectable<G.BundleDefinitionItem>;
export type BundleDefinitionVersionRow = Selectable<G.BundleDefinitionVersion>;
export type BundleEventRow = Selectable<G.BundleEvent>;
export type BundleFormFieldRow = Selectable<G.BundleFormField>;
export type BundleLicenseRow = Selectable<G.BundleLicense>;
export type BundleMaterialRow = Selectable<G.BundleMaterial>;

// ── trading ──
export type TradingBidderTable = G.TradingBidder;
export type TradingDepositTable = G.TradingDeposit;
export type TradingComplaintTable = G.TradingComplaint;
export type TradingDrawTable = G.TradingDraw;
export type TradingExpertTable = G.TradingExpert;
export type TradingExpertRelationTable = G.TradingExpertRelation;
export type TradingOffplatformDeclarationTable = G.TradingOffplatformDeclaration;
export type TradingPanelMemberTable = G.TradingPanelMember;
export type TradingProjectTable = G.TradingProject;
export type TradingProjectEntryTable = G.TradingProjectEntry;
export type TradingRoomBookingTable = G.TradingRoomBooking;

// ── intermediaries ──
export type IntermediaryTable = G.Intermediary;
export type IntermediaryComplaintTable = G.IntermediaryComplaint;
export type IntermediaryItemLinkTable = G.IntermediaryItemLink;
export type IntermediaryPurchaseTable = G.IntermediaryPurchase;
export type IntermediaryQuoteTable = G.IntermediaryQuote;
export type IntermediaryRuleTable = G.IntermediaryRule;

// ── reviews ──
export type ReviewPlanTable = G.ReviewPlan;
export type ReviewFileTable = G.ReviewFile;
export type ReviewSchemeTable = G.ReviewScheme;
export type ReviewAssessmentTable = G.ReviewAssessment;
export type ReviewRuleSettingTable = G.ReviewRuleSetting;
export type ReviewAutoFindingTable = G.ReviewAutoFinding;

export type AppUserRow = Selectable<G.AppUser>;
export type AuditCheckpointRow = Selectable<G.AuditCheckpoint>;
export type AuditLogRow = Selectable<G.AuditLog>;
export type OutboxMessageRow = Selectable<G.OutboxMessage>;
