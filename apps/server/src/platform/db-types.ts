import type { ColumnType, Generated, Selectable } from 'kysely';

// Table types for Kysely (camelCase here, snake_case in SQL through CamelCasePlugin).
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
};

export type StoredFileTable = {
  sha256: string;
  mediaType: string;
  size: number;
  name: string;
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

export type DB = {
  region: RegionTable;
  hall: HallTable;
  department: DepartmentTable;
  hallWindow: HallWindowTable;
  staff: StaffTable;
  appUser: AppUserTable;
  userSession: UserSessionTable;
  auditLog: AuditLogTable;
  storedFile: StoredFileTable;
  nationalDay: NationalDayTable;
  localDay: LocalDayTable;
  calendarRevision: CalendarRevisionTable;
};

export type AppUserRow = Selectable<AppUserTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
