// `npm test`: every check and every test suite, ending with one line `tests: N passed, N failed`.
// Static checks (lint, types, build, schema-vs-migrations) count as one test each.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { attempt, ensureDependencies, ensureServices, log, root } from './lib.mjs';

const results = { passed: 0, failed: 0, failures: [] };
function record(name, ok) {
  if (ok) results.passed += 1;
  else {
    results.failed += 1;
    results.failures.push(name);
  }
}

function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(path)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0) {
    log("installing Debian's chromium for the browser tests");
    attempt('apt-get', ['update', '-qq']);
    attempt('apt-get', ['install', '-y', '-qq', 'chromium'], { env: { DEBIAN_FRONTEND: 'noninteractive' } });
  }
  if (!existsSync(path)) log(`no Chromium at ${path}: the browser tests will fail (set CHROMIUM_PATH or install chromium)`);
}

/** Runs Jest with a JSON report and adds its counts; a crash without a report counts as one failure. */
function jest(name, args) {
  const out = join(root, 'tmp', `jest-${name}.json`);
  rmSync(out, { force: true });
  attempt('npx', ['jest', ...args, '--json', `--outputFile=${out}`, '--forceExit']);
  if (!existsSync(out)) return record(`jest ${name} (no report)`, false);
  const report = JSON.parse(readFileSync(out, 'utf8'));
  results.passed += report.numPassedTests;
  results.failed += report.numFailedTests;
  for (const suite of report.testResults) {
    for (const t of suite.assertionResults) if (t.status === 'failed') results.failures.push(t.fullName);
    // a suite that failed to run (syntax error, failing beforeAll) has no failed assertions of its own
    if (suite.status === 'failed' && suite.assertionResults.every((t) => t.status !== 'failed')) {
      results.failed += 1;
      results.failures.push(`${suite.name}: ${String(suite.message).split('\n').find((l) => l.trim()) ?? 'failed to run'}`);
    }
  }
}

mkdirSync(join(root, 'tmp'), { recursive: true });
await ensureServices();
ensureDependencies();
ensureChromium();

const only = process.argv[2];
if (!only || only === 'checks') {
  log('static checks: lint, typecheck, build');
  for (const target of ['lint', 'typecheck', 'build']) {
    record(`nx run-many -t ${target}`, attempt('npx', ['nx', 'run-many', '-t', target, '--parallel=2', '--outputStyle=static']));
  }
  log('schema and migrations agree');
  record('db:migrate:check', attempt('npm', ['run', '-s', 'db:migrate:check']));
}
if (!only || only === 'unit') {
  log('unit and integration tests (real PostgreSQL and Redis)');
  jest('unit', ['-c', 'jest.config.js', '--maxWorkers=2']);
}
if (!only || only === 'e2e') {
  log('browser tests (real Chromium, API and console)');
  jest('e2e', ['-c', 'apps/console-e2e/jest.config.js', '--runInBand']);
}

if (results.failures.length) {
  console.log('\nfailed:');
  for (const f of results.failures) console.log(`  ✗ ${f}`);
}
console.log(`tests: ${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed === 0 && results.passed > 0 ? 0 : 1);
