import { CompiledQuery, createQueryId, isOperationNodeSource, type Compilable } from 'kysely';
import { trieChild, type TrieNode } from './trie';

/**
 * Statements of a fixed shape, built and compiled by Kysely once per shape: later calls put their
 * values into the same SQL. A transition's hot statements (the case lock, the audit entry, the event
 * rows, the case update) were built and compiled anew on every request, about a sixth of the
 * server's time under load (docs/adr/0004-fixed-statements.md).
 *
 * The statement is built once with a placeholder for each value (each row's column values, and each
 * scalar); where a placeholder lands among the compiled parameters is where later calls' values go.
 * What decides the shape is the key, the rows' columns (undefined ones are left out, as Kysely
 * does) and the number of scalars. A value Kysely would not send as one parameter — an expression,
 * an array, undefined among the scalars — makes that call build and compile as usual. A builder that
 * does anything with a placeholder but pass it on (String(v), v + 1, JSON.stringify) finds it
 * throwing; that shape is then never cached, and every call builds and compiles as usual.
 */

type Row = Readonly<Record<string, unknown>>;
type Slot = { row: number; column: string } | { scalar: number } | { constant: unknown };
type Entry = { sql: string; slots: Slot[]; query: CompiledQuery['query'] } | 'uncached';
/**
 * The shapes seen, as a trie: the key, the number of scalars, then each row's defined columns in
 * order ('|' between rows). Walking it costs a map lookup per column name (constants whose hashes
 * V8 keeps), where building the shape as one string cost a concatenation and a hash of it per call.
 */
type ShapeNode = TrieNode<string | number, Entry>;

let shapes = new Map<string, ShapeNode>();
let shapeCount = 0;
const MAX_SHAPES = 2000;
const ROW_BREAK = '|';

class Placeholder {
  constructor(readonly slot: Slot) {}
}
const misuse = () => {
  throw new Error('fixed statement: a placeholder value was used, not passed on');
};
for (const name of ['toString', 'valueOf', 'toJSON'] as const)
  Object.defineProperty(Placeholder.prototype, name, { value: misuse });
Object.defineProperty(Placeholder.prototype, Symbol.toPrimitive, { value: misuse });

/** A value Kysely sends as exactly one parameter, whatever it is. */
function oneParameter(v: unknown): boolean {
  return (
    v !== undefined &&
    typeof v !== 'function' &&
    !Array.isArray(v) &&
    !(v !== null && isOperationNodeSource(v))
  );
}

export function fixedStatement<O>(
  key: string,
  rows: readonly Row[],
  scalars: readonly unknown[],
  build: (rows: readonly Row[], scalars: readonly unknown[]) => Compilable<O>,
): Compilable<O> {
  return {
    compile(): CompiledQuery<O> {
      if (!scalars.every(oneParameter)) return build(rows, scalars).compile();
      let root = shapes.get(key);
      if (!root) shapes.set(key, (root = {}));
      let node = trieChild(root, scalars.length);
      for (const r of rows) {
        node = trieChild(node, ROW_BREAK);
        for (const column in r) {
          const v = r[column];
          if (v === undefined) continue;
          if (!oneParameter(v)) return build(rows, scalars).compile();
          node = trieChild(node, column);
        }
      }
      let entry = node.value;
      if (!entry) {
        entry = node.value = prepare(rows, scalars, build);
        if (++shapeCount > MAX_SHAPES) {
          shapes = new Map();
          shapeCount = 0;
        }
      }
      if (entry === 'uncached') return build(rows, scalars).compile();
      const parameters = entry.slots.map((s) =>
        'constant' in s ? s.constant : 'scalar' in s ? scalars[s.scalar] : rows[s.row]![s.column],
      );
      return Object.freeze({
        sql: entry.sql,
        parameters: Object.freeze(parameters),
        query: entry.query,
        queryId: createQueryId(),
      });
    },
  };
}

function prepare(
  rows: readonly Row[],
  scalars: readonly unknown[],
  build: (rows: readonly Row[], scalars: readonly unknown[]) => Compilable<unknown>,
): Entry {
  const placeholderRows = rows.map((r, row) => {
    const out: Record<string, unknown> = {};
    for (const column in r) if (r[column] !== undefined) out[column] = new Placeholder({ row, column });
    return out;
  });
  const placeholderScalars = scalars.map((_, scalar) => new Placeholder({ scalar }));
  let compiled: CompiledQuery<unknown>;
  try {
    compiled = build(placeholderRows, placeholderScalars).compile();
  } catch {
    return 'uncached';
  }
  const slots = compiled.parameters.map((p): Slot => (p instanceof Placeholder ? p.slot : { constant: p }));
  // A constant that is an object could hide a placeholder inside it: build as usual instead.
  if (slots.some((s) => 'constant' in s && s.constant !== null && typeof s.constant === 'object'))
    return 'uncached';
  return { sql: compiled.sql, slots, query: compiled.query };
}

/** For tests: forget every shape. */
export function forgetFixedStatements() {
  shapes = new Map();
  shapeCount = 0;
}
