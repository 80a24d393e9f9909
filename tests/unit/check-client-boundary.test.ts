import { describe, expect, it } from 'vitest';
import { moduleTrees } from '../support/module-tree';

const { tree, check } = moduleTrees('check-client-boundary.mjs');

describe('the client boundary check', () => {
  it('fails when a client form reaches the database client through a schema module, naming the chain', () => {
    const root = tree({
      'app/x/form.tsx': "'use client';\nimport { input } from '@/lib/settings/schemas';\n",
      'lib/settings/schemas.ts': "import { irr } from '@/lib/filters/settings';\nexport const input = irr;\n",
      'lib/filters/settings.ts': "import { db } from '@/db/client';\nexport const irr = db;\n",
      'db/client.ts': "import pg from 'pg';\nexport const db = pg;\n",
    });
    const { status, out } = check(root);
    expect(status).toBe(1);
    expect(out).toContain('app/x/form.tsx -> lib/settings/schemas.ts -> lib/filters/settings.ts -> db/client.ts');
  });

  it('passes a client form that calls server actions, and type-only imports of server code', () => {
    const root = tree({
      'app/x/form.tsx': "'use client';\nimport { save } from './actions';\nimport type { Db } from '@/db/client';\n",
      'app/x/actions.ts': "'use server';\nimport { db } from '@/db/client';\nexport async function save() { return db; }\n",
      'db/client.ts': "import pg from 'pg';\nexport const db = pg;\nexport type Db = typeof pg;\n",
    });
    const { status, out } = check(root);
    expect(out).toContain('no client component reaches server-only code');
    expect(status).toBe(0);
  });
});
