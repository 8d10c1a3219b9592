/**
 * The hall module's signed-in screens as a fragment of <Route> elements, placed in the shell as
 * `{hallRoutes}` (placeholder until the module lands).
 */
export const hallRoutes = null;

/** Public (signed-out) screens, placed outside the shell. */
export const hallPublicRoutes = null;
