import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  IdReply,
  LedgerDraftSaved,
  LedgerFindingDetail,
  LedgerImportResult,
  LedgerInspection,
  LedgerInspectionDetail,
  LedgerInspectionSummary,
  LedgerMeasureDetail,
  LedgerProgress,
  LedgerPublicFeedback,
  LedgerRevisit,
  PublicFeedbackReceipt,
  ReportModel,
  AccountabilityInput,
  FindingInput,
  InspectionPatch,
  LedgerDashboard,
  LedgerDraft,
  LedgerRow,
  LedgerSheetImportResult,
  LedgerViewQuery,
  MeasureInput,
  MeasurePatch,
  ProgressInput,
  PublicFeedbackInput,
  RecoveryInput,
  LeadInput,
  RegulationInput,
} from '@tongban/contracts';
import { apiRequest, apiUpload } from '../../app/api-client';

/** Reply shapes declared in packages/contracts (the routes' reply schemas; wire shapes). */
export type {
  FindingStatus,
  ReportModel,
  ReportNumbers,
  NumberedCategory,
  UnplacedLine,
  ParsedOutline,
} from '@tongban/contracts';
export type InspectionSummary = LedgerInspectionSummary;
export type Inspection = LedgerInspection;
export type ProgressEntry = LedgerProgress;
export type Revisit = LedgerRevisit;
export type MeasureDetail = LedgerMeasureDetail;
export type FindingDetail = LedgerFindingDetail;
export type InspectionDetail = LedgerInspectionDetail;
export type ImportResult = LedgerImportResult;
export type SaveDraftResult = LedgerDraftSaved;
export type PublicFeedback = LedgerPublicFeedback;

type Items<T> = { items: T[] };

export const ledgerKeys = {
  all: ['ledger'] as const,
  inspections: ['ledger', 'inspections'] as const,
  detail: (id: string) => ['ledger', 'detail', id] as const,
  rows: (query: LedgerViewQuery) => ['ledger', 'rows', query] as const,
  mine: ['ledger', 'mine'] as const,
  report: (id: string) => ['ledger', 'report', id] as const,
  feedback: (id: string) => ['ledger', 'feedback', id] as const,
  publicReport: (id: string) => ['public', 'report', id] as const,
  dashboard: (id: string) => ['ledger', 'dashboard', id] as const,
};

const enc = encodeURIComponent;

function toQuery(query: LedgerViewQuery): string {
  const entries = Object.entries(query).filter(([, v]) => v !== undefined && v !== '');
  return entries.length ? `?${new URLSearchParams(entries as [string, string][]).toString()}` : '';
}

export const useInspections = () =>
  useQuery({
    queryKey: ledgerKeys.inspections,
    queryFn: async () => (await apiRequest<Items<InspectionSummary>>('/api/ledger/inspections')).items,
  });

export const useInspectionDetail = (id: string | undefined) =>
  useQuery({
    queryKey: ledgerKeys.detail(id ?? ''),
    queryFn: () => apiRequest<InspectionDetail>(`/api/ledger/inspections/${enc(id!)}`),
    enabled: !!id,
  });

export const useLedgerRows = (query: LedgerViewQuery, enabled = true) =>
  useQuery({
    queryKey: ledgerKeys.rows(query),
    queryFn: async () => (await apiRequest<Items<LedgerRow>>(`/api/ledger/measures${toQuery(query)}`)).items,
    enabled,
    placeholderData: (previous) => previous,
  });

export const useMyMeasures = () =>
  useQuery({
    queryKey: ledgerKeys.mine,
    queryFn: async () => (await apiRequest<Items<LedgerRow>>('/api/ledger/my-measures')).items,
  });

export const useReport = (id: string | undefined) =>
  useQuery({
    queryKey: ledgerKeys.report(id ?? ''),
    queryFn: () => apiRequest<ReportModel>(`/api/ledger/inspections/${enc(id!)}/report`),
    enabled: !!id,
  });

export const usePublicFeedbackList = (id: string | undefined, enabled: boolean) =>
  useQuery({
    queryKey: ledgerKeys.feedback(id ?? ''),
    queryFn: async () =>
      (await apiRequest<Items<PublicFeedback>>(`/api/ledger/inspections/${enc(id!)}/feedback`)).items,
    enabled: !!id && enabled,
  });

export const usePublicReport = (id: string) =>
  useQuery({
    queryKey: ledgerKeys.publicReport(id),
    queryFn: () => apiRequest<ReportModel>(`/api/public/reports/${enc(id)}`),
    // The page shows "not published" itself.
    meta: { silent: true },
  });

/** 整改看板, computed by the server from the records at request time (TRUTH-1). */
export const useDashboard = (id: string | undefined) =>
  useQuery({
    queryKey: ledgerKeys.dashboard(id ?? ''),
    queryFn: () => apiRequest<LedgerDashboard>(`/api/ledger/inspections/${enc(id!)}/dashboard`),
    enabled: !!id,
  });

export const ledgerXlsxUrl = (id: string) => `/api/ledger/inspections/${enc(id)}/ledger.xlsx`;
export const reportDocxUrl = (id: string) => `/api/ledger/inspections/${enc(id)}/report.docx`;
export const evidenceFileUrl = (sha256: string) => `/files/${enc(sha256)}`;

/** Any change to a measure changes the ledger, the detail, "my measures" and the report numbers. */
function useLedgerMutation<V, R>(fn: (vars: V) => Promise<R>, silent = false) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: ledgerKeys.all }),
    ...(silent ? { meta: { silent: true } } : {}),
  });
}

export type ProgressVars = { measureId: string; input: ProgressInput; file?: File };

/** 添加进展: a JSON entry, or multipart with one evidence file. The dialog shows refusals itself. */
export const useAddProgress = () =>
  useLedgerMutation(({ measureId, input, file }: ProgressVars) => {
    if (!file)
      return apiRequest(`/api/ledger/measures/${enc(measureId)}/progress`, { method: 'POST', body: input });
    const form = new FormData();
    form.set('date', input.date);
    form.set('text', input.text);
    if (input.evidenceText) form.set('evidenceText', input.evidenceText);
    form.set('requestSignoff', input.requestSignoff ? 'true' : 'false');
    form.set('file', file, file.name);
    return apiUpload(`/api/ledger/measures/${enc(measureId)}/evidence`, form);
  }, true);

/** 销号 (REC-1, SOD-2): the server's refusal is shown in the dialog. */
export const useSignOff = () =>
  useLedgerMutation(
    ({ measureId, comment }: { measureId: string; comment?: string }) =>
      apiRequest(`/api/ledger/measures/${enc(measureId)}/signoff`, {
        method: 'POST',
        body: comment ? { comment } : {},
      }),
    true,
  );

/** 回头看 on a measure or on a whole finding. */
export const useReopen = () =>
  useLedgerMutation(
    ({ target, id, reason }: { target: 'measure' | 'finding'; id: string; reason: string }) =>
      apiRequest(`/api/ledger/${target === 'measure' ? 'measures' : 'findings'}/${enc(id)}/reopen`, {
        method: 'POST',
        body: { reason },
      }),
    true,
  );

export const useUpdateMeasure = () =>
  useLedgerMutation(
    ({ measureId, patch }: { measureId: string; patch: MeasurePatch }) =>
      apiRequest(`/api/ledger/measures/${enc(measureId)}`, { method: 'PATCH', body: patch }),
    true,
  );

export const useUpdateInspection = () =>
  useLedgerMutation(({ id, patch }: { id: string; patch: InspectionPatch }) =>
    apiRequest(`/api/ledger/inspections/${enc(id)}`, { method: 'PATCH', body: patch }),
  );

/** 问责, 建章立制, 追缴/退还 and 新增问题 on a saved inspection; the dialog shows refusals itself. */
export const useAddToInspection = () =>
  useLedgerMutation(
    ({
      inspectionId,
      what,
      body,
    }:
      | { inspectionId: string; what: 'accountability'; body: AccountabilityInput }
      | { inspectionId: string; what: 'regulations'; body: RegulationInput }
      | { inspectionId: string; what: 'recoveries'; body: RecoveryInput }
      | { inspectionId: string; what: 'leads'; body: LeadInput }
      | { inspectionId: string; what: 'findings'; body: FindingInput }) =>
      apiRequest<{ id: string }>(`/api/ledger/inspections/${enc(inspectionId)}/${what}`, {
        method: 'POST',
        body,
      }),
    true,
  );

/** 新增措施 on a saved finding. */
export const useAddMeasure = () =>
  useLedgerMutation(
    ({ findingId, body }: { findingId: string; body: MeasureInput }) =>
      apiRequest<{ id: string }>(`/api/ledger/findings/${enc(findingId)}/measures`, { method: 'POST', body }),
    true,
  );

/** Deletes a finding or measure still in draft; one with a record is refused (409, in Chinese). */
export const useDeleteLedgerItem = () =>
  useLedgerMutation(({ what, id }: { what: 'findings' | 'measures'; id: string }) =>
    apiRequest<IdReply>(`/api/ledger/${what}/${enc(id)}`, { method: 'DELETE' }),
  );

/** Parsing saves nothing; the page shows the parse errors itself. */
export const useImportText = () =>
  useMutation({
    mutationFn: (text: string) =>
      apiRequest<ImportResult>('/api/ledger/import/text', { method: 'POST', body: { text } }),
    meta: { silent: true },
  });

export const useImportDocx = () =>
  useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.set('file', file, file.name);
      return apiUpload<ImportResult>('/api/ledger/import/docx', form);
    },
    meta: { silent: true },
  });

/** 从 .xlsx 导入: all or nothing; the dialog lists the bad rows ({row, reason}) itself. */
export const useImportSheet = () =>
  useLedgerMutation(({ inspectionId, file }: { inspectionId: string; file: File }) => {
    const form = new FormData();
    form.set('file', file, file.name);
    return apiUpload<LedgerSheetImportResult>(
      `/api/ledger/inspections/${enc(inspectionId)}/import.xlsx`,
      form,
    );
  }, true);

export const useSaveDraft = () =>
  useLedgerMutation(
    (draft: LedgerDraft) =>
      apiRequest<SaveDraftResult>('/api/ledger/drafts', { method: 'POST', body: draft }),
    true,
  );

export const useSubmitPublicFeedback = (inspectionId: string) =>
  useMutation({
    mutationFn: (input: PublicFeedbackInput) =>
      apiRequest<PublicFeedbackReceipt>(`/api/public/reports/${enc(inspectionId)}/feedback`, {
        method: 'POST',
        body: input,
      }),
    meta: { silent: true },
  });
