import { defineConfig } from 'vitest/config';
import path from 'node:path';

const alias = { '@': path.resolve(import.meta.dirname) };

// Services read these; tests never touch ./data or a DATABASE_URL of the developer's.
const testEnv = {
  DATABASE_URL: '',
  PGLITE_DIR: 'memory://',
  AUTH_SECRET: 'test-auth-secret-0123456789abcdef',
  APP_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  LOG_LEVEL: 'warn',
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        // next-auth imports 'next/server' without its extension, which Node's ESM resolver refuses: let Vite resolve it.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', env: testEnv, server: { deps: { inline: ['next-auth'] } } },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          env: testEnv,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'labs',
          include: ['tests/labs/**/*.test.ts'],
          environment: 'node',
          env: testEnv,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          globalSetup: ['tests/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
