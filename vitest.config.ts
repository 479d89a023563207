import { configDefaults, defineConfig } from 'vitest/config';
import { deskAliases } from './src/main/web/renderer-vite-config';

export default defineConfig({
  resolve: { alias: deskAliases(__dirname) },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // The Electron suite needs the Electron binary: `npm run test:electron`, never `npm test`.
    exclude: [...configDefaults.exclude, 'test/electron/**'],
    environment: 'node',
    // Two cores: a database-heavy suite gains little from more workers.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // expect.poll waits 1 s by default: too short for a screen on a loaded 2-core CI machine.
    // A poll that never comes true still fails, only later.
    expect: { poll: { timeout: 15_000 } },
    globalSetup: ['test/fixtures/global-setup.ts'],
  },
});
