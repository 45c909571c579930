import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { basename, join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

export interface Server {
  url: string;
  stop(): Promise<void>;
}

/** Starts a TypeScript entry point in its own Node process and waits until `readyUrl` answers. */
export async function startServer(entry: string, env: Record<string, string>, port: number, path = '/graphql'): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, [...(process.env['BENCH_NODE_ARGS']?.split(' ').filter(Boolean) ?? []), '-r', '@swc-node/register', join(ROOT, entry)], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The server's own log, for looking into a bad figure: bench/results/<entry>-<port>.log (not committed).
  const log = createWriteStream(join(ROOT, 'bench', 'results', `${basename(entry, '.ts')}-${port}.log`));
  child.stdout?.pipe(log);
  child.stderr?.pipe(log, { end: false });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${entry} exited (${child.exitCode}): ${stderr}`);
    try {
      const res = await fetch(`${base}/health`);
      if (res.status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${entry} did not start within 60 s: ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url: `${base}${path}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}
