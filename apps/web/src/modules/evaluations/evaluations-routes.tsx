/**
 * The evaluations module's signed-in screens as a fragment of <Route> elements, placed in the shell as
 * `{evaluationsRoutes}` (placeholder until the module lands).
 */
export const evaluationsRoutes = null;

/** Public (signed-out) screens, placed outside the shell. */
export const evaluationsPublicRoutes = null;
