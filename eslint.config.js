// @ts-check
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import unicorn from 'eslint-plugin-unicorn';
import n from 'eslint-plugin-n';

const edgeLibraries = ['execa', 'cosmiconfig', 'chalk', 'commander'];

export default defineConfig(
  {
    ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'schema/**', '.mcp-gateway/**'],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', 'bin/*.js'] } },
    },
    plugins: { unicorn, n },
    rules: {
      'no-console': 'error',
      // TypeScript (and // @ts-check in .js) already reports undefined names, with Node's globals known.
      'no-undef': 'off',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      // DESIGN §1: the low-level Server is required to re-publish backends' JSON Schemas, and
      // legacy SSE backends still exist; everything else deprecated stays an error.
      '@typescript-eslint/no-deprecated': [
        'error',
        {
          allow: [
            {
              from: 'package',
              package: '@modelcontextprotocol/sdk',
              name: ['Server', 'SSEClientTransport', 'SSEServerTransport'],
            },
          ],
        },
      ],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      'n/prefer-node-protocol': 'error',
      'unicorn/filename-case': ['error', { case: 'kebabCase' }],
    },
  },
  {
    files: ['src/core/**', 'src/pipeline/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*'],
              message: 'core/pipeline are pure: do I/O in backends/, audit/, config/load.ts',
            },
            { group: edgeLibraries, message: 'edge libraries belong to edge folders' },
            { group: ['zod', 'zod/*'], message: 'core defines its own plain types' },
            {
              // src/audit is an edge and src/core/audit is not; test/architecture.test.ts resolves
              // every import for the cases a pattern cannot tell apart.
              group: [
                '**/backends/**',
                '**/frontend/**',
                '**/cli/**',
                '**/config/**',
                '**/pins/**',
              ],
              message: 'dependencies point inward',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'core is pure' },
            { group: [...edgeLibraries, 'zod', 'zod/*'], message: 'core is pure' },
            {
              group: ['../../pipeline/**', '../pipeline/**', '**/pipeline/**'],
              message: 'core must not import pipeline',
            },
            {
              // src/audit is an edge and src/core/audit is not; test/architecture.test.ts resolves
              // every import for the cases a pattern cannot tell apart.
              group: [
                '**/backends/**',
                '**/frontend/**',
                '**/cli/**',
                '**/config/**',
                '**/pins/**',
              ],
              message: 'dependencies point inward',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/backends/**', 'src/audit/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['chalk'], message: 'only cli/output.ts formats for humans' },
            {
              group: ['**/pipeline/**', '**/frontend/**', '**/cli/**'],
              message: 'dependencies point inward',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/wire/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['chalk', 'execa', 'commander'], message: 'wire/ is framing only' },
            {
              group: ['**/backends/**', '**/frontend/**', '**/cli/**', '**/gateway/**'],
              message: 'both sides import wire/, never the reverse',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/frontend/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['chalk', 'execa'], message: 'frontend speaks MCP only' },
            { group: ['**/backends/**', '**/cli/**'], message: 'frontend receives ports' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/gateway/**', 'src/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['chalk', 'commander', '**/cli/**'], message: 'composition root is UI-free' },
          ],
        },
      ],
    },
  },
  {
    // Approvals and the console are edges the gateway wires; they read its data through ports.
    files: ['src/approvals/**', 'src/console/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['chalk', 'commander'], message: 'only cli/ formats for humans' },
            {
              group: ['**/backends/**', '**/cli/**', '**/gateway.js', '**/gateway/**'],
              message: 'the console receives ports from the gateway',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/backends/**'], message: 'the CLI goes through gateway/' }] },
      ],
    },
  },
  {
    // The console page runs in a browser; its API answers are JSON it reads as `any`.
    files: ['assets/console/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['src/cli/output.ts', 'test/**', 'bench/**', 'scripts/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['test/**', '**/*.test.ts', 'bench/**', 'scripts/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
