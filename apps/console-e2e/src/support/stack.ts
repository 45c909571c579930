/**
 * The real stack for one e2e test file: a fresh seeded database, the API as a child process in
 * production mode (and the worker, when asked), the built console under `vite preview` proxying to
 * it, and headless Chromium.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { chromium, type Browser } from 'playwright-core';
import { createTestDatabase, seedDemo, type TestDatabase } from '@mop/data-access/testing';

const ROOT = join(__dirname, '../../../..');
const CONSOLE_DIST = join(ROOT, 'dist/apps/console');
const VITE = join(ROOT, 'node_modules/vite/bin/vite.js');
const VITE_CONFIG = join(ROOT, 'apps/console/vite.config.mts');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const DEMO_PASSWORD = 'Demo#2026pass';

export interface Stack {
  /** The console's origin, e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  apiUrl: string;
  browser: Browser;
  database: TestDatabase;
  /** The Redis and key prefix the API (and the worker) use: a test can enqueue on the stack's queues. */
  redisUrl: string;
  redisPrefix: string;
  stop(): Promise<void>;
}

export interface StackOptions {
  /** Also start the worker (queue processors), on the same database and Redis prefix. */
  worker?: boolean;
  /** Settings for the API and the worker (e.g. a short webhook backoff). */
  env?: Record<string, string>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, entry) => Math.max(max, newestMtime(join(path, entry))), stat.mtimeMs);
}

/** Builds the console once per run, when dist is missing or older than its sources. */
export function ensureConsoleBuilt(): void {
  const builtAt = existsSync(join(CONSOLE_DIST, 'index.html')) ? statSync(join(CONSOLE_DIST, 'index.html')).mtimeMs : 0;
  const sources = [
    join(ROOT, 'apps/console/src'),
    join(ROOT, 'apps/console/index.html'),
    VITE_CONFIG,
    join(ROOT, 'libs/shared/src'),
  ];
  if (builtAt > Math.max(...sources.map(newestMtime))) return;
  const result = spawnSync(process.execPath, [VITE, 'build', '-c', VITE_CONFIG, '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  if (result.status !== 0) throw new Error(`vite build failed with status ${result.status}`);
}

async function waitFor(url: string, what: string, child: ChildProcess, output: () => string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} not ready at ${url} (${lastError}):\n${output()}`);
}

function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: false });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, output: () => log };
}

/** The worker has no HTTP: it is ready once it says so. */
async function waitForLog(text: string, what: string, child: ChildProcess, output: () => string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}:\n${output()}`);
    if (output().includes(text)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not report "${text}":\n${output()}`);
}

async function stopProcess(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  ensureConsoleBuilt();
  const database = await createTestDatabase();
  let api: ReturnType<typeof startProcess> | undefined;
  let worker: ReturnType<typeof startProcess> | undefined;
  let preview: ReturnType<typeof startProcess> | undefined;
  let browser: Browser | undefined;
  const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  const redisPrefix = `e2e-console-${randomBytes(4).toString('hex')}`;
  try {
    await seedDemo(database.db);

    const apiPort = await freePort();
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const serverEnv = { ...process.env, NODE_ENV: 'production', DATABASE_URL: database.url, REDIS_URL: redisUrl, REDIS_PREFIX: redisPrefix, ...options.env };
    api = startProcess(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
      // @swc-node/register resolves the @mop/* path aliases from this tsconfig.
      SWC_NODE_PROJECT: 'apps/api/tsconfig.json',
      ...serverEnv,
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      // The browser reaches the console over plain http on 127.0.0.1.
      COOKIE_SECURE: 'false',
    });
    await waitFor(`${apiUrl}/health/ready`, 'API', api.child, api.output);
    if (options.worker) {
      worker = startProcess(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], { SWC_NODE_PROJECT: 'apps/worker/tsconfig.json', ...serverEnv });
      await waitForLog('worker started', 'worker', worker.child, worker.output);
    }

    const previewPort = await freePort();
    const baseUrl = `http://127.0.0.1:${previewPort}`;
    preview = startProcess(
      process.execPath,
      [VITE, 'preview', '-c', VITE_CONFIG, '--port', String(previewPort), '--strictPort', '--host', '127.0.0.1'],
      { ...process.env, MOP_API_URL: apiUrl, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    );
    await waitFor(`${baseUrl}/`, 'vite preview', preview.child, preview.output);
    await waitFor(`${baseUrl}/health/live`, 'API through the preview proxy', preview.child, preview.output);

    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });

    const started = { api, worker, preview, browser };
    return {
      baseUrl,
      apiUrl,
      browser,
      database,
      redisUrl,
      redisPrefix,
      stop: async () => {
        await started.browser.close().catch(() => undefined);
        await stopProcess(started.preview.child);
        await stopProcess(started.worker?.child);
        await stopProcess(started.api.child);
        await database.drop();
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await stopProcess(preview?.child);
    await stopProcess(worker?.child);
    await stopProcess(api?.child);
    await database.drop();
    throw error;
  }
}
