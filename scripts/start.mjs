// `npm start`: build when the sources are newer than the last build, then serve (scripts/serve.mjs: `next start` plus the peer address).
// Migrations, secrets and the first admin are handled by the server itself at start (instrumentation.ts).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const sourceDirs = ['app', 'components', 'lib', 'db', 'proxy.ts', 'instrumentation.ts', 'next.config.js', 'package-lock.json'];

function newestSource(p) {
  const full = path.join(root, p);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(full).map((name) => newestSource(path.join(p, name))));
}

// NEXT_DIST_DIR lets several working copies of the build live side by side (parallel development).
const buildId = path.join(root, process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID');
const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
if (process.argv.includes('--build') || Math.max(...sourceDirs.map(newestSource)) > builtAt) {
  console.log('Building Peerdesk (next build)…');
  const build = spawnSync(path.join(root, 'node_modules/.bin/next'), ['build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// One process: serve in this one rather than a child, so no idle parent holds ~45 MB beside the server.
Object.assign(process.env, { PORT: process.env.PORT ?? '3000', AUTH_TRUST_HOST: 'true', NEXT_MANUAL_SIG_HANDLE: '1' });
await import('./serve.mjs');
