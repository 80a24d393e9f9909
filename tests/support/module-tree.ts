import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

/** Throwaway trees of modules for the import-graph checks (scripts/check-*.mjs), removed after each test. */
export function moduleTrees(script: string) {
  const trees: string[] = [];
  afterEach(() => {
    for (const root of trees.splice(0)) rmSync(root, { recursive: true, force: true });
  });
  return {
    /** { 'lib/a.ts': "import { b } from './b';" } -> the tree's root. */
    tree(files: Record<string, string>) {
      const root = mkdtempSync(path.join(tmpdir(), 'peerdesk-tree-'));
      trees.push(root);
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
        writeFileSync(path.join(root, name), text);
      }
      return root;
    },
    check(root: string) {
      const run = spawnSync(process.execPath, [path.resolve(import.meta.dirname, '../../scripts', script), root], { encoding: 'utf8' });
      return { status: run.status, out: run.stdout };
    },
  };
}
