/**
 * The intermediaries module's signed-in screens as a fragment of <Route> elements, placed in the shell as
 * `{intermediariesRoutes}` (placeholder until the module lands).
 */
export const intermediariesRoutes = null;

/** Public (signed-out) screens, placed outside the shell. */
export const intermediariesPublicRoutes = null;
