import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'test-results/**', 'playwright-report/**', 'data/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.ts'] }, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name="only"]', message: 'no focused tests' },
      ],
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['server/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['express', 'socket.io', 'mongoose', 'better-sqlite3', 'node:*', 'fs', 'crypto', 'http', '../storage/*', '../live/*', '../http/*'], message: 'the domain stays pure: no I/O, no adapters' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'Date', message: 'inject the clock' }],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'inject randomness' }],
    },
  },
  {
    // Issue 9 item 2: JSON leaves the server only as an Answer (workspace data as Wire), see server/src/http/answer.ts.
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/**/*.test.ts', 'server/src/http/answer.ts', 'server/src/http/errors.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.type="MemberExpression"][callee.property.name="json"][callee.object.name!="express"][arguments.length=1]',
          message: 'answer with sendAnswer (http/answer.ts): workspace data leaves the server only as Wire, made by domain/wire.ts',
        },
      ],
    },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
    },
  },
  {
    files: ['client/src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../../features/*', '../../../features/*'], message: 'features never import each other; share through lib/ or components/' }] },
      ],
    },
  },
);
