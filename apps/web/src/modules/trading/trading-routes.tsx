/**
 * The trading module's signed-in screens as a fragment of <Route> elements, placed in the shell as
 * `{tradingRoutes}` (placeholder until the module lands).
 */
export const tradingRoutes = null;

/** Public (signed-out) screens, placed outside the shell. */
export const tradingPublicRoutes = null;
