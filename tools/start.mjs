// `npm start`: the whole platform on this machine — API, worker and console, with the demo data.
import { ensureDependencies, ensureServices, log, run, startProcess } from './lib.mjs';

await ensureServices();
ensureDependencies();
log('applying database migrations');
run('npm', ['run', '-s', 'db:migrate', '--', '--no-generate']);
log('loading the demo data');
run('npm', ['run', '-s', 'db:seed']);

const children = [
  startProcess('api', 34, 'node', ['-r', '@swc-node/register', 'apps/api/src/main.ts']),
  startProcess('worker', 35, 'node', ['-r', '@swc-node/register', 'apps/worker/src/main.ts']),
  startProcess('console', 32, 'npx', ['vite', '-c', 'apps/console/vite.config.mts', '--host', '127.0.0.1', '--port', '4200', '--strictPort']),
];

console.log(`
  Console   http://127.0.0.1:4200
  API       http://127.0.0.1:3000/graphql   (health: /health/live, /health/ready)

  Demo accounts (password Demo#2026pass):
    admin@mop.local          platform admin
    reviewer@mop.local       platform reviewer
    owner@harbor.example     owner of Harbor Coffee   (also manager@, marketer@, clerk@harbor.example)
    owner@lumen.example      owner of Lumen Books     (also manager@, marketer@, clerk@lumen.example)
    admin@nimbus.example     provider admin of Nimbus Digital (operator@nimbus.example: operator)
    consultant@mop.local     manager at Lumen Books and operator at Nimbus Digital
    applicant@maple.example  applied as Maple Bakery: waiting in the reviewer's queue

  Ctrl-C stops everything.
`);

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
for (const child of children) {
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`a process exited (${code}); stopping the platform`);
      stop(code ?? 1);
    }
  });
}
