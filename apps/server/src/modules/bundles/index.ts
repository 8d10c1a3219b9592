export { bundlesRoutes } from './bundles.routes';
export { forgetBranches, onBranchTransition } from './use-cases/on-branch-transition';
// For the demo seed and the benchmark (they drive bundles as the routes do).
export { applyOnline, intakeAtWindow } from './use-cases/intake-bundle';
export { publishDefinition, saveDefinition } from './use-cases/save-definition';
export { deliverBundle } from './use-cases/deliver-bundle';
export { getBundle } from './use-cases/get-bundle';
export { findBundleByNo } from './bundles.repository';
export { listBundlesReceivedIn, listOpenBundleBranches } from './bundles-supervision.read-model';
export { chooseAtWindow } from './use-cases/choose-after-refusal';
export { decideBundleExtension, requestBundleExtension } from './use-cases/bundle-extension';
