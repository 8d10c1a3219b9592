/**
 * The bundles module's signed-in screens as a fragment of <Route> elements, placed in the shell as
 * `{bundlesRoutes}` (placeholder until the module lands).
 */
export const bundlesRoutes = null;

/** Public (signed-out) screens, placed outside the shell. */
export const bundlesPublicRoutes = null;
