import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as metricsRoute } from '@/app/metrics/route';
import { connect, useConnection } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedMonitoredNetwork } from '../support/metrics-fixture';

const PROMETHEUS = process.env.PROMETHEUS_BIN ?? '/usr/bin/prometheus';
const METRICS_TOKEN = 'prometheus-lab-metrics-token-0123';
const hasPrometheus = fs.existsSync(PROMETHEUS);

/** Serves the real /metrics route handler on loopback, the way `next start` would hand it a request. */
async function serveMetrics() {
  const server = http.createServer(async (req, res) => {
    const response = await metricsRoute(new Request(`http://127.0.0.1${req.url}`, { headers: req.headers as Record<string, string> }));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(await response.text());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

async function freePort() {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

// Skipped, not failed, where the Debian package is missing: apt-get install --no-install-recommends prometheus.
describe.skipIf(!hasPrometheus)(`a real Prometheus scraping /metrics (${hasPrometheus ? PROMETHEUS : 'skipped: /usr/bin/prometheus is not installed'})`, () => {
  // One database for the whole file: Prometheus keeps scraping between the tests, so nothing may empty it.
  const database = connect({ pgliteDir: 'memory://' });
  let app: Awaited<ReturnType<typeof serveMetrics>>;
  let prometheus: ChildProcess;
  let dir = '';
  let api = '';
  let log = '';

  const query = async (expr: string) => {
    const body = (await (await fetch(`${api}/api/v1/query?query=${encodeURIComponent(expr)}`)).json()) as {
      data: { result: { metric: Record<string, string>; value: [number, string] }[] };
    };
    return body.data.result;
  };

  async function targets() {
    const body = (await (await fetch(`${api}/api/v1/targets`)).json()) as { data: { activeTargets: { labels: { job: string }; health: string; lastError: string }[] } };
    return body.data.activeTargets;
  }

  beforeAll(async () => {
    process.env.METRICS_TOKEN = METRICS_TOKEN;
    await migrateDatabase(database);
    useConnection(database);
    await seedMonitoredNetwork();
    app = await serveMetrics();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerdesk-prometheus-'));
    const port = await freePort();
    api = `http://127.0.0.1:${port}`;
    // The scrape config the monitoring guide tells operators to use, plus one with a wrong token.
    fs.writeFileSync(
      path.join(dir, 'prometheus.yml'),
      [
        'global: { scrape_interval: 1s, scrape_timeout: 1s }',
        'scrape_configs:',
        '  - job_name: peerdesk',
        '    metrics_path: /metrics',
        `    authorization: { type: Bearer, credentials: ${METRICS_TOKEN} }`,
        `    static_configs: [{ targets: ["127.0.0.1:${app.port}"] }]`,
        '  - job_name: peerdesk-wrong-token',
        '    metrics_path: /metrics',
        '    authorization: { type: Bearer, credentials: not-the-token-000000000000 }',
        `    static_configs: [{ targets: ["127.0.0.1:${app.port}"] }]`,
        '',
      ].join('\n'),
    );
    log = path.join(dir, 'prometheus.log');
    const out = fs.openSync(log, 'w');
    prometheus = spawn(
      PROMETHEUS,
      [`--config.file=${path.join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${path.join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`],
      { stdio: ['ignore', out, out] },
    );
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (prometheus.exitCode !== null) throw new Error(`prometheus exited: ${fs.readFileSync(log, 'utf8')}`);
      const scraped = await targets().then((t) => t.length === 2 && t.every((x) => x.health !== 'unknown'), () => false);
      if (scraped && (await query('peerdesk_bgp_sessions').then((r) => r.length > 0, () => false))) break;
      if (Date.now() > deadline) throw new Error(`prometheus did not scrape within 60 s: ${fs.readFileSync(log, 'utf8')}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  });

  afterAll(async () => {
    delete process.env.METRICS_TOKEN;
    if (prometheus && prometheus.exitCode === null) {
      prometheus.kill('SIGTERM');
      await new Promise((r) => prometheus.once('exit', r));
    }
    await new Promise((r) => app?.server.close(r));
    useConnection(undefined);
    await database.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('scrapes with the metrics token and refuses a wrong one', async () => {
    const byJob = Object.fromEntries((await targets()).map((t) => [t.labels.job, t]));
    expect(byJob.peerdesk).toMatchObject({ health: 'up', lastError: '' });
    expect(byJob['peerdesk-wrong-token'].health).toBe('down');
    expect(byJob['peerdesk-wrong-token'].lastError).toContain('401');
  });

  it('answers PromQL over the sessions by router, exchange and state', async () => {
    const established = await query('sum by (router) (peerdesk_bgp_sessions{job="peerdesk", state="established"})');
    expect(established.map((r) => [r.metric.router, Number(r.value[1])])).toEqual([['edge1', 2]]);
    const down = await query('sum(peerdesk_bgp_sessions{job="peerdesk", state!="established"})');
    expect(Number(down[0].value[1])).toBe(2);
  });

  it('lets an alert rule compare prefixes received with the max-prefix limit', async () => {
    const near = await query('peerdesk_session_prefixes_received{job="peerdesk"} / peerdesk_session_max_prefixes{job="peerdesk"} > 0.8');
    expect(near.map((r) => r.metric.peer_ip)).toEqual(['192.0.2.1']);
  });

  it('reads sync ages, job failures and process metrics', async () => {
    expect(Number((await query('peerdesk_peeringdb_last_sync_age_seconds{job="peerdesk"}'))[0].value[1])).toBeGreaterThan(86_400);
    expect(Number((await query('peerdesk_job_failures_total{job="peerdesk", kind="session.configure"}'))[0].value[1])).toBe(2);
    expect(await query('process_cpu_seconds_total{job="peerdesk"}')).toHaveLength(1);
    expect(Number((await query('up{job="peerdesk"}'))[0].value[1])).toBe(1);
  });

  it('runs every query of the Grafana dashboard in docs/ without an error', async () => {
    const dashboard = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/grafana-dashboard.json'), 'utf8')) as { panels: { title: string; targets: { expr: string }[] }[] };
    const exprs = dashboard.panels.flatMap((p) => p.targets.map((t) => ({ panel: p.title, expr: t.expr.replaceAll('$job', '.*').replaceAll('$router', '.*') })));
    expect(exprs.length).toBeGreaterThan(10);
    for (const { panel, expr } of exprs) {
      const body = (await (await fetch(`${api}/api/v1/query?query=${encodeURIComponent(expr)}`)).json()) as { status: string; error?: string };
      expect(body, `${panel}: ${expr}`).toMatchObject({ status: 'success' });
    }
    const established = await query(exprs.find((e) => e.panel === 'Sessions established')!.expr);
    expect(Number(established[0].value[1])).toBe(2);
  });
});
