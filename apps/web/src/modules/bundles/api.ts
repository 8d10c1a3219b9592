import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BundleChoice,
  Applicant,
  BundleDefinition,
  BundleDefinitionInputRaw,
  BundleDefinitionList,
  CatalogItemSummary,
  BundleDeliver,
  BundleDetail,
  BundleExtensionDecide,
  BundleExtensionRequest,
  BundleFigures,
  BundleGuide,
  BundleIntakeRaw,
  BundleLicenseVerification,
  BundleList,
  BundleOnlineApply,
  BundleOnlineResult,
  BundlePublicChoice,
  BundleSupplementUpload,
  BundleTrackInput,
  BundleTrackResult,
} from '@tongban/contracts';
import { apiRequest } from '../../app/api-client';

/** Calls of the bundles API (apps/server/src/modules/bundles/bundles.routes.ts). */
const seg = encodeURIComponent;

export const useBundleDefinitions = () =>
  useQuery({
    queryKey: ['bundles', 'definitions'],
    queryFn: () => apiRequest<BundleDefinitionList>('/api/bundles/definitions'),
  });
export const usePublicBundleDefinitions = () =>
  useQuery({
    queryKey: ['bundles', 'public-definitions'],
    queryFn: () => apiRequest<BundleDefinitionList>('/api/public/bundles/definitions'),
  });
export const useBundleGuide = (id: string) =>
  useQuery({
    queryKey: ['bundles', 'guide', id],
    queryFn: () => apiRequest<BundleGuide>(`/api/public/bundles/definitions/${seg(id)}/guide`),
  });
export const guideDocxUrl = (id: string) => `/api/public/bundles/definitions/${seg(id)}/guide.docx`;

export const useBundles = () =>
  useQuery({
    queryKey: ['bundles', 'list'],
    queryFn: () => apiRequest<BundleList>('/api/bundles?limit=100'),
  });
export const useBundle = (id: string) =>
  useQuery({
    queryKey: ['bundles', 'detail', id],
    queryFn: () => apiRequest<BundleDetail>(`/api/bundles/${seg(id)}`),
  });
export const useBundleFigures = (enabled: boolean) =>
  useQuery({
    queryKey: ['bundles', 'figures'],
    enabled,
    queryFn: () => apiRequest<BundleFigures>('/api/bundles/figures'),
  });

export function useBundleAction<B>(id: string, path: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: B) =>
      apiRequest<BundleDetail>(`/api/bundles/${seg(id)}/${path}`, { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['bundles'] }),
  });
}
export type DeliverBody = BundleDeliver;
export type ChoiceBody = BundleChoice;
export type ExtensionBody = BundleExtensionRequest;
export type ExtensionDecisionBody = BundleExtensionDecide;

export const intakeBundle = (body: BundleIntakeRaw) =>
  apiRequest<{ bundleId: string; bundleNo: string; queryCode: string }>('/api/bundles', {
    method: 'POST',
    body,
  });
export const applyBundleOnline = (body: BundleOnlineApply) =>
  apiRequest<BundleOnlineResult>('/api/public/bundles', { method: 'POST', body });
export const trackBundle = (body: BundleTrackInput) =>
  apiRequest<BundleTrackResult>('/api/public/bundles/track', { method: 'POST', body });
export const uploadBundleSupplement = (body: BundleSupplementUpload) =>
  apiRequest<BundleTrackResult>('/api/public/bundles/supplement', { method: 'POST', body });
export const chooseBundleOnline = (body: BundlePublicChoice) =>
  apiRequest<{ ok: boolean }>('/api/public/bundles/choice', { method: 'POST', body });
export const verifyBundleLicense = (token: string) =>
  apiRequest<BundleLicenseVerification>(`/api/public/bundles/licenses/${seg(token)}`);

// ── Definitions (一件事主题) ──
/** The region's published catalog items, to compose a theme from (GET /api/catalog/items). */
export const usePublishedCatalogItems = () =>
  useQuery({
    queryKey: ['bundles', 'catalog-items'],
    queryFn: () =>
      apiRequest<{ items: CatalogItemSummary[] }>('/api/catalog/items?status=published&pageSize=100'),
  });
export const saveBundleDefinition = (body: BundleDefinitionInputRaw) =>
  apiRequest<BundleDefinition>('/api/bundles/definitions', { method: 'POST', body });
export const publishBundleDefinition = (versionId: string) =>
  apiRequest<BundleDefinition>(`/api/bundles/definitions/${seg(versionId)}/publish`, {
    method: 'POST',
    body: {},
  });
/** The window finds the applicant by number (POST /api/applicants/lookup; never in a URL). */
export const lookupApplicant = (idNumber: string) =>
  apiRequest<{ items: Applicant[] }>('/api/applicants/lookup', { method: 'POST', body: { idNumber } });
