/**
 * `npm run bench -- <name>`: runs bench/<name>.ts (coupons, …) against real servers on this machine.
 * Each bench prints its table and writes bench/results/<name>.json.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const name = process.argv[2];
if (!name || !/^[a-z-]+$/.test(name) || !existsSync(join(__dirname, `${name}.ts`))) {
  console.error('usage: npm run bench -- <name>   (e.g. coupons)');
  process.exit(2);
}
require(join(__dirname, `${name}.ts`));
