import { describe, expect, it } from 'vitest';
import { moduleTrees } from '../support/module-tree';

const { tree, check } = moduleTrees('check-cycles.mjs');

describe('the import cycle check', () => {
  it('fails on a cycle through the @/ alias, a relative path and an export-from, naming the modules in order', () => {
    const root = tree({
      'lib/jobs/runner.ts': "import { kinds } from './kinds';\nexport const run = () => kinds;",
      'lib/jobs/kinds.ts': "export { pushKind as kinds } from '@/lib/config/push';",
      'lib/config/push.ts': "import { run } from '@/lib/jobs/runner';\nexport const pushKind = run;",
      'app/page.tsx': "import { run } from '@/lib/jobs/runner';\nexport default run;",
    });
    const { status, out } = check(root);
    expect(status).toBe(1);
    expect(out).toContain('cycle of 3 modules: lib/config/push.ts -> lib/jobs/runner.ts -> lib/jobs/kinds.ts -> lib/config/push.ts');
    expect(out).not.toContain('app/page.tsx');
  });

  it('passes when the only way back is a type-only import or a dynamic import()', () => {
    const root = tree({
      'lib/jobs/runner.ts': "import { kinds } from './kinds';\nexport type Context = { id: number };\nexport const run = () => kinds;",
      'lib/jobs/kinds.ts': "import { pushKind } from '../config/push';\nexport const kinds = [pushKind];",
      'lib/config/push.ts': "import type { Context } from '@/lib/jobs/runner';\nimport { type Context as C } from '@/lib/jobs/runner';\n" +
        "export const pushKind = (ctx: Context | C) => import('@/lib/jobs/runner');",
    });
    expect(check(root)).toEqual({ status: 0, out: 'import cycles: none among 3 modules\n' });
  });
});
