// `npm run build:server`: the server as one ES module in apps/server/dist/main.js, for `npm start`
// and production. Running compiled JavaScript instead of tsx saves the loader's compiler and its
// thread (about 80 MB of resident memory) and start-up time. npm packages stay external (they are
// installed next to it); the workspace packages and chinese-days' JSON data are bundled in.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = import.meta.dirname;
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

await build({
  entryPoints: [path.join(root, 'src/main.ts')],
  outdir: path.join(root, 'dist'),
  // Modules imported with import() (the Word and sheet renderers) become chunks loaded on first use.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  // chinese-days is imported as JSON, which Node 20 only loads with an import attribute.
  external: Object.keys(pkg.dependencies).filter((name) => name !== 'chinese-days'),
  logLevel: 'warning',
});
