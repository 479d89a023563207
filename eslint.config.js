import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Room patterns and tsconfig paths are read from here, wherever eslint is started from.
const projectRoot = fileURLToPath(new URL('.', import.meta.url));

// The rooms of ARCHITECTURE.md ("Layout", "Rules of the rooms"). Paths are matched from the
// project root (partialMatch: false), so a folder of the same name elsewhere is not a room.
// src/main/features/* is one element per area: imports inside an area are free, imports
// between two areas are a dependency between two elements and need a policy (there is none).
const rooms = [
  { type: 'electron', pattern: 'src/main/electron' },
  { type: 'desktop', pattern: 'src/main/desktop' },
  { type: 'api', pattern: 'src/main/api' },
  // Authoring is the module quests and items share (revisions, reading items): first, so it is
  // not taken for one more area.
  { type: 'authoring', pattern: 'src/main/features/authoring' },
  { type: 'feature', pattern: 'src/main/features/*', capture: ['area'] },
  { type: 'connection', pattern: 'src/main/connection' },
  { type: 'core', pattern: 'src/main/core' },
  { type: 'db', pattern: 'src/main/db' },
  { type: 'live', pattern: 'src/main/live' },
  { type: 'rpc', pattern: 'src/main/rpc' },
  { type: 'web', pattern: 'src/main/web' },
  { type: 'preload', pattern: 'src/preload' },
  { type: 'renderer', pattern: 'src/renderer' },
  { type: 'shared', pattern: 'src/shared' },
].map((room) => ({ ...room, partialMatch: false }));

// The two rooms that are one file each, at the root of src/main. Element patterns name
// folders, so these are classified as files.
const rootFiles = [
  { category: 'host', pattern: 'src/main/host.ts' },
  { category: 'cli', pattern: 'src/main/cli.ts' },
];

const room = (type, more = {}) => ({ element: { type, ...more } });
const types = (...names) => room(names);
const host = { file: { categories: 'host' } };

const packages = { to: { module: { origin: ['external', 'core'], source: '!electron' } } };
const electronPackage = { to: { module: { origin: 'external', source: 'electron' } } };
const noElectron = { disallow: electronPackage, message: 'Only src/main/electron and src/preload import Electron.' };
const shellTargets = [host, types('desktop', 'api', 'rpc', 'feature', 'live', 'core', 'db', 'shared')];
const belowFeatures = types('core', 'db', 'shared');

/**
 * What the files of each room may import besides their own room. An import no policy allows
 * is an error. Each room gets its own config block (the last block that matches a file wins,
 * so a single file's block repeats its room's policies): an import is then matched against
 * its room's few policies rather than every room's, which keeps the lint fast.
 */
const roomImports = [
  // The desktop shell sits on top: it starts the host and serves the router over Electron's ports.
  { files: ['src/main/electron/**'], policies: [{ allow: [packages, electronPackage, { to: shellTargets }] }] },
  // The web harness imports these two, so they stay free of Electron.
  {
    files: ['src/main/electron/window-policy.ts', 'src/main/electron/protocol.ts'],
    policies: [
      { allow: [packages, { to: shellTargets }] },
      { disallow: electronPackage, message: 'The web harness imports this file: keep Electron out of it.' },
    ],
  },
  // The web harness mirrors the shell in a browser: the same rooms, plus the shell's pure
  // policy modules, never the shell's Electron calls.
  {
    files: ['src/main/web/**'],
    policies: [
      {
        allow: [
          packages,
          { to: [...shellTargets, room('electron', { fileInternalPath: ['window-policy.ts', 'protocol.ts'] })] },
        ],
      },
      noElectron,
    ],
  },
  { files: ['src/main/cli.ts'], policies: [{ allow: [packages, { to: [host, belowFeatures] }] }, noElectron] },
  // The host builds the services; serving them (api, rpc) is the entries' business.
  {
    files: ['src/main/host.ts'],
    policies: [{ allow: [packages, { to: types('connection', 'feature', 'live', 'core', 'db', 'shared') }] }, noElectron],
  },
  // Opening a connection profile: the database, its checks and its live hub, for the host.
  { files: ['src/main/connection/**'], policies: [{ allow: [packages, { to: types('live', 'core', 'db', 'shared') }] }, noElectron] },
  // api/trpc.ts (context, procedure kinds, error mapping) sits below the features; only
  // api/root.ts names them, each through its router.
  { files: ['src/main/api/**'], policies: [{ allow: [packages, { to: belowFeatures }] }, noElectron] },
  {
    files: ['src/main/api/root.ts'],
    policies: [
      { allow: [packages, { to: [belowFeatures, room(['feature', 'live'], { fileInternalPath: 'router.ts' })] }] },
      noElectron,
    ],
  },
  // A feature (and the live hub's router) builds on the procedure kinds in api/trpc.ts.
  // Another feature is another element, and nothing allows it; the authoring module is the one
  // that quests and items both name.
  {
    files: ['src/main/features/**', 'src/main/live/**'],
    policies: [
      { allow: [packages, { to: [belowFeatures, room('api', { fileInternalPath: 'trpc.ts' })] }] },
      { allow: { to: room('authoring') }, from: room('feature', { captured: { area: ['quests', 'items'] } }) },
      noElectron,
    ],
  },
  {
    files: ['src/main/features/authoring/**'],
    policies: [{ allow: [packages, { to: belowFeatures }] }, noElectron],
  },
  { files: ['src/main/core/**'], policies: [{ allow: [packages, { to: types('db', 'shared') }] }, noElectron] },
  { files: ['src/main/db/**'], policies: [{ allow: [packages, { to: types('core', 'shared') }] }, noElectron] },
  // The desktop shell's decisions: plain functions, no Electron (the web harness uses them too).
  { files: ['src/main/desktop/**'], policies: [{ allow: [packages, { to: types('rpc', 'core', 'shared') }] }, noElectron] },
  { files: ['src/main/rpc/**'], policies: [{ allow: [packages, { to: types('core', 'shared') }] }, noElectron] },
  { files: ['src/preload/**'], policies: [{ allow: [packages, electronPackage, { to: room('shared') }] }] },
  // The renderer is sandboxed: no Electron, no Node built-ins.
  {
    files: ['src/renderer/**'],
    policies: [
      { allow: [packages, { to: room('shared') }] },
      { disallow: { to: { module: { origin: 'core' } } }, message: 'The renderer is sandboxed: no Node built-ins.' },
      noElectron,
    ],
  },
  // The one way from the renderer into the main process: the router's type, erased at build.
  {
    files: ['src/renderer/src/lib/trpc.ts'],
    policies: [
      { allow: [packages, { to: room('shared') }] },
      { allow: { to: room('api', { fileInternalPath: 'root.ts' }), dependency: { kind: 'type' } } },
      { disallow: { to: { module: { origin: 'core' } } }, message: 'The renderer is sandboxed: no Node built-ins.' },
      noElectron,
    ],
  },
  // src/shared runs on both sides: no Node built-ins, no React, no Electron.
  {
    files: ['src/shared/**'],
    policies: [
      { allow: { to: { module: { origin: 'external', source: '!{electron,react,react-dom}' } } } },
      {
        disallow: { to: { module: [{ origin: 'core' }, { source: ['electron', 'react', 'react-dom'] }] } },
        message: 'src/shared is plain TypeScript for both sides: no Node built-ins, no React, no Electron.',
      },
    ],
  },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'drizzle/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./){3,}',
              message: 'Climbs three or more folders: import through an alias (@shared/…, @renderer/…) instead.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['src/**/*.{ts,tsx,js,mjs}'],
    plugins: { boundaries },
    settings: {
      'boundaries/root-path': projectRoot,
      'boundaries/elements': rooms,
      'boundaries/files': rootFiles,
      // Selectors here use no ${…} templates; skipping the legacy template data is faster.
      'boundaries/legacy-templates': false,
      // An import the resolver cannot follow is an error, not an unchecked "external".
      'boundaries/flag-as-external': { unresolvableAlias: false },
      'import/resolver': {
        typescript: {
          project: ['tsconfig.node.json', 'tsconfig.web.json'].map((name) => `${projectRoot}${name}`),
          noWarnOnMultipleProjects: true,
        },
      },
    },
    rules: {
      // A file outside every room escapes every rule: a new folder gets a room first.
      'boundaries/no-unknown-files': 'error',
    },
  },
  ...roomImports.map(({ files, policies }) => ({
    files,
    rules: {
      'boundaries/dependencies': [
        'error',
        // Packages and unresolved imports are checked too: default 'disallow' covers them.
        { default: 'disallow', checkAllOrigins: true, checkUnknownLocals: true, policies },
      ],
    },
  })),
);
