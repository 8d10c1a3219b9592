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
  // EVAL-3: pads are registered to a window by the hall's administrators.
  'evaluations.pad.write': ['admin', 'supervisor'],
  'evaluations.pad.read': ['admin', 'supervisor'],
  // A clerk opens a visit for the window's pad when a service ends (hall does it for tickets).
  'evaluations.visit.write': ['clerk', 'approver', 'dept_head', 'admin'],
  'evaluations.read': ['approver', 'dept_head', 'supervisor', 'leader', 'inspector', 'admin'],
  'evaluations.badReview.verify': ['supervisor'],
  'evaluations.badReview.rectify': ['dept_head', 'approver'],
  'evaluations.badReview.reply': ['dept_head', 'approver', 'supervisor'],
  // SOD-2: who calls back is also checked against the handler and the rated person.
  'evaluations.badReview.callback': ['dept_head', 'approver', 'supervisor', 'leader'],
  'evaluations.appeal.file': ['dept_head'],
  'evaluations.appeal.decide': ['supervisor'],
  'evaluations.setting.write': ['admin', 'supervisor'],

  // ── complaints ──

  // ── hall ──

  // ── bundles ──

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
