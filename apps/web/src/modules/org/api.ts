import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BoardReply,
  Department,
  DepartmentInput,
  Hall,
  HallInput,
  HallWindow,
  HallWindowInput,
  Region,
  RegionInput,
  Staff,
  StaffInput,
  User,
  UserCreateInput,
  UserUpdateInput,
} from '@tongban/contracts';
import { apiRequest, apiUpload } from '../../app/api-client';

type Items<T> = { items: T[] };

export const orgKeys = {
  regions: ['org', 'regions'] as const,
  halls: ['org', 'halls'] as const,
  departments: ['org', 'departments'] as const,
  windows: ['org', 'windows'] as const,
  staff: ['org', 'staff'] as const,
  users: ['org', 'users'] as const,
  board: (hallId: string) => ['public', 'board', hallId] as const,
};

async function list<T>(path: string): Promise<T[]> {
  return (await apiRequest<Items<T>>(path)).items;
}

export const useRegions = (enabled = true) =>
  useQuery({ queryKey: orgKeys.regions, queryFn: () => list<Region>('/api/org/regions'), enabled });
export const useHalls = (enabled = true) =>
  useQuery({ queryKey: orgKeys.halls, queryFn: () => list<Hall>('/api/org/halls'), enabled });
export const useDepartments = (enabled = true) =>
  useQuery({
    queryKey: orgKeys.departments,
    queryFn: () => list<Department>('/api/org/departments'),
    enabled,
  });
export const useWindows = (enabled = true) =>
  useQuery({ queryKey: orgKeys.windows, queryFn: () => list<HallWindow>('/api/org/windows'), enabled });
export const useStaff = (enabled = true) =>
  useQuery({ queryKey: orgKeys.staff, queryFn: () => list<Staff>('/api/org/staff'), enabled });
export const useUsers = (enabled = true) =>
  useQuery({ queryKey: orgKeys.users, queryFn: () => list<User>('/api/org/users'), enabled });

export const useBoard = (hallId: string) =>
  useQuery({
    queryKey: orgKeys.board(hallId),
    queryFn: () => apiRequest<BoardReply>(`/api/public/halls/${encodeURIComponent(hallId)}/board`),
    // The hall screen stays open all day: pick up changes without a reload.
    refetchInterval: 60_000,
    meta: { silent: true },
  });

/** Wire input types: what the form sends (zod defaults are applied by the server). */
export type RegionCreate = RegionInput;
export type HallSave = Partial<HallInput>;
export type DepartmentSave = Partial<DepartmentInput>;
export type WindowSave = Partial<HallWindowInput>;
export type StaffSave = Partial<StaffInput>;

type Save<I> = { id?: string; input: I };

function useSave<I, R>(
  key: readonly string[],
  create: (input: I) => Promise<R>,
  update: (id: string, input: I) => Promise<R>,
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: Save<I>) => (id ? update(id, input) : create(input)),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

const post = <R>(path: string, body: unknown) => apiRequest<R>(path, { method: 'POST', body });
const patch = <R>(path: string, body: unknown) => apiRequest<R>(path, { method: 'PATCH', body });
const seg = encodeURIComponent;

export const useSaveRegion = () =>
  useSave<RegionCreate, Region>(
    orgKeys.regions,
    (input) => post('/api/org/regions', input),
    (code, input) => patch(`/api/org/regions/${seg(code)}`, { name: input.name }),
  );
export const useSaveHall = () =>
  useSave<HallSave, Hall>(
    orgKeys.halls,
    (input) => post('/api/org/halls', input),
    (id, input) => patch(`/api/org/halls/${seg(id)}`, input),
  );
export const useSaveDepartment = () =>
  useSave<DepartmentSave, Department>(
    orgKeys.departments,
    (input) => post('/api/org/departments', input),
    (id, input) => patch(`/api/org/departments/${seg(id)}`, input),
  );
export const useSaveWindow = () =>
  useSave<WindowSave, HallWindow>(
    orgKeys.windows,
    (input) => post('/api/org/windows', input),
    (id, input) => patch(`/api/org/windows/${seg(id)}`, input),
  );
export const useSaveStaff = () =>
  useSave<StaffSave, Staff>(
    orgKeys.staff,
    (input) => post('/api/org/staff', input),
    (id, input) => patch(`/api/org/staff/${seg(id)}`, input),
  );

export const useUploadStaffPhoto = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, file }: { id: string; file: File }) => {
      const form = new FormData();
      form.append('file', file);
      return apiUpload<Staff>(`/api/org/staff/${seg(id)}/photo`, form);
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: orgKeys.staff }),
  });
};

export const useCreateUser = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UserCreateInput) => post<User>('/api/org/users', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: orgKeys.users }),
  });
};
export const useUpdateUser = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UserUpdateInput }) =>
      patch<User>(`/api/org/users/${seg(id)}`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: orgKeys.users }),
  });
};
export const useResetPassword = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) =>
      post<void>(`/api/org/users/${seg(id)}/reset-password`, { password }),
    // A reset may lift a lock-out; show the row as the server now has it.
    onSuccess: () => qc.invalidateQueries({ queryKey: orgKeys.users }),
  });
};

/** URL of a staff photo stored by its sha256. */
export const photoUrl = (sha256: string) => `/files/${sha256}`;
