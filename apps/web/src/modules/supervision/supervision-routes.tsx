/**
 * The supervision module's signed-in screens as a fragment of <Route> elements, placed in the shell as
 * `{supervisionRoutes}` (placeholder until the module lands).
 */
export const supervisionRoutes = null;

/** Public (signed-out) screens, placed outside the shell. */
export const supervisionPublicRoutes = null;
