/**
 * A Vite plugin that writes the renderer's Content-Security-Policy into the built index.html.
 * Electron loads that file from disk, where a response header may not reach it; the meta tag
 * holds the very policy window.ts sends as a header (one source: window-policy.ts). Build only:
 * the dev server needs the looser policy window.ts gives it.
 */
import type { Plugin } from 'vite';
import { buildContentSecurityPolicy } from '../electron/window-policy.js';

export function cspMetaPlugin(): Plugin {
  return {
    name: 'aurora-desk-csp-meta',
    apply: 'build',
    transformIndexHtml() {
      return [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: buildContentSecurityPolicy() },
          injectTo: 'head-prepend',
        },
      ];
    },
  };
}
