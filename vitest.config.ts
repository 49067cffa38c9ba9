import { defineConfig } from 'vitest/config';

const conditions = ['@verbund/source', 'module', 'node', 'import', 'default'];

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
