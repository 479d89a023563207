// `npm run security:scan`: Electronegativity over src/, offline, plus Google's CSP evaluator
// (the one Electronegativity uses) over the policy the app really sends. Every finding must be
// listed as justified in docs/SECURITY.md ("Electronegativity findings" table, by check and
// file); anything else fails the run. Run with tsx: the policy comes from window-policy.ts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildContentSecurityPolicy } from '../src/main/electron/window-policy.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** `| \`CHECK_ID\` | \`file\` | why |` rows under the "Electronegativity findings" heading. */
function justifiedFindings() {
  const text = readFileSync(join(root, 'docs/SECURITY.md'), 'utf8');
  const start = text.search(/^##+ Electronegativity findings/m);
  if (start < 0) throw new Error('docs/SECURITY.md has no "Electronegativity findings" section');
  const section = text.slice(start).split(/\n##? (?!#)/)[0];
  const rows = new Map();
  for (const match of section.matchAll(/^\|\s*`([A-Z_:-]+[^`]*)`\s*\|\s*`([^`]+)`\s*\|\s*([^|]+)\|/gm)) {
    rows.set(`${match[1]} ${match[2]}`, match[3].trim());
  }
  return rows;
}

function runElectronegativity() {
  const out = mkdtempSync(join(tmpdir(), 'aurora-eneg-'));
  const sarif = join(out, 'findings.sarif');
  const cli = require.resolve('@doyensec/electronegativity/dist/index.js');
  const electron = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const run = spawnSync(
    process.execPath,
    ['--require', join(root, 'scripts/electronegativity-offline.cjs'), cli, '-i', 'src', '-r', '-v', 'false', '-e', electron, '-o', sarif],
    { cwd: root, encoding: 'utf8', env: { ...process.env, LANG: 'en-US' } },
  );
  if (run.status !== 0) {
    process.stdout.write(run.stdout);
    process.stderr.write(run.stderr);
    throw new Error(`electronegativity exited with ${run.status}`);
  }
  try {
    const report = JSON.parse(readFileSync(sarif, 'utf8'));
    return report.runs[0].results.map((result) => {
      const where = result.locations?.[0]?.physicalLocation;
      return {
        id: result.ruleId,
        file: `src/${where?.artifactLocation?.uri ?? '?'}`,
        line: where?.region?.startLine ?? 0,
        message: result.message?.text ?? '',
      };
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The CSP evaluator's findings for the production policy, HIGH and MEDIUM ones as failures. */
function evaluatePolicy() {
  const csp = require('@doyensec/csp-evaluator');
  const policy = buildContentSecurityPolicy();
  const findings = new csp.CspEvaluator(new csp.CspParser(policy).csp, csp.Version.CSP3).evaluate();
  return findings.map((finding) => ({
    id: `CSP_EVALUATOR:${finding.directive}`,
    file: 'src/main/electron/window-policy.ts',
    line: 0,
    message: `${finding.description} (severity ${finding.severity})`,
    serious: finding.severity <= csp.severities.MEDIUM,
  }));
}

const justified = justifiedFindings();
const findings = [...runElectronegativity(), ...evaluatePolicy()];
const seen = new Set();
let unjustified = 0;
for (const finding of findings) {
  const key = `${finding.id} ${finding.file}`;
  seen.add(key);
  const reason = justified.get(key);
  const at = `${finding.file}${finding.line ? `:${finding.line}` : ''}`;
  if (reason && !finding.serious) {
    console.log(`justified  ${finding.id} at ${at}: ${reason}`);
  } else {
    unjustified++;
    console.error(`FINDING    ${finding.id} at ${at}: ${finding.message}${finding.serious ? ' (serious: fix it)' : ''}`);
  }
}
for (const key of justified.keys()) {
  if (!seen.has(key)) console.warn(`stale      ${key}: justified in docs/SECURITY.md but no longer found (remove the row)`);
}
console.log(`security scan: ${findings.length} finding(s), ${findings.length - unjustified} justified, ${unjustified} not justified`);
process.exit(unjustified > 0 ? 1 : 0);
