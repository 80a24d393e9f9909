// Summary of the app's V8 CPU profiles (node --cpu-prof) for bench/exchange-pages.ts --profile:
// where a page's server time goes (rendering, auth, SQL client, GC), by function and by source.
import fs from 'node:fs';
import path from 'node:path';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

/**
 * A --require preload for the app's processes: node 20 refuses --cpu-prof in NODE_OPTIONS, and
 * start.mjs launches next through its bin script, so the profiler is started from inside instead.
 * Each process writes <dir>/<pid>.cpuprofile when it exits.
 */
export function profilerPreload(dir: string) {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'preload.cjs');
  fs.writeFileSync(
    file,
    `const { Session } = require('node:inspector');
const session = new Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.start');
process.on('exit', () => session.post('Profiler.stop', (err, r) => err || require('node:fs').writeFileSync(${JSON.stringify(dir)} + '/' + process.pid + '.cpuprofile', JSON.stringify(r.profile))));
`,
  );
  return file;
}

/** Turbopack bundles node_modules into chunks named after them; the name says which package. */
function source(url: string) {
  if (!url) return '(native / V8)';
  const file = url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)(?:\/dist\/compiled\/([^/]+))?/.exec(file);
  if (pkg) return pkg[2] ? `${pkg[1]}/compiled/${pkg[2]}` : pkg[1];
  const chunk = /\.next\/server\/(.*)$/.exec(file);
  if (chunk) {
    const inner = /node_modules_((?:@[a-z0-9-]+_)?[a-z0-9-]+)/i.exec(chunk[1]);
    return inner ? `chunk: ${inner[1]}` : `chunk: ${path.basename(chunk[1]).replace(/_[0-9a-f]{8,}\.js$|\.js$/, '')}`;
  }
  return path.basename(file);
}

/** Self time per function and per source, from the largest profile in dir (the next-server process). */
export function summarizeProfiles(dir: string, top = 20) {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(dir, f));
  if (!files.length) return [`no .cpuprofile in ${dir}`];
  const file = files.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const functions = new Map<string, number>();
  const sources = new Map<string, number>();
  let busy = 0;
  for (const [id, ms] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') continue;
    busy += ms;
    const where = source(url);
    functions.set(`${functionName || '(anonymous)'}  [${where}:${lineNumber + 1}]`, (functions.get(`${functionName || '(anonymous)'}  [${where}:${lineNumber + 1}]`) ?? 0) + ms);
    sources.set(where, (sources.get(where) ?? 0) + ms);
  }
  const rows = (m: Map<string, number>) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, ms]) => `  ${((100 * ms) / busy).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(6)} ms  ${k}`);
  return [
    `profile ${file}: ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s wall, ${(busy / 1000).toFixed(1)} s on CPU (not idle)`,
    'self time by source:',
    ...rows(sources),
    'self time by function:',
    ...rows(functions),
  ];
}
