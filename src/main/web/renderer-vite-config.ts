/**
 * How the renderer is built, in one place for both builds that make out/renderer: the app's
 * (`electron-vite build`, electron.vite.config.ts) and the web harness's and tests'
 * (renderer-build.ts). Production, minified, split per screen by the lazy imports of
 * src/renderer/src/lib/areas.ts, with the CSP as a <meta> in the page (Electron loads it from
 * file://, where no response header reaches it). Relative asset URLs work under file:// and /.
 */
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Plugin, UserConfig } from 'vite';
import { cspMetaPlugin } from './csp-meta.js';

/** The import aliases of tsconfig.base.json, for Vite and vitest. */
export function deskAliases(root: string): Record<string, string> {
  return { '@shared': join(root, 'src/shared'), '@renderer': join(root, 'src/renderer/src') };
}

export function rendererViteConfig(root: string, extraPlugins: Plugin[] = []): UserConfig & { root: string } {
  return {
    root: join(root, 'src/renderer'),
    base: './',
    plugins: [react(), cspMetaPlugin(), ...extraPlugins],
    resolve: { alias: deskAliases(root) },
    build: {
      // electron-vite would leave the renderer unminified; minified, the window parses a third
      // of it before its first paint (see the renderer bench figures in the README).
      minify: 'esbuild',
      reportCompressedSize: false,
      chunkSizeWarningLimit: 4096,
      rollupOptions: {
        input: join(root, 'src/renderer/index.html'),
        onwarn(warning, warn) {
          // Dependencies' misplaced /*#__PURE__*/ comments: noise, not something to act on.
          if (warning.code === 'INVALID_ANNOTATION') return;
          warn(warning);
        },
      },
    },
  };
}
