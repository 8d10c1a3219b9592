import { z } from 'zod';
import { ApplicantInput, PersonApplicantInput } from './cases';

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
