import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { permissions, type Permission } from '@/lib/auth/permissions';
import { appLayouts, appPages, routeHandlers, serverActionFiles, type AppFile } from '../support/app-files';

/**
 * Next renders a layout and its page in parallel, so a check in a layout does not keep a page's data
 * out of the response: every page checks for itself, first thing, with requirePage().
 */
const publicPages = ['/login'];
/** Actions that run before there is anyone to check: signing in and out. */
const publicActions = ['signInAction', 'signOutAction', 'ssoSignInAction'];
/**
 * Route handlers outside the bearer-token door, each with its own: next-auth, the CRON_SECRET, the health probes, the 404 JSON,
 * METRICS_TOKEN.
 */
const ownDoorRoutes = [
  'app/api/auth/[...nextauth]/route.ts',
  'app/api/cron/route.ts',
  'app/api/health/route.ts',
  'app/api/v1/[...path]/route.ts',
  'app/healthz/route.ts',
  'app/readyz/route.ts',
  'app/metrics/route.ts',
];

const guardOf = (source: string) => /await requirePage\('([\w.]+)'\)/.exec(source)?.[1] as Permission | undefined;

/** The body of the default export up to its first `await`: the guard must be that await. */
const firstAwait = (source: string) => /await [\w.]+\(/.exec(source.slice(source.indexOf('export default')))?.[0];

const pages = appPages();

describe('every page checks its own permission', () => {
  it('finds the pages, the public ones included', () => {
    expect(pages.length).toBeGreaterThanOrEqual(30);
    expect(pages.map((p) => p.route)).toEqual(expect.arrayContaining(['/admin/audit', '/peering', ...publicPages]));
  });

  it.each(pages.filter((p) => !publicPages.includes(p.route)).map((p) => [p.route, p] as const))('%s calls requirePage first', (_, page) => {
    const permission = guardOf(page.source);
    expect(permission, `${page.file} must start with await requirePage('<permission>')`).toBeDefined();
    expect(Object.keys(permissions)).toContain(permission);
    expect(firstAwait(page.source)).toBe('await requirePage(');
  });

  it('no page is looser than a layout above it (the layout hides it only on screen)', () => {
    const guardedLayouts = appLayouts().flatMap((l) =>
      (guardOf(l.source) ? [{ dir: path.dirname(l.file), permission: guardOf(l.source)! }] : []));
    expect(guardedLayouts.map((l) => l.dir)).toContain('app/(portal)/admin');
    for (const page of pages) {
      const permission = guardOf(page.source);
      for (const layout of guardedLayouts.filter((l) => page.file.startsWith(l.dir + '/'))) {
        const allowed = permissions[layout.permission] as readonly string[];
        expect(permission && (permissions[permission] as readonly string[]).every((role) => allowed.includes(role)), `${page.file} vs ${layout.dir}`).toBe(true);
      }
    }
  });
});

/** `import { a, b } from 'x'` -> { a: 'x', b: 'x' }, relative paths made absolute. */
function importsOf(file: AppFile) {
  const names: Record<string, string> = {};
  for (const [, list, from] of file.source.matchAll(/import \{([^}]+)\} from '([^']+)'/g)) {
    const spec = from.startsWith('.') ? path.resolve(path.dirname(path.resolve(import.meta.dirname, '../..', file.file)), from) : from;
    for (const name of list.split(',').map((n) => n.trim().replace(/^type /, '')).filter(Boolean)) names[name] = spec;
  }
  return names;
}

const actions = serverActionFiles().flatMap((file) =>
  file.source
    .split(/^(?=export async function )/m)
    .slice(1)
    .map((body) => ({ file, name: /^export async function (\w+)/.exec(body)![1], body })),
);

describe('every server action checks who calls it', () => {
  it('finds the actions', () => {
    expect(actions.length).toBeGreaterThanOrEqual(40);
    expect(actions.map((a) => a.name)).toEqual(expect.arrayContaining(publicActions));
  });

  it.each(actions.filter((a) => !publicActions.includes(a.name)).map((a) => [`${a.file.file} ${a.name}`, a] as const))('%s', (_, action) =>
    expectGuarded(action.file, action.body),
  );
});

/** Hands the signed-in caller to a mutation() (or a service that checks the actor first), or checks can() itself. */
async function expectGuarded(file: AppFile, body: string) {
  const passed = [...body.matchAll(/(\w+)\(await currentActor\(\)/g)].map((m) => m[1]);
  const checksItself = /const actor = await currentActor\(\);[\s\S]*?can\(actor\.role, '[\w.]+'\)/.test(body);
  expect(passed.length > 0 || checksItself, 'hands the caller to a guarded service or checks can() itself').toBe(true);
  const imports = importsOf(file);
  for (const name of passed) {
    expect(imports[name], `${name} is imported`).toBeDefined();
    type Service = { permission?: string } & ((...args: unknown[]) => unknown);
    const service = ((await import(imports[name])) as Record<string, unknown>)[name] as Service;
    const checksFirst = /^[^{]*\{\s*(\/\/.*\s*)?if \(!actor\b[\s\S]{0,200}can\)?\(actor\.role/;
    // A command made of several changes checks the first one's door up front (refusal in lib/auth/mutation.ts).
    const refusesFirst = /^[^{]*\{\s*(\/\/.*\s*)?const refused = await (\(0,\s*\w+\.)?refusal\)?\(actor,/;
    const guarded = typeof service.permission === 'string' || checksFirst.test(String(service)) || refusesFirst.test(String(service));
    expect(guarded, `${name} is a mutation() or checks the actor first`).toBe(true);
  }
}

describe('every route handler has a door', () => {
  it.each(routeHandlers().map((r) => [r.file, r] as const))('%s', async (file, route) => {
    if (ownDoorRoutes.includes(file) || /export const \w+ = apiRoute/.test(route.source)) return;
    // Not the API's bearer door: a route for the signed-in browser, under the same rule as a server action.
    await expectGuarded(route, route.source);
  });
});
