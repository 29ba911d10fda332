// `npm test`: every check the project has, in the order that fails fastest.
// Each runner ends with a plain "N passed, N failed" line, as CI reads them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Step {
  name: string;
  command: string[];
}

const npx = (...args: string[]) => ['npx', '--no-install', ...args];

const CHECKS: Step[] = [
  { name: 'lint and format (biome)', command: npx('biome', 'check', '.') },
  { name: 'typecheck (tsc --strict)', command: npx('tsc', '--noEmit', '-p', '.') },
  { name: 'dictionary is up to date', command: ['npm', 'run', '--silent', 'dictionary', '--', '--check'] },
  { name: 'build Chrome MV3', command: npx('wxt', 'build') },
  { name: 'build Firefox', command: npx('wxt', 'build', '-b', 'firefox') },
  {
    name: 'web-ext lint (Firefox build)',
    command: npx(
      'web-ext',
      'lint',
      '--source-dir',
      '.output/firefox-mv2',
      '--self-hosted',
      '--output',
      'text',
    ),
  },
];

function run(step: Step, env: NodeJS.ProcessEnv = process.env): boolean {
  console.log(`\n▶ ${step.name}: ${step.command.join(' ')}`);
  const [cmd = '', ...args] = step.command;
  const result = spawnSync(cmd, args, { stdio: 'inherit', env });
  const ok = result.status === 0;
  console.log(ok ? `✔ ${step.name}` : `✘ ${step.name} (exit ${result.status ?? result.signal})`);
  return ok;
}

/** vitest's own summary isn't in the "N passed, N failed" form, so read its JSON report. */
function runUnitTests(): { passed: number; failed: number } {
  const dir = mkdtempSync(join(tmpdir(), 'hashiya-vitest-'));
  const report = join(dir, 'report.json');
  const ok = run({
    name: 'unit tests (vitest + happy-dom)',
    command: npx('vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`),
  });
  try {
    const json = JSON.parse(readFileSync(report, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
    };
    const failed = json.numFailedTests + (ok || json.numFailedTests > 0 ? 0 : 1);
    return { passed: json.numPassedTests, failed };
  } catch {
    return { passed: 0, failed: 1 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let checksPassed = 0;
let checksFailed = 0;
for (const step of CHECKS.slice(0, 3)) run(step) ? checksPassed++ : checksFailed++;
const unit = runUnitTests();
console.log(`vitest: ${unit.passed} passed, ${unit.failed} failed`);
for (const step of CHECKS.slice(3)) run(step) ? checksPassed++ : checksFailed++;
console.log(`checks: ${checksPassed} passed, ${checksFailed} failed`);

// End-to-end needs both builds; it prints its own line per browser and its totals to a file.
const e2e = { passed: 0, failed: 0, skipped: 0 };
let e2eOk = false;
if (checksFailed === 0) {
  const dir = mkdtempSync(join(tmpdir(), 'hashiya-e2e-'));
  const summary = join(dir, 'summary.json');
  try {
    e2eOk = run(
      { name: 'end-to-end (Chromium, Firefox ESR)', command: npx('tsx', 'tests/e2e/run.ts') },
      { ...process.env, HASHIYA_E2E_SUMMARY: summary },
    );
    Object.assign(e2e, JSON.parse(readFileSync(summary, 'utf8')));
  } catch {
    e2eOk = false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (!e2eOk && e2e.failed === 0) e2e.failed = 1; // the runner itself failed
} else {
  console.log('end-to-end tests skipped: a build or check above failed');
}

// The last line counts everything, skips included, so a run that skipped a browser never reads as
// plain green.
console.log(
  `\ntotal: ${unit.passed + checksPassed + e2e.passed} passed, ` +
    `${unit.failed + checksFailed + e2e.failed} failed, ${e2e.skipped} skipped`,
);
process.exit(checksFailed === 0 && unit.failed === 0 && e2eOk ? 0 : 1);
