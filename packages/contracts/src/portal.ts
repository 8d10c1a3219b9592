import { z } from 'zod';
import {
  ApplicantInput,
  CaseClockSummary,
  CaseNotice,
  CaseStatus,
  DeliveryMethod,
  PersonApplicantInput,
} from './cases';
import { Instant } from './reply';

/**
 * POST /api/public/drafts/:token/check — what an online application still lacks before it is
 * submitted. SEC-1/SEC-2: a material an e-license could cover is listed as satisfied only when the
 * identity given (number and name) holds that license; every other reason (no such person, another
 * name, no license, expired) answers with the same entry, so nothing tells which licenses anyone holds.
 */
export const OnlineMaterialCheckInput = z.strictObject({
  applicant: ApplicantInput,
  agent: PersonApplicantInput.nullable().default(null),
});
export type OnlineMaterialCheckInput = z.infer<typeof OnlineMaterialCheckInput>;

export const OnlineMaterialGapReason = z.enum(['not_uploaded', 'license_unavailable']);
export type OnlineMaterialGapReason = z.infer<typeof OnlineMaterialGapReason>;
export const ONLINE_MATERIAL_GAP_LABELS: Record<OnlineMaterialGapReason, string> = {
  not_uploaded: '必要材料，尚未上传',
  license_unavailable: '未能从电子证照调取该材料，请上传',
};

export const OnlineMaterialCheck = z.object({
  missing: z.array(z.object({ name: z.string(), reason: OnlineMaterialGapReason, message: z.string() })),
  fromLicense: z.array(z.string()),
});
export type OnlineMaterialCheck = z.infer<typeof OnlineMaterialCheck>;

/** The reply to an online supplement (补正) upload: the case's new status. */
export const OnlineSupplementResult = z.object({
  caseNo: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  received: z.array(z.string()),
});
export type OnlineSupplementResult = z.infer<typeof OnlineSupplementResult>;

/** GET /api/my/cases — a signed-in applicant's home (issue 14, point 5): their region and cases. */
export const MyCase = z.object({
  id: z.string(),
  caseNo: z.string(),
  /** For the holder only: opens the case on /track (passed in page state, never in a URL). */
  queryCode: z.string(),
  itemName: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  receivedAt: z.string().nullable(),
  notices: z.array(
    z.object({ kind: z.string(), kindLabel: z.string(), noticeNo: z.string(), issuedAt: z.string() }),
  ),
  license: z.object({ typeName: z.string(), verifyToken: z.string() }).nullable(),
});
export type MyCase = z.infer<typeof MyCase>;
export const MyCases = z.object({ regionCode: z.string(), regionName: z.string(), items: z.array(MyCase) });
export type MyCases = z.infer<typeof MyCases>;

/** A material uploaded to an online draft (by content hash). */
export const OnlineDraftFile = z.object({
  materialName: z.string(),
  sha256: z.string(),
  name: z.string(),
  mediaType: z.string(),
  size: z.number(),
});
export type OnlineDraftFile = z.infer<typeof OnlineDraftFile>;

/** `GET`/`PUT /api/public/drafts/:token` and an upload to it: the draft as saved. */
export const OnlineDraft = z.object({
  itemId: z.string(),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  files: z.array(OnlineDraftFile),
  submittedCaseNo: z.string().nullable(),
  updatedAt: Instant,
});
export type OnlineDraft = z.input<typeof OnlineDraft>;

/** `POST /api/public/drafts`: the draft and its token (the applicant's only way back to it). */
export const OnlineDraftCreated = z.object({ token: z.string(), draft: OnlineDraft });
export type OnlineDraftCreated = z.input<typeof OnlineDraftCreated>;

/** `POST /api/public/cases/track`: a case's progress as its applicant sees it (SEC-2: by 查询码). */
export const CaseTrack = z.object({
  caseNo: z.string(),
  itemName: z.string(),
  departmentName: z.string(),
  status: CaseStatus,
  statusLabel: z.string(),
  stepName: z.string().nullable(),
  receivedAt: Instant.nullable(),
  clock: CaseClockSummary.nullable(),
  visits: z.number(),
  maxVisits: z.number().nullable(),
  suspended: z.boolean(),
  delivery: z.object({ method: DeliveryMethod, trackingNo: z.string().nullable() }).nullable(),
  notices: z.array(CaseNotice),
  licenseId: z.string().nullable(),
  /** SEC-2: the license is verified publicly by this token (/verify/{token}), never by its id. */
  licenseVerifyToken: z.string().nullable(),
});
export type CaseTrack = z.input<typeof CaseTrack>;
