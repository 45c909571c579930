/**
 * Loads Prisma's WebAssembly schema engine and opens it on a database through the
 * migration-aware adapter. The package's own entry imports the `.wasm` as an ES module, which
 * Node rejects, so the glue is imported and the module instantiated here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import { MigrationAdapterFactory } from './adapter';

export type { SchemaEngine };

let initialised = false;

/** The wasm glue reports Rust panics here before throwing; keep the last message for errors. */
const panicRegistry = { message: '' as string, set_message(m: string) { panicRegistry.message = m; } };
(globalThis as unknown as { PRISMA_WASM_PANIC_REGISTRY: typeof panicRegistry }).PRISMA_WASM_PANIC_REGISTRY =
  panicRegistry;

export function lastEnginePanic(): string {
  return panicRegistry.message;
}

function initWasm(): void {
  if (initialised) return;
  const req = createRequire(__filename);
  const gluePath = req.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const bytes = readFileSync(gluePath.replace(/schema_engine_bg\.js$/, 'schema_engine_bg.wasm'));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
    './schema_engine_bg.js': glue as unknown as WebAssembly.ModuleImports,
  });
  const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start(): void };
  (glue as unknown as { __wbg_set_wasm(e: unknown): void }).__wbg_set_wasm(exports);
  exports.__wbindgen_start();
  initialised = true;
}

export interface OpenEngine {
  engine: SchemaEngine;
  logs: string[];
  /** Frees the engine and drops any shadow database left behind. */
  close(): Promise<void>;
}

export async function openEngine(url: string, schemaPath: string, schemaContent: string): Promise<OpenEngine> {
  initWasm();
  const factory = new MigrationAdapterFactory(url);
  const logs: string[] = [];
  const engine = (await glue.SchemaEngine.new(
    { datamodels: [[schemaPath, schemaContent]] },
    (log: string) => {
      logs.push(log);
    },
    bindMigrationAwareSqlAdapterFactory(factory),
  )) as SchemaEngine;
  return {
    engine,
    logs,
    close: async () => {
      try {
        engine.free();
      } finally {
        await factory.cleanup();
      }
    },
  };
}

/** Unwraps the engine's structured errors into readable ones. */
export function engineError(err: unknown): Error {
  if (panicRegistry.message) {
    const message = `Schema engine panicked: ${panicRegistry.message}`;
    panicRegistry.message = '';
    return Object.assign(new Error(message), { cause: err });
  }
  if (err instanceof Error) return err;
  if (err && typeof err === 'object') {
    const e = err as { message?: string; error_code?: string; meta?: unknown };
    const msg = e.message ?? JSON.stringify(err);
    return Object.assign(new Error(e.error_code ? `${e.error_code}: ${msg}` : msg), { cause: err });
  }
  return new Error(String(err));
}
