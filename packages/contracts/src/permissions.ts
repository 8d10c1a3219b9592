import type { Role } from './roles';

const STAFF: readonly Role[] = [
  'clerk',
  'approver',
  'dept_head',
  'supervisor',
  'leader',
  'inspector',
  'admin',
];

/**
 * Who may do what, deny by default. Services check `can(role, action)` and then the scope
 * (region, and department for department roles). `inspector` reads its region and writes nothing:
 * no write action lists it (a unit test holds that).
 */
export const PERMISSIONS = {
  'org.read': STAFF,
  'org.write': ['admin'],
  'user.read': ['admin'],
  'user.write': ['admin'],
  'audit.read': ['admin', 'supervisor', 'leader', 'inspector'],
  // TRUTH-1: signed checkpoints of the audit chains; the inspector takes a copy out of the system.
  'audit.checkpoint.read': ['admin', 'supervisor', 'inspector'],
  'audit.checkpoint.write': ['admin', 'supervisor'],
  'calendar.read': STAFF,
  'calendar.write': ['admin', 'supervisor'],
  // CAL-2: the national days every region counts with; only the system administrator loads them.
  'calendar.national.write': ['admin'],
  'catalog.read': STAFF,
  'catalog.write': ['admin', 'dept_head', 'supervisor'],
  'catalog.publish': ['admin', 'supervisor'],
  // Owners (department roles) read and add progress to their own department's measures.
  'ledger.read': ['supervisor', 'leader', 'inspector', 'admin', 'dept_head', 'clerk', 'approver'],
  'ledger.write': ['supervisor', 'leader'],
  'ledger.progress': ['supervisor', 'leader', 'dept_head', 'clerk', 'approver'],
  'ledger.signoff': ['supervisor', 'leader'],
  // Cases (办件). 受审分离: only window clerks create and accept cases; the back office reviews and
  // decides; department roles see only their department's cases (clerks also those they received).
  'case.read': STAFF,
  'case.intake': ['clerk'],
  'case.review': ['approver', 'dept_head'],
  'case.extension.decide': ['dept_head'],
  'case.urge': ['supervisor', 'dept_head'],
  'case.deliver': ['clerk'],
  // 站内消息与待办: everyone signed in reads their own inbox, nobody reads another's.
  'inbox.read': STAFF,

  // ── supervision ──

  // ── evaluations ──

  // ── complaints ──

  // ── hall ──

  // ── bundles ──
  // 一件事一次办 (issue 20): the comprehensive window takes one application for several items; each
  // branch is an ordinary case (its review and decision use the case.* actions). DEC-2: the
  // bundle's one extension is approved by the head of the government body (leader).
  'bundle.read': STAFF,
  'bundle.define': ['admin', 'supervisor'],
  'bundle.publish': ['admin', 'supervisor'],
  'bundle.intake': ['clerk'],
  'bundle.deliver': ['clerk'],
  'bundle.choose': ['clerk'],
  'bundle.extension.request': ['clerk', 'dept_head', 'supervisor'],
  'bundle.extension.decide': ['leader'],
  'bundle.figures.read': ['supervisor', 'leader', 'inspector', 'admin'],

  // ── trading ──

  // ── intermediaries ──
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

export const WRITE_ACTIONS: readonly Action[] = (Object.keys(PERMISSIONS) as Action[]).filter(
  (a) => !a.endsWith('.read'),
);

export function can(role: Role, action: Action): boolean {
  return (PERMISSIONS[action] as readonly Role[]).includes(role);
}
