import { Pool } from 'undici';

export interface LoadResult {
  requests: number;
  ok: number;
  failed: number;
  seconds: number;
  /** Successful operations per second. */
  opsPerS: number;
  p50Ms: number;
  p99Ms: number;
  /** A few distinct refusals and failures seen, for the report. */
  sampleErrors: string[];
}

export interface LoadOptions {
  url: string;
  concurrency: number;
  /** Stop after this long… */
  durationMs?: number;
  /** …or after this many requests, whichever comes first. */
  maxRequests?: number;
  headers?: Record<string, string>;
  /** The n-th request's GraphQL body. */
  body(n: number): { query: string; variables: Record<string, unknown> };
  /** Whether a response counts as a success (default: no `errors`). */
  ok?(json: { data?: Record<string, unknown> | null; errors?: unknown[] }): boolean;
  /** Called with every parsed response (for the bench's own bookkeeping). */
  onResponse?(n: number, json: { data?: Record<string, unknown> | null; errors?: { extensions?: Record<string, unknown> }[] }): void;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * A closed-loop HTTP load: `concurrency` clients, each sending its next request when the last one
 * answered, on keep-alive connections (undici). Latency is measured per request, client side.
 */
export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const target = new URL(o.url);
  const pool = new Pool(target.origin, { connections: o.concurrency, pipelining: 1, keepAliveTimeout: 60_000 });
  const latencies: number[] = [];
  let next = 0;
  let ok = 0;
  let failed = 0;
  const samples = new Set<string>();
  const started = performance.now();
  const deadline = o.durationMs ? started + o.durationMs : Infinity;
  const max = o.maxRequests ?? Infinity;
  const isOk = o.ok ?? ((j) => !j.errors);
  const headers = { 'content-type': 'application/json', ...(o.headers ?? {}) };

  async function client(): Promise<void> {
    while (performance.now() < deadline && next < max) {
      const n = next++;
      const payload = JSON.stringify(o.body(n));
      const t0 = performance.now();
      try {
        const res = await pool.request({ path: target.pathname, method: 'POST', headers, body: payload });
        const json = (await res.body.json()) as { data?: Record<string, unknown> | null; errors?: { extensions?: Record<string, unknown> }[] };
        latencies.push(performance.now() - t0);
        o.onResponse?.(n, json);
        if (isOk(json)) ok += 1;
        else {
          failed += 1;
          if (samples.size < 5) samples.add(String(json.errors?.[0]?.extensions?.['reason'] ?? json.errors?.[0]?.extensions?.['code'] ?? JSON.stringify(json).slice(0, 200)));
        }
      } catch (err) {
        latencies.push(performance.now() - t0);
        failed += 1;
        if (samples.size < 5) samples.add(String(err));
      }
    }
  }

  await Promise.all(Array.from({ length: o.concurrency }, () => client()));
  const seconds = (performance.now() - started) / 1000;
  await pool.close();
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, ok, failed, seconds, opsPerS: ok / seconds, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), sampleErrors: [...samples] };
}
