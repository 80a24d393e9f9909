import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const appDir = path.join(root, 'app');

function walk(dir: string, match: (file: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full, match) : match(full) ? [full] : [];
  });
}

/** The URL a file under app/ answers: route groups like (portal) are not part of it. */
function routeOf(file: string) {
  const segments = path.relative(appDir, path.dirname(file)).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
  return '/' + segments.join('/');
}

export type AppFile = { file: string; route: string; source: string };

const read = (file: string): AppFile => ({ file: path.relative(root, file), route: routeOf(file), source: fs.readFileSync(file, 'utf8') });

/** Every page of the app (app/**\/page.tsx) with its route pattern, e.g. /peering/sessions/[id]. */
export const appPages = () => walk(appDir, (f) => path.basename(f) === 'page.tsx').map(read);

export const appLayouts = () => walk(appDir, (f) => path.basename(f) === 'layout.tsx').map(read);

/** Every file of server actions ('use server' at the top), in app/ and components/. */
export const serverActionFiles = () =>
  [appDir, path.join(root, 'components')].flatMap((dir) => walk(dir, (f) => /\.tsx?$/.test(f) && /^\s*['"]use server['"]/.test(fs.readFileSync(f, 'utf8')))).map(read);

export const routeHandlers = () => walk(appDir, (f) => path.basename(f) === 'route.ts').map(read);
