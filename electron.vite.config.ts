import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import { rendererBuildStamp } from './src/main/web/renderer-build';
import { rendererViteConfig } from './src/main/web/renderer-vite-config';

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/main/index.ts') },
      },
    },
  },
  preload: {
    plugins: [externalizeDepsPlugin()],
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
