// `npm run demo [-- --keep] [-- --port 3000] [-- --scale 0.05]`: the bundled PeeringDB-compatible test
// server, a seeded demo database in ./data/demo (fresh each time unless --keep), and Peerdesk on it.
// Ctrl-C stops both.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { keep: { type: 'boolean' }, port: { type: 'string' }, scale: { type: 'string' } } });
const port = values.port ?? process.env.PORT ?? '3000';
const dataDir = path.join(root, 'data/demo');
const pgliteDir = path.join(dataDir, 'pglite');
const passwordFile = path.join(dataDir, 'demo-password.txt');
const email = 'demo@peerdesk.test';
const tsx = path.join(root, 'node_modules/.bin/tsx');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port: free } = server.address();
      server.close(() => resolve(free));
    });
  });
}

const children = [];
let stopping = false;
function stopAll(signal = 'SIGTERM') {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill(signal);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll('SIGTERM'));

// 1. The PeeringDB test server (with the lab overlay: AS65001 at LAB-IX and four other exchanges).
const pdbPort = await freePort();
const pdb = spawn(tsx, ['scripts/peeringdb-test-server.ts', '--port', String(pdbPort), '--scale', values.scale ?? '0.05', '--seed', '1'], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
});
children.push(pdb);
const pdbUrl = await new Promise((resolve, reject) => {
  let out = '';
  pdb.stdout.on('data', (chunk) => {
    out += chunk;
    const line = /PeeringDB test server on (\S+)/.exec(out);
    if (line) resolve(line[1]);
  });
  pdb.once('exit', (code) => reject(new Error(`the PeeringDB test server exited (${code}): ${out}`)));
}).catch((err) => {
  console.error(err.message);
  process.exit(1);
});
pdb.stdout.pipe(process.stdout);
console.log(`demo: PeeringDB test server on ${pdbUrl}`);

const mailLab = process.env.MAIL_LAB_SMTP_PORT && process.env.MAIL_LAB_IMAP_PORT && process.env.MAIL_LAB_USER;
const mailEnv = mailLab
  ? {
      MAIL_SMTP_URL: `smtp://${encodeURIComponent(process.env.MAIL_LAB_USER)}:${encodeURIComponent(process.env.MAIL_LAB_PASSWORD ?? '')}@127.0.0.1:${process.env.MAIL_LAB_SMTP_PORT}`,
      MAIL_IMAP_URL: `imap://${encodeURIComponent(process.env.MAIL_LAB_USER)}:${encodeURIComponent(process.env.MAIL_LAB_PASSWORD ?? '')}@127.0.0.1:${process.env.MAIL_LAB_IMAP_PORT}`,
      MAIL_FROM: process.env.MAIL_LAB_USER,
    }
  : {};
const appEnv = { ...process.env, ...mailEnv, DATABASE_URL: '', PGLITE_DIR: pgliteDir, PEERINGDB_URL: pdbUrl, PEERINGDB_API_KEY: 'test-key' };

// 2. The demo database, seeded in a process of its own that exits before the server opens it.
const keep = values.keep && fs.existsSync(passwordFile);
if (!keep) {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const password = randomBytes(9).toString('base64url');
  fs.writeFileSync(passwordFile, password + '\n', { mode: 0o600 });
  console.log('demo: seeding ./data/demo (PeeringDB sync, routers, sessions, peers, emails)…');
  const seed = spawnSync(tsx, ['scripts/demo/demo-cli.ts'], { cwd: root, stdio: 'inherit', env: { ...appEnv, ADMIN_EMAIL: email, ADMIN_PASSWORD: password } });
  if (seed.status !== 0) {
    stopAll();
    process.exit(seed.status ?? 1);
  }
}
const password = fs.readFileSync(passwordFile, 'utf8').trim();

// 3. Peerdesk (builds first when the sources changed), with PEERINGDB_URL pointing at the test server.
const app = spawn('node', ['scripts/start.mjs'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: { ...appEnv, PORT: port } });
children.push(app);
app.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (/Peerdesk is ready/.test(String(chunk))) {
    console.log(`\ndemo: open http://localhost:${port}/login and sign in as ${email} with password ${password}`);
    console.log(mailLab ? `demo: mail goes to the mail lab (${process.env.MAIL_LAB_USER})` : 'demo: no mail lab (MAIL_LAB_*): the Emails tab shows seeded messages; sending is off');
    console.log(process.env.LAB_FRR_VTY_SOCKET ? 'demo: routers are the BGP lab\'s FRR and BIRD (local transport)' : 'demo: routers are render-only (transport none): pushes are rendered and recorded, not sent');
    console.log('demo: Ctrl-C stops Peerdesk and the PeeringDB test server');
  }
});
for (const child of children) {
  child.once('exit', (code) => {
    stopAll();
    if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) process.exit(stopping ? 0 : (code ?? 1));
  });
}
