import { z } from 'zod';

/**
 * In the browser zod parses without generated code: its compiled parsers probe `new Function` when
 * a schema is built, which the server's Content-Security-Policy (no 'unsafe-eval', issue 12 point 9)
 * refuses and reports as a violation on every page. Imported first by index.ts, so it runs before
 * any schema exists; the server keeps the faster compiled parsers.
 */
// contracts are compiled without the DOM types, hence globalThis.
if ('document' in globalThis) z.config({ jitless: true });
