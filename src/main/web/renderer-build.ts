/**
 * Builds the renderer for the web harness and the end-to-end tests, once, when out/renderer is
 * missing or older than its sources. "Older" is decided by a hash of the sources kept beside
 * the build (not by mtimes, which a checkout resets), and a lock folder keeps parallel test
 * files from building at the same time. This is the renderer part of `electron-vite build`
 * (the same config, renderer-vite-config.ts, and output folder), without main and preload.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import type { Logger } from '../core/log.js';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const rendererOutDir = join(projectRoot, 'out/renderer');
const STAMP = '.aurora-build-stamp';

/** What the built renderer depends on. Type-only imports from src/main do not change it. */
const SOURCES = [
  'src/renderer',
  'src/shared',
  'src/main/electron/window-policy.ts',
  'src/main/web/csp-meta.ts',
  'src/main/web/renderer-build.ts',
  'src/main/web/renderer-vite-config.ts',
  'package-lock.json',
];

function listFiles(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.'))
    .flatMap((entry) => listFiles(join(path, entry.name)));
}

export function rendererSourceHash(root = projectRoot): string {
  const hash = createHash('sha256');
  const files = SOURCES.flatMap((source) => listFiles(join(root, source))).sort();
  for (const file of files) {
    hash.update(relative(root, file));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 32);
}

function builtHash(outDir: string): string | null {
  try {
    return readFileSync(join(outDir, STAMP), 'utf8').trim();
  } catch {
    return null;
  }
}

/**
 * For `electron-vite build`: stamps its renderer output the way ensureRendererBuilt does, so the
 * harness and the e2e tests serve what `npm run build` made instead of building again.
 */
export function rendererBuildStamp(root = projectRoot): Plugin {
  let outDir = '';
  return {
    name: 'aurora-desk-build-stamp',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      if (outDir) writeFileSync(join(outDir, STAMP), `${rendererSourceHash(root)}\n`);
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A lock folder: mkdir is atomic. A lock older than `staleMs` belongs to a crashed build. */
async function withLock<T>(lockDir: string, work: () => Promise<T>, staleMs = 10 * 60_000): Promise<T> {
  mkdirSync(dirname(lockDir), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      try {
        if (Date.now() - statSync(lockDir).mtimeMs > staleMs) rmSync(lockDir, { recursive: true, force: true });
      } catch {
        // Gone meanwhile: try again.
      }
      await sleep(250);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

export interface EnsureRendererOptions {
  root?: string;
  outDir?: string;
  log?: Pick<Logger, 'info'>;
  /** Build even when the stamp says the build is current. */
  force?: boolean;
}

/** Builds out/renderer unless it is current. Resolves with whether it built. */
export async function ensureRendererBuilt(options: EnsureRendererOptions = {}): Promise<{ built: boolean; outDir: string }> {
  const root = options.root ?? projectRoot;
  const outDir = options.outDir ?? join(root, 'out/renderer');
  const wanted = rendererSourceHash(root);
  if (!options.force && builtHash(outDir) === wanted && existsSync(join(outDir, 'index.html'))) return { built: false, outDir };

  return withLock(`${outDir}.build-lock`, async () => {
    // Another process may have built it while this one waited for the lock.
    if (!options.force && builtHash(outDir) === wanted && existsSync(join(outDir, 'index.html'))) return { built: false, outDir };
    options.log?.info('building the renderer (out/renderer is missing or older than its sources)…');
    const started = Date.now();
    // Vite and the React plugin load only when a build is due (the harness starts without them).
    const [{ build }, { rendererViteConfig }] = await Promise.all([import('vite'), import('./renderer-vite-config.js')]);
    const staging = `${outDir}.staging-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    // Vite takes process.env.NODE_ENV over the mode when it is set, and vitest sets it to 'test':
    // a build started from a test would ship React's development build and JSX (several times
    // slower: an Error with a stack for every element). The app's build is production.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    const config = rendererViteConfig(root);
    await build({
      ...config,
      configFile: false,
      mode: 'production',
      logLevel: 'warn',
      build: { ...config.build, outDir: staging, emptyOutDir: true },
    }).finally(() => {
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    });
    writeFileSync(join(staging, STAMP), `${wanted}\n`);
    // Swap in one step, so a harness serving the old build never sees half a new one.
    const old = `${outDir}.old-${process.pid}`;
    if (existsSync(outDir)) renameSync(outDir, old);
    renameSync(staging, outDir);
    rmSync(old, { recursive: true, force: true });
    options.log?.info(`renderer built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { built: true, outDir };
  });
}
