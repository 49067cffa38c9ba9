import { defineConfig } from 'vitest/config';

/**
 * Vitest hands `ssr.resolve.conditions` to the worker as Node's `--conditions`, which also apply to
 * `require`: listing `import` there made engine.io's `require('ws')` load ws's ESM wrapper (no `.Server`),
 * so no Socket.IO server could start under test. Only our source condition plus Vite's defaults.
 */
const conditions = ['@verbund/source', 'node', 'development|production'];

export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'shared', include: ['shared/src/**/*.test.ts'], environment: 'node' },
        ssr: { resolve: { conditions } },
      },
      {
        test: {
          name: 'server',
          include: ['server/src/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
        ssr: { resolve: { conditions } },
      },
      {
        test: {
          name: 'client',
          include: ['client/src/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['client/src/test-setup.ts'],
        },
        resolve: { conditions: ['@verbund/source', 'module', 'browser', 'import', 'default'] },
      },
    ],
  },
});
