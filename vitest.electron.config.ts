import { defineConfig } from 'vitest/config';
import { deskAliases } from './src/main/web/renderer-vite-config';

/** The Electron suite (`npm run test:electron`): the built app, one file at a time. */
export default defineConfig({
  resolve: { alias: deskAliases(__dirname) },
  test: {
    include: ['test/electron/**/*.electron.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    expect: { poll: { timeout: 20_000 } },
  },
});
