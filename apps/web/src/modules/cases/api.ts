import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Applicant,
  CaseTrack,
  OnlineDraft,
  OnlineDraftCreated,
  OnlineDraftFile,
  RefusedCase,
  ApplicantInput,
  CaseCreateInput,
  CaseDetail,
  CaseNotice,
  CaseStatus,
  IntakePreview,
  CaseSummary,
  ClockState,
  LicenseVerification,
  OnlineMaterialCheck,
  OnlineSupplementResult,
  PersonApplicantInput,
  PublicSubmitResult,
  SessionInfo,
  TransferCandidate,
  OverdueReply,
} from '@tongban/contracts';
import { CSRF_HEADER } from '@tongban/contracts';
import { ApiError, apiRequest, apiUpload, csrfHeaders } from '../../app/api-client';

/** Replies and calls of the cases API (docs/api-cases.md, apps/server/src/modules/cases/cases.routes.ts). */

const seg = encodeURIComponent;

export type CaseFilters = {
  status?: CaseStatus;
  queue?: 'review' | 'mine' | 'extension' | 'intake';
  departmentId?: string;
  clock?: ClockState;
  q?: string;
};

/** Reply shapes declared in packages/contracts (wire shapes of the routes' reply schemas). */
export type { RefusedCase } from '@tongban/contracts';
export type DraftFile = OnlineDraftFile;
export type Draft = OnlineDraft;
export type TrackReply = CaseTrack;

export type SubmitReply = PublicSubmitResult;

function query(params: Record<string, string | undefined>): string {
  const entries = Object.entries(params).filter((e): e is [string, string] => !!e[1]);
  return new URLSearchParams(entries).toString();
}

export const casesKeys = {
  all: ['cases'] as const,
  list: (f: CaseFilters) => ['cases', 'list', f] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  overdue: (departmentId?: string) => ['cases', 'overdue', departmentId ?? ''] as const,
  refused: ['cases', 'refused'] as const,
  transferCandidates: (id: string) => ['cases', 'transfer-candidates', id] as const,
};

export const useCases = (f: CaseFilters, enabled = true) =>
  useQuery({
    queryKey: casesKeys.list(f),
    queryFn: () => apiRequest<{ items: CaseSummary[] }>(`/api/cases?${query({ ...f, limit: '500' })}`),
    placeholderData: (previous) => previous,
    enabled,
  });

export const useCase = (id: string) =>
  useQuery({
    queryKey: casesKeys.detail(id),
    queryFn: () => apiRequest<CaseDetail>(`/api/cases/${seg(id)}`),
    enabled: !!id,
    // A case page acts on the version it shows: read it afresh whenever a page opens it (a cached copy
    // from earlier would make the first action a 409), while the cache still shows it meanwhile.
    refetchOnMount: 'always',
  });

export const useOverdue = (departmentId?: string) =>
  useQuery({
    queryKey: casesKeys.overdue(departmentId),
    queryFn: () => apiRequest<OverdueReply>(`/api/cases/overdue?${query({ departmentId })}`),
  });

export const useRefused = () =>
  useQuery({
    queryKey: casesKeys.refused,
    queryFn: () => apiRequest<{ items: RefusedCase[] }>('/api/cases/refused'),
  });

/** 转办: the approvers and the head of the case's department, read afresh each time the dialog opens. */
export const useTransferCandidates = (caseId: string) =>
  useQuery({
    queryKey: casesKeys.transferCandidates(caseId),
    queryFn: () =>
      apiRequest<{ items: TransferCandidate[] }>(`/api/cases/${seg(caseId)}/transfer-candidates`),
    enabled: !!caseId,
    refetchOnMount: 'always',
    // The dialog shows a failure itself.
    meta: { silent: true },
  });

export const fetchNotice = (caseId: string, noticeId: string) =>
  apiRequest<CaseNotice>(`/api/cases/${seg(caseId)}/notices/${seg(noticeId)}`);

export const noticeDocxUrl = (caseId: string, noticeId: string) =>
  `/api/cases/${seg(caseId)}/notices/${seg(noticeId)}/docx`;

// The identity number goes in the body, never in a URL (issue 12 point 7).
export const findApplicant = (idNumber: string) =>
  apiRequest<{ items: Applicant[] }>('/api/applicants/lookup', { method: 'POST', body: { idNumber } });

export const createApplicant = (input: ApplicantInput) =>
  apiRequest<Applicant>('/api/applicants', { method: 'POST', body: input });

/**
 * Creating a case with an Idempotency-Key, so a double click makes one case. The shared client takes
 * no extra headers, so this call sends its own, with the session's CSRF token from /api/auth/me.
 */
/** Issue 14 point 7: the materials as the case would record them; creates nothing. */
export const previewIntake = (input: CaseCreateInput) =>
  apiRequest<IntakePreview>('/api/cases/intake-preview', { method: 'POST', body: input });

export async function createCase(input: CaseCreateInput, idempotencyKey: string): Promise<CaseDetail> {
  const res = await fetch('/api/cases', {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      'content-type': 'application/json',
      'idempotency-key': idempotencyKey,
      [CSRF_HEADER]: (await apiRequest<SessionInfo>('/api/auth/me')).csrfToken,
    },
    body: JSON.stringify(input),
  });
  return readJson<CaseDetail>(res);
}

async function readJson<T>(res: Response): Promise<T> {
  const text = await res.text();
  const body: unknown = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const b = (body ?? {}) as { code?: string; message?: string; details?: unknown };
    throw new ApiError(
      res.status,
      b.code ?? `HTTP_${res.status}`,
      b.message ?? `请求失败（${res.status}）`,
      b.details,
    );
  }
  return body as T;
}

/** A transition: POST /api/cases/:id/<name> with the case version; replies the summary. */
export type TransitionVars = {
  id: string;
  name: string;
  body: Record<string, unknown> & { version: number };
};

export function useTransition() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, name, body }: TransitionVars) =>
      apiRequest<CaseSummary>(`/api/cases/${seg(id)}/${name}`, { method: 'POST', body }),
    onSettled: async (_d, _e, v) => {
      // A refusal (409 stale, 403 SOD-1 …) still means the shown case may be out of date.
      await qc.invalidateQueries({ queryKey: casesKeys.detail(v.id) });
      await qc.invalidateQueries({ queryKey: ['cases', 'list'] });
    },
    // The dialogs show the server's Chinese refusal themselves.
    meta: { silent: true },
  });
}

// ── Public (no sign-in) ──────────────────────────────────────────────────

export const useLicenseVerification = (token: string) =>
  useQuery({
    queryKey: ['public', 'license', token],
    queryFn: () => apiRequest<LicenseVerification>(`/api/public/licenses/${seg(token)}`),
    enabled: !!token,
    meta: { silent: true },
  });

export const createDraft = (itemId: string, data: Draft['data']) =>
  apiRequest<OnlineDraftCreated>('/api/public/drafts', {
    method: 'POST',
    body: { itemId, data },
  });
export const saveDraft = (token: string, itemId: string, data: Draft['data']) =>
  apiRequest<Draft>(`/api/public/drafts/${seg(token)}`, { method: 'PUT', body: { itemId, data } });
export const getDraft = (token: string) => apiRequest<Draft>(`/api/public/drafts/${seg(token)}`);
export function uploadDraftMaterial(token: string, materialName: string, file: File) {
  const form = new FormData();
  // The server reads materialName before the file.
  form.append('materialName', materialName);
  form.append('file', file);
  return apiUpload<Draft>(`/api/public/drafts/${seg(token)}/materials`, form);
}

export async function submitOnline(
  body: { draftToken: string; applicant: ApplicantInput; agent: PersonApplicantInput | null },
  idempotencyKey: string,
): Promise<SubmitReply> {
  const res = await fetch('/api/public/cases', {
    method: 'POST',
    headers: {
      accept: 'application/json',
      'content-type': 'application/json',
      'idempotency-key': idempotencyKey,
      ...csrfHeaders(),
    },
    body: JSON.stringify(body),
  });
  return readJson<SubmitReply>(res);
}

/** What a draft still lacks for the identity typed (issue 14, point 2): asked before submission. */
export const checkDraftMaterials = (token: string, applicant: ApplicantInput) =>
  apiRequest<OnlineMaterialCheck>(`/api/public/drafts/${seg(token)}/check`, {
    method: 'POST',
    body: { applicant, agent: null },
  });

/** 网上补正 (issue 14, point 3): every file the notice asks for, with the case number and 查询码. */
export function uploadSupplement(
  caseNo: string,
  queryCode: string,
  files: { materialName: string; file: File }[],
) {
  const form = new FormData();
  // The server reads the credentials first, then each materialName before its file.
  form.append('caseNo', caseNo);
  form.append('queryCode', queryCode);
  for (const f of files) {
    form.append('materialName', f.materialName);
    form.append('file', f.file);
  }
  return apiUpload<OnlineSupplementResult>('/api/public/cases/track/supplement', form);
}

/** SEC-2: public tracking by case number + 查询码 (from the receipt or the online submission). */
export const trackCase = (caseNo: string, queryCode: string) =>
  apiRequest<TrackReply>('/api/public/cases/track', { method: 'POST', body: { caseNo, queryCode } });

/** The notice as .docx for the applicant (POST with case number + 查询码), saved as a file. */
export async function downloadTrackedNotice(
  caseNo: string,
  queryCode: string,
  noticeId: string,
  fileName: string,
) {
  const res = await fetch('/api/public/cases/track/notice-docx', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...csrfHeaders() },
    body: JSON.stringify({ caseNo, queryCode, noticeId }),
  });
  if (!res.ok) await readJson(res);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(url);
}
