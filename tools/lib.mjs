// Helpers for the two quick-start commands. Plain Node (no dependencies): they run before `npm ci`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function log(message) {
  console.log(`\x1b[36m▸\x1b[0m ${message}`);
}

/** Runs a command in the repository, inheriting the terminal; throws when it fails. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...options.env } });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
  }
}

/** Like `run`, but returns whether it succeeded instead of throwing. */
export function attempt(command, args, options = {}) {
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...options.env } }).status === 0;
}

/** Installs the npm packages when they are missing or older than the lock file. */
export function ensureDependencies() {
  const marker = join(root, 'node_modules/.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (!existsSync(marker) || statSync(lock).mtimeMs > statSync(marker).mtimeMs) {
    // `npm install`, not `npm ci`: npm 11 records no lock entries for platform packages it cannot
    // fetch here (e.g. @swc/core's darwin builds) and `npm ci` then refuses the lock as out of sync.
    // With the lock present, `npm install` installs exactly its versions.
    log('installing npm packages');
    run('npm', ['install', '--no-audit', '--no-fund']);
  }
  log('generating the Prisma client');
  run('npm', ['run', '-s', 'db:generate']);
}

function reachable(host, port, timeoutMs = 1500) {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function endpoint(url, fallbackPort) {
  const parsed = new URL(url);
  return { host: parsed.hostname || '127.0.0.1', port: Number(parsed.port || fallbackPort) };
}

/**
 * PostgreSQL and Redis on their default local ports; when they are not there and Docker is, the
 * project's docker-compose.yml provides them.
 */
export async function ensureServices() {
  const pg = endpoint(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/mop', 5432);
  const redis = endpoint(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', 6379);
  const missing = [];
  if (!(await reachable(pg.host, pg.port))) missing.push(`PostgreSQL on ${pg.host}:${pg.port}`);
  if (!(await reachable(redis.host, redis.port))) missing.push(`Redis on ${redis.host}:${redis.port}`);
  if (missing.length === 0) return;
  const docker = spawnSync('docker', ['compose', 'version'], { stdio: 'ignore' }).status === 0;
  if (!docker) {
    throw new Error(`${missing.join(' and ')} not reachable, and Docker is not available to start them (docker compose up -d).`);
  }
  log(`${missing.join(' and ')} not reachable: starting them with docker compose`);
  run('docker', ['compose', 'up', '-d', '--wait']);
}

/** Starts a long-running process whose output lines are prefixed with its name. */
export function startProcess(name, color, command, args, env = {}) {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = `\x1b[${color}m[${name}]\x1b[0m `;
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream.on('data', (chunk) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) process.stdout.write(prefix + line + '\n');
    });
  }
  return child;
}
