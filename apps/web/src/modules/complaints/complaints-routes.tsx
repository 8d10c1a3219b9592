/**
 * The complaints module's signed-in screens as a fragment of <Route> elements, placed in the shell as
 * `{complaintsRoutes}` (placeholder until the module lands).
 */
export const complaintsRoutes = null;

/** Public (signed-out) screens, placed outside the shell. */
export const complaintsPublicRoutes = null;
