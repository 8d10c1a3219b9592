// Public surface of the supervision module (电子监察, issue 16). Other modules may call:
// - refreshSupervision(deps, {full?}): recompute clocks, escalations and rollups now (the job's pass).
// - raiseSupervisionTrigger(deps, tx, now, {...}): a non-time trigger (e.g. complaints' 办不成事
//   review finding a refused case acceptable) → once per case, a 督办单 to the department head;
//   the caller returns its effects (inbox, outbox, audit) to its own runCommand.
// - findCaseClock(db, regionCode, caseId): the stored SUP-1 clock of an open case (colour, deadline).
// - FIGURES / figuresOf: the one definition of every rate (RATE-1; reviews read figures from here).
export { supervisionRoutes } from './supervision.routes';
export { refreshSupervision, supervisionJob } from './use-cases/refresh-supervision';
export { raiseSupervisionTrigger, type EscalationTarget } from './use-cases/escalate-case';
export { findClock as findCaseClock } from './supervision.repository';
export { FIGURES, figuresOf } from './supervision-figures';
export { verifyTruth, type TruthReport } from './use-cases/verify-truth';
export { readConcludedCountsForReviews } from './supervision-reviews.read-model';
