import v8 from 'node:v8';

/**
 * V8 settings for the server process, applied before it takes requests (main.ts imports this first).
 *
 * Allocation-site pretenuring off: V8 allocates straight into the old generation the objects of any
 * allocation site whose objects often survived a young collection. Under a burst of load a request's
 * objects live for hundreds of milliseconds, survive, and their sites get pretenured; once the load is
 * back to normal those objects die within milliseconds, but are still born old. In bench:evaluations
 * about 1 MB per young collection then went to the old generation, which filled every 15–20 s, and each
 * full collection held every request in flight for 20–140 ms. Without pretenuring a fifth of that is
 * promoted and no full collection fell in the 20 s of paced ratings.
 */
export function tuneRuntime(): void {
  v8.setFlagsFromString('--no-allocation-site-pretenuring');
}
