import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import { cspMetaPlugin } from './src/main/web/csp-meta';
import { rendererBuildStamp } from './src/main/web/renderer-build';

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
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    // The CSP as a <meta> in the built page too (Electron loads it from file://); the stamp lets
    // the web harness and the e2e tests reuse this build.
    plugins: [react(), cspMetaPlugin(), rendererBuildStamp(__dirname)],
    build: {
      // electron-vite leaves the renderer unminified; minified, the window parses a third of it
      // before its first paint (see the renderer bench figures in the README).
      minify: 'esbuild',
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/renderer/index.html') },
      },
    },
  },
});
