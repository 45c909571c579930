import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '../../../..');

interface Probe {
  name: string;
  filePath: string;
  code: string;
}
interface Finding {
  ruleId: string | null;
  message: string;
}

const PROBES: Probe[] = [
  {
    name: 'console imports data-access',
    filePath: 'apps/console/src/boundary-probe.ts',
    code: "import { DataAccessModule } from '@mop/data-access';\nexport const probe = DataAccessModule;\n",
  },
  {
    name: 'identity imports the generated client',
    filePath: 'libs/identity/src/lib/boundary-probe.ts',
    code: "import { PrismaClient } from '../../../data-access/src/generated/prisma/client';\nexport const probe = PrismaClient;\n",
  },
  {
    name: 'identity imports @prisma/client',
    filePath: 'libs/identity/src/lib/boundary-probe.ts',
    code: "import { PrismaClient } from '@prisma/client';\nexport const probe = PrismaClient;\n",
  },
  {
    name: 'identity imports data-access',
    filePath: 'libs/identity/src/lib/boundary-probe.ts',
    code: "import { DataAccessModule } from '@mop/data-access';\nexport const probe = DataAccessModule;\n",
  },
];

/**
 * ESLint's Node API, with one instance for all probes, in a plain Node process: ESLint loads the
 * flat config with a dynamic `import()`, which Jest's module sandbox does not allow.
 */
const LINT_SCRIPT = `
const { ESLint } = require('eslint');
(async () => {
  const probes = JSON.parse(process.argv[1]);
  const eslint = new ESLint({ cwd: process.cwd() });
  const out = {};
  for (const p of probes) {
    const [result] = await eslint.lintText(p.code, { filePath: require('node:path').join(process.cwd(), p.filePath) });
    out[p.name] = result.messages.filter((m) => m.severity === 2).map((m) => ({ ruleId: m.ruleId, message: m.message }));
  }
  process.stdout.write(JSON.stringify(out));
})().catch((err) => { console.error(err); process.exit(1); });
`;

/**
 * The module boundaries are the architecture, so the lint rules must actually refuse what they
 * claim to: made-up files at real places in the tree, linted with the workspace's own config.
 */
describe('module boundaries', () => {
  let findings: Record<string, Finding[]>;
  beforeAll(async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', LINT_SCRIPT, JSON.stringify(PROBES)], {
      cwd: ROOT,
      maxBuffer: 10 * 1024 * 1024,
    });
    findings = JSON.parse(stdout) as Record<string, Finding[]>;
  }, 180_000);

  const rulesOf = (name: string) => findings[name].map((f) => f.ruleId);

  it('forbids the console to import server code', () => {
    const boundary = findings['console imports data-access'].find((f) => f.ruleId === '@nx/enforce-module-boundaries');
    expect(boundary?.message).toMatch(/scope:console/);
  });

  it('forbids a domain library to import the Prisma client other than through data-access', () => {
    expect(rulesOf('identity imports the generated client')).toContain('no-restricted-imports');
    expect(rulesOf('identity imports @prisma/client')).toContain('no-restricted-imports');
    const restricted = findings['identity imports @prisma/client'].find((f) => f.ruleId === 'no-restricted-imports');
    expect(restricted?.message).toMatch(/@mop\/data-access/);
  });

  it('lets a domain library use the data-access library', () => {
    expect(findings['identity imports data-access']).toEqual([]);
  });
});
