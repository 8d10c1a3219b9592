import {
  CamelCasePlugin,
  PostgresQueryCompiler,
  type PluginTransformQueryArgs,
  type RootOperationNode,
} from 'kysely';

/**
 * camelCase in code, snake_case in SQL — Kysely's CamelCasePlugin, with its two halves made cheap
 * (bench:cases: rebuilding every query's node tree to rename identifiers was about a twelfth of the
 * server's CPU, converting result keys letter by letter most of the rest):
 * - the query half is done by the compiler as it writes each identifier (SnakeCaseCompiler), not
 *   by a copy of the tree;
 * - both halves remember the names they converted (a schema has few).
 * The conversions themselves are the plugin's own, so names come out exactly as before.
 */
export class CamelCaseResults extends CamelCasePlugin {
  private readonly camel = new Map<string, string>();
  override transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node; // renamed by SnakeCaseCompiler
  }
  protected override camelCase(str: string): string {
    return remembered(this.camel, str, (s) => super.camelCase(s));
  }
}

const snakeOf = (() => {
  const plugin = new (class extends CamelCasePlugin {
    toSnake(str: string) {
      return this.snakeCase(str);
    }
  })();
  const cache = new Map<string, string>();
  return (str: string) => remembered(cache, str, (s) => plugin.toSnake(s));
})();

/** PostgreSQL's compiler writing identifiers in snake_case (the query half of CamelCaseResults). */
export class SnakeCaseCompiler extends PostgresQueryCompiler {
  protected override sanitizeIdentifier(identifier: string): string {
    return super.sanitizeIdentifier(snakeOf(identifier));
  }
}

/** Names are few; a map that somehow grows past this starts over rather than grow without end. */
const MAX_NAMES = 10_000;

function remembered(cache: Map<string, string>, key: string, convert: (s: string) => string): string {
  let out = cache.get(key);
  if (out === undefined) {
    if (cache.size >= MAX_NAMES) cache.clear();
    cache.set(key, (out = convert(key)));
  }
  return out;
}
