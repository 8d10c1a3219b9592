import { checkTable, citusPlan, kindOf } from './citus';
import { readSchema } from './citus-catalog';
import { openDatabase } from './db';
import { migrate } from './migrate';

/**
 * `npm run db:citus-plan`: migrates an empty embedded database, reads its catalog and prints the SQL
 * that distributes the schema on Citus (docs/deploy-citus.md), then, as SQL comments, every table
 * that does not yet follow the distribution rules (issue 23). `--check` exits 1 when any does.
 */
const handle = await openDatabase({});
try {
  await migrate(handle.db);
  const tables = await readSchema(handle.db);
  console.log(citusPlan(tables));
  const violations = tables.flatMap(checkTable);
  const byTable = new Map<string, string[]>();
  for (const v of violations)
    byTable.set(v.table, [...(byTable.get(v.table) ?? []), `${v.rule}: ${v.detail}`]);
  const business = tables.filter((t) => kindOf(t.name) === 'business').length;
  console.log(
    `-- ${tables.length} tables: ${business} business, ${tables.length - business} reference or local; ` +
      `${business - [...byTable.keys()].filter((t) => kindOf(t) === 'business').length} business tables follow every rule.`,
  );
  if (byTable.size) {
    console.log(
      `-- ${byTable.size} tables break a rule (Citus would refuse them until their migration lands):`,
    );
    for (const [t, vs] of [...byTable].sort()) for (const v of vs) console.log(`--   ${t}: ${v}`);
  }
  if (process.argv.includes('--check') && byTable.size) process.exitCode = 1;
} finally {
  await handle.close();
}
