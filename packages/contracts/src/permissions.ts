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
  // 电子监察 (issue 16): the board, clocks, 督办单 and figures; department heads see their own
  // department's; only the head answers a 督办单; the supervisor may recompute now.
  'supervision.read': ['supervisor', 'leader', 'inspector', 'admin', 'dept_head'],
  'supervision.order.reply': ['dept_head'],
  'supervision.refresh': ['supervisor', 'admin'],
  'supervision.threshold.write': ['supervisor'],

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
  // Department roles read the orders their department holds or led; the desk and supervision read all.
  'complaint.read': STAFF,
  // Intake: window clerks (incl. 办不成事/吐槽 windows, the comment book) and the dispatch desk (12345).
  'complaint.intake': ['clerk', 'supervisor'],
  // The dispatch desk (supervision): dispatch, decide 退单 disputes, 改派, 并单, 督办, the 派单目录.
  'complaint.dispatch': ['supervisor'],
  // The holding department works the order: 退单, investigate, reply.
  'complaint.handle': ['clerk', 'approver', 'dept_head'],
  // SOD-2: callback and close by someone other than the handler.
  'complaint.callback': ['supervisor', 'leader'],
  'complaint.catalog.write': ['supervisor', 'admin'],
  // 办不成事 window: coordination outcome, reopening a refused case, escalating to the leader.
  'complaint.coordinate': ['clerk', 'supervisor'],
  // The leader's screen: matters the 办不成事 window could not solve and 督办 orders; assign/decide.
  'complaint.lead': ['leader'],

  // ── hall ──
  // Reads of the hall's records (department roles: their own department's notices and problems).
  'hall.read': STAFF,
  // Window staff: presence, the queue console, bookings and tickets at the counter.
  'hall.queue.serve': ['clerk'],
  // The hall manager: groups, slots, settings, tidal switches, no-show run.
  'hall.manage': ['admin', 'supervisor'],
  // PAT-1: patrols and the follow-up of 督查告知书.
  'hall.patrol': ['supervisor'],
  // The department head answers a 督查告知书.
  'hall.notice.reply': ['dept_head'],

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
  // 公共资源交易 (issue 22). The trading centre's staff reuse the hall's roles: `clerk` (the centre's
  // window staff) and `admin` register projects, receive bids and deposits, draw panels and book rooms;
  // the names of a drawn panel stay sealed from them. Only the `supervisor` opens a sealed list at its
  // set time, seats reserves, rates experts and runs the overdue-deposit board (BID-1, BID-2).
  // Departments (`dept_head`) declare the trades they held off the platform (应进必进).
  'trading.read': STAFF,
  'trading.project.write': ['clerk', 'admin'],
  'trading.draw': ['clerk', 'admin'],
  'trading.draw.open': ['supervisor'],
  'trading.expert.write': ['clerk', 'admin'],
  'trading.expert.rate': ['supervisor'],
  'trading.deposit.read': ['clerk', 'admin', 'supervisor', 'leader', 'inspector'],
  'trading.deposit.write': ['clerk', 'admin'],
  'trading.deposit.supervise': ['supervisor'],
  'trading.room.write': ['clerk', 'admin'],
  'trading.declaration.write': ['dept_head', 'admin'],
  // BID-3: the centre's desk records a complaint it receives; the supervision accepts or refuses it
  // and decides it, with reasons (never the person who recorded it).
  'trading.complaint.write': ['clerk', 'admin'],
  'trading.complaint.decide': ['supervisor'],

  // ── intermediaries ──
  // 网上中介超市: intermediaries register themselves (public, no approval). A department's back office
  // (`approver`, `dept_head`) checks an intermediary's link to one of its approval items; project
  // owners inside the government (clerk, approver, dept_head, admin) publish needs and choose;
  // `admin` and `supervisor` publish the market's rules and fee catalogue.
  'intermediaries.read': STAFF,
  'intermediaries.link.check': ['approver', 'dept_head'],
  'intermediaries.purchase.write': ['clerk', 'approver', 'dept_head', 'admin'],
  'intermediaries.rule.write': ['admin', 'supervisor'],

  // ── reviews ──
  // 卷宗评查 (FR-1), 考核 (ASSESS-1) and automatic findings. Department staff read the files they review.
  'reviews.read': ['supervisor', 'leader', 'inspector', 'admin', 'dept_head', 'approver'],
  'reviews.plan': ['supervisor', 'leader'],
  'reviews.score': ['approver', 'dept_head', 'supervisor', 'leader'],
  'reviews.assess': ['supervisor', 'leader'],
  'reviews.findings': ['supervisor', 'leader'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

export const WRITE_ACTIONS: readonly Action[] = (Object.keys(PERMISSIONS) as Action[]).filter(
  (a) => !a.endsWith('.read'),
);

export function can(role: Role, action: Action): boolean {
  return (PERMISSIONS[action] as readonly Role[]).includes(role);
}
