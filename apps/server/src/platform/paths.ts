import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The server package's folder (apps/server), found from where this code runs: `src/platform`
 * under tsx, or the bundle in `dist` (`npm run build:server`). Migrations and the web build are
 * located from it.
 */
function findServerRoot(from: string): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'migrations'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`找不到服务端目录（自 ${from} 向上没有 migrations 目录）`);
    dir = up;
  }
  return dir;
}

export const SERVER_ROOT = findServerRoot(import.meta.dirname);
