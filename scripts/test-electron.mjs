// `npm run test:electron`: the Electron suite (test/electron/) on the built app, through
// playwright-core's Electron support. It needs the Electron binary, which `npm ci` downloads
// unless ELECTRON_SKIP_BINARY_DOWNLOAD is set (and which cannot be downloaded on machines
// without internet access). Where there is none, this says so and why, runs nothing, claims
// nothing and exits 0, unless AURORA_DESK_REQUIRE_ELECTRON=1 (CI's Electron job), where it fails.
// Never downloads anything: require('electron') would try to, so the binary is looked up here.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const required = process.env.AURORA_DESK_REQUIRE_ELECTRON === '1';

export function findElectron(env = process.env) {
  const pkg = join(root, 'node_modules/electron');
  if (!existsSync(join(pkg, 'package.json'))) return { reason: 'the electron package is not installed (run npm ci)' };
  const pathFile = join(pkg, 'path.txt');
  const dist = env.ELECTRON_OVERRIDE_DIST_PATH || join(pkg, 'dist');
  if (!env.ELECTRON_OVERRIDE_DIST_PATH && !existsSync(pathFile)) {
    return {
      reason:
        'the Electron binary was never downloaded (node_modules/electron/path.txt is missing' +
        (env.ELECTRON_SKIP_BINARY_DOWNLOAD ? '; ELECTRON_SKIP_BINARY_DOWNLOAD is set' : '') +
        '; this machine may have no internet access to fetch it)',
    };
  }
  const executable = join(dist, env.ELECTRON_OVERRIDE_DIST_PATH ? defaultName() : readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(executable)) return { reason: `the Electron binary is missing at ${executable}` };
  return { executable };
}

function defaultName() {
  if (process.platform === 'win32') return 'electron.exe';
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}

const found = findElectron();
if (!found.executable) {
  const line = `Electron suite not run: ${found.reason}. No Electron test ran, none is reported as passed.`;
  if (required) {
    console.error(line);
    process.exit(1);
  }
  console.log(line);
  console.log('It runs where the binary exists: a developer machine after a plain `npm ci`, or the electron job of .github/workflows/ci.yml.');
  process.exit(0);
}

if (!existsSync(join(root, 'out/main/index.js'))) {
  console.log('Building the app first (npm run build)…');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const result = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.electron.config.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, AURORA_DESK_ELECTRON: found.executable },
});
process.exit(result.status ?? 1);
