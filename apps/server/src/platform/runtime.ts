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
 *
 * Heap growing factor 2: after a full collection V8 lets the old generation grow to up to four times
 * what survived before it collects again. Under bench:cases about 54 MB survive, so the heap grew to
 * ~200 MB and the process to 306–325 MB (issue 5's bound is 300) holding garbage, not data: with the
 * old generation capped at 100 MB it stayed at 53 MB live. Twice what survived keeps a full
 * collection every ~15 s (5–11 ms of pause, the rest incremental) and the process at ~255 MB, with
 * transitions/s and p99 unchanged. A factor, not a cap: a large import or report still gets the heap
 * it needs.
 */
export function tuneRuntime(): void {
  v8.setFlagsFromString('--no-allocation-site-pretenuring');
  v8.setFlagsFromString('--heap-growing-percent=100');
}
