import fs from 'node:fs';
import path from 'node:path';
import type { Mutation } from '@/lib/auth/mutation';

const root = path.resolve(import.meta.dirname, '../..');

function walk(dir: string, match: (file: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full, match) : match(full) ? [full] : [];
  });
}

/** Every service mutation in lib/ (anything built with mutation()), found by scanning the files. */
export async function discoverMutations() {
  const files = walk(path.join(root, 'lib'), (f) => /\.ts$/.test(f) && fs.readFileSync(f, 'utf8').includes('mutation({'));
  const found: { name: string; file: string; mutation: Mutation<never, unknown> }[] = [];
  for (const file of files) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === 'function' && 'permission' in value && 'action' in value) {
        found.push({ name, file: path.relative(root, file), mutation: value as Mutation<never, unknown> });
      }
    }
  }
  return found;
}

const verbs = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'] as const;

/** Every /api/v1 route file and the methods it exports, as "METHOD /path/{param}". */
export async function discoverApiRoutes() {
  const base = path.join(root, 'app/api/v1');
  const files = walk(base, (f) => f.endsWith('route.ts') && !f.includes('[...'));
  const routes: {
    method: string;
    path: string;
    handler: (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
  }[] = [];
  for (const file of files) {
    const apiPath = '/' + path.relative(base, path.dirname(file)).replace(/\[(\w+)\]/g, '{$1}');
    const mod = (await import(file)) as Record<string, unknown>;
    for (const verb of verbs) {
      if (typeof mod[verb] === 'function') routes.push({ method: verb, path: apiPath, handler: mod[verb] as (typeof routes)[number]['handler'] });
    }
  }
  return routes;
}
