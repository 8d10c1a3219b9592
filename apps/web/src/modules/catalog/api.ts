import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CatalogContent,
  CatalogImportResult,
  CatalogItemDetail,
  CatalogItemHistory,
  Page,
  PublicGuide,
  CatalogDiff,
  CatalogFigures,
  CatalogImportProblem,
  CatalogItemCreateInput,
  CatalogItemSummary,
  CatalogPublicHit,
  CatalogVersion,
  GuideLang,
  ItemType,
  OnlineLevel,
} from '@tongban/contracts';
import { apiRequest, apiUpload } from '../../app/api-client';
import { initialData, pageLoadedAt } from '../../app/initial-data';

/** Replies of the catalog API: declared in packages/contracts (the routes' reply schemas). */
export type {
  CatalogItemDetail,
  CatalogItemVersionSummary as CatalogVersionSummary,
  CatalogImportResult as ImportResult,
  Page,
  PublicGuide,
} from '@tongban/contracts';

export type ImportProblems = { problems: CatalogImportProblem[] };
export type MissingElements = { missing: { field: string; label: string }[] };

export type StaffFilters = {
  q?: string;
  status?: 'draft' | 'published' | 'retired';
  departmentId?: string;
  itemType?: ItemType;
  page: number;
  pageSize: number;
};

export type PublicFilters = {
  q?: string;
  departmentId?: string;
  itemType?: ItemType;
  onlineLevel?: OnlineLevel;
  maxVisits?: number;
  page: number;
  pageSize: number;
};

const seg = encodeURIComponent;

/** Query string of the given params, leaving out empty ones. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const entries = Object.entries(params).filter(
    (e): e is [string, string | number] => e[1] !== undefined && e[1] !== null && e[1] !== '',
  );
  return new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString();
}

export const catalogKeys = {
  all: ['catalog'] as const,
  list: (f: StaffFilters) => ['catalog', 'list', f] as const,
  item: (id: string) => ['catalog', 'item', id] as const,
  version: (id: string) => ['catalog', 'version', id] as const,
  diff: (itemId: string, from: string, to: string) => ['catalog', 'diff', itemId, from, to] as const,
  figures: ['catalog', 'figures'] as const,
  publicAll: ['public', 'catalog'] as const,
  publicSearch: (f: PublicFilters) => ['public', 'catalog', 'search', f] as const,
  guide: (id: string, lang: GuideLang) => ['public', 'catalog', 'guide', id, lang] as const,
};

// ── Staff ────────────────────────────────────────────────────────────────

export const useCatalogItems = (f: StaffFilters) =>
  useQuery({
    queryKey: catalogKeys.list(f),
    queryFn: () => apiRequest<Page<CatalogItemSummary>>(`/api/catalog/items?${queryString(f)}`),
    placeholderData: (previous) => previous,
  });

export const useCatalogItem = (id: string) =>
  useQuery({
    queryKey: catalogKeys.item(id),
    queryFn: () => apiRequest<CatalogItemDetail>(`/api/catalog/items/${seg(id)}`),
    enabled: !!id,
  });

export const fetchVersion = (id: string) => apiRequest<CatalogVersion>(`/api/catalog/versions/${seg(id)}`);

export const useCatalogVersion = (id: string | undefined) =>
  useQuery({
    queryKey: catalogKeys.version(id ?? ''),
    queryFn: () => fetchVersion(id!),
    enabled: !!id,
  });

export const useCatalogDiff = (itemId: string, from: string, to: string) =>
  useQuery({
    queryKey: catalogKeys.diff(itemId, from, to),
    queryFn: () =>
      apiRequest<CatalogDiff>(`/api/catalog/items/${seg(itemId)}/diff?${queryString({ from, to })}`),
    enabled: !!itemId && !!from && !!to,
  });

export const useCatalogFigures = (enabled = true) =>
  useQuery({
    queryKey: catalogKeys.figures,
    queryFn: () => apiRequest<CatalogFigures>('/api/catalog/figures'),
    enabled,
  });

function useCatalogMutation<V, R>(fn: (v: V) => Promise<R>, silent = false) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // Every catalog change may change the list, the item, the figures and the public guide.
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: catalogKeys.all });
      await qc.invalidateQueries({ queryKey: catalogKeys.publicAll });
    },
    meta: silent ? { silent: true } : undefined,
  });
}

export const useCreateItem = () =>
  useCatalogMutation((input: CatalogItemCreateInput) =>
    apiRequest<CatalogVersion>('/api/catalog/items', { method: 'POST', body: input }),
  );

export function useUpdateDraft() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ versionId, patch }: { versionId: string; patch: Partial<CatalogContent> }) =>
      apiRequest<CatalogVersion>(`/api/catalog/versions/${seg(versionId)}`, { method: 'PATCH', body: patch }),
    onSuccess: async (saved) => {
      // The item page opens next: show the saved draft at once, not the cached one before the edit.
      qc.setQueryData<CatalogItemDetail>(catalogKeys.item(saved.itemId), (old) =>
        old ? { ...old, draft: saved } : old,
      );
      qc.setQueryData(catalogKeys.version(saved.id), saved);
      await qc.invalidateQueries({ queryKey: catalogKeys.all });
    },
  });
}

/** 编辑已发布事项: a new draft version copied from the live one. */
export const useCreateDraft = () =>
  useCatalogMutation(({ itemId, fromVersionId }: { itemId: string; fromVersionId: string }) =>
    apiRequest<CatalogVersion>(`/api/catalog/items/${seg(itemId)}/drafts`, {
      method: 'POST',
      body: { fromVersionId },
    }),
  );

/** Silent: a refusal for missing elements is shown as a list on the page. */
export const usePublish = () =>
  useCatalogMutation(
    ({ itemId, versionId }: { itemId: string; versionId: string }) =>
      apiRequest<CatalogVersion>(`/api/catalog/items/${seg(itemId)}/publish`, {
        method: 'POST',
        body: { versionId },
      }),
    true,
  );

export const useRetire = () =>
  useCatalogMutation(({ itemId, reason }: { itemId: string; reason: string }) =>
    apiRequest<CatalogItemHistory>(`/api/catalog/items/${seg(itemId)}/retire`, {
      method: 'POST',
      body: { reason },
    }),
  );

/** Silent: row problems are shown in a table. */
export const useImportCatalog = () =>
  useCatalogMutation((file: File) => {
    const form = new FormData();
    form.append('file', file);
    return apiUpload<CatalogImportResult>('/api/catalog/import', form);
  }, true);

export const EXPORT_URL = '/api/catalog/export.xlsx';

// ── Public (no sign-in) ──────────────────────────────────────────────────

export const usePublicSearch = (f: PublicFilters) =>
  useQuery({
    queryKey: catalogKeys.publicSearch(f),
    queryFn: () => apiRequest<Page<CatalogPublicHit>>(`/api/public/catalog/items?${queryString(f)}`),
    placeholderData: (previous) => previous,
    meta: { silent: true },
  });

/** The guide the server put into this page's HTML (`/guide/:id`), when it is this one. */
function guideFromPage(itemId: string, lang: GuideLang): PublicGuide | undefined {
  const data = initialData();
  if (data?.kind !== 'guide') return undefined;
  const guide = data['guide'] as PublicGuide;
  return guide.item.itemId === itemId && guide.lang === lang ? guide : undefined;
}

export const usePublicGuide = (itemId: string, lang: GuideLang) =>
  useQuery({
    queryKey: catalogKeys.guide(itemId, lang),
    queryFn: () =>
      apiRequest<PublicGuide>(`/api/public/catalog/items/${seg(itemId)}/guide?${queryString({ lang })}`),
    // The page's HTML brought this guide: shown at once, refetched as any data of that age would be.
    initialData: () => guideFromPage(itemId, lang),
    initialDataUpdatedAt: pageLoadedAt,
    meta: { silent: true },
  });

export const guideDocxUrl = (itemId: string, lang: GuideLang) =>
  `/api/public/catalog/items/${seg(itemId)}/guide.docx?${queryString({ lang })}`;
export const guideQrUrl = (itemId: string) => `/api/public/catalog/items/${seg(itemId)}/qr.svg`;
