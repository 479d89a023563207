import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import { rendererBuildStamp } from './src/main/web/renderer-build';
import { deskAliases, rendererViteConfig } from './src/main/web/renderer-vite-config';

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    resolve: { alias: deskAliases(__dirname) },
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/main/electron/index.ts') },
      },
    },
  },
  preload: {
    plugins: [externalizeDepsPlugin()],
    resolve: { alias: deskAliases(__dirname) },
    build: {
      // A sandboxed preload cannot be an ES module: emit CommonJS.
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  // Shared with the harness's build (src/main/web/renderer-build.ts); the stamp lets the web
  // harness and the e2e tests reuse this build.
  renderer: rendererViteConfig(__dirname, [rendererBuildStamp(__dirname)]),
});
