import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { readdirSync } from 'node:fs';

// Web code never imports server code; both import packages/contracts (ARCHITECTURE.md).
const noServerInWeb = {
  group: ['**/apps/server/**', '**/server/src/**', '@tongban/server', '@tongban/server/**'],
  message: 'apps/web 不得引用服务端代码，请经由 @tongban/contracts。',
};

// One audit API (issue 13): a use case returns its audit entries to runCommand (platform/command.ts),
// or, batched with its last writes, sends auditEntryWrites; appendAudit is runCommand's own.
const auditThroughCommand = {
  regex: '^(\\.\\./)+(modules/)?audit$',
  importNames: ['appendAudit'],
  message:
    '审计条目经由 runCommand 的 audit（或 auditEntryWrites）写入，模块不直接调用 appendAudit（issue 13）。',
};

/**
 * Import boundaries (issue 13): a file under <root>/<m>/ reaches another module only through its
 * index.ts, so a module's inside can change without touching its neighbours.
 */
function moduleBoundary(root, label, otherPatterns = []) {
  const names = readdirSync(new URL(root, import.meta.url), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  return {
    files: [`${root}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...otherPatterns,
            {
              regex: `^(\\.\\./)+(modules/)?(${names.join('|')})/(?!index(\\.tsx?)?$)`,
              message: `${label}模块之间只经由对方的 index.ts 引用（issue 13）。`,
            },
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  // db-types.generated.ts is kysely-codegen's output (npm run db:types), checked by check:db-types.
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      '.tmp/**',
      'apps/server/src/platform/db-types.generated.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
    },
  },
  {
    // Type-checked rules (issue 13): a promise nobody awaits loses its error; a switch over a union
    // must name every member, so a new status or role cannot fall through unnoticed.
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['vitest.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [noServerInWeb] }],
    },
  },
  moduleBoundary('apps/server/src/modules', '服务端', [auditThroughCommand]),
  // A later block replaces the rule's options, so the web's module block repeats noServerInWeb.
  moduleBoundary('apps/web/src/modules', '前端', [noServerInWeb]),
);
