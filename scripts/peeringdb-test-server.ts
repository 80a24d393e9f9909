// Runs the synthetic PeeringDB API until SIGTERM/SIGINT.
// npx tsx scripts/peeringdb-test-server.ts --port 8081 --scale 0.05 --seed 1 [--api-key K ...] [--rate-limit] [--no-overlay]
import { parseArgs } from 'node:util';
import { PEERINGDB_RATE_LIMITS } from '../tools/peeringdb-test-server/rate-limit';
import type { Tag } from '../tools/peeringdb-test-server/schema';
import { startPeeringDbTestServer } from '../tools/peeringdb-test-server/server';

const SUMMARY_ORDER: readonly Tag[] = ['ix', 'net', 'org', 'fac', 'netixlan', 'netfac', 'ixfac', 'ixlan', 'ixpfx', 'poc'];
const USAGE = 'usage: peeringdb-test-server [--port 8081] [--scale 0.05] [--seed 1] [--api-key KEY ...] [--rate-limit] [--no-overlay]';

function numberOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0) throw new Error(`--${name} must be a number >= 0, got '${value}'`);
  return number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      scale: { type: 'string' },
      seed: { type: 'string' },
      'api-key': { type: 'string', multiple: true },
      'rate-limit': { type: 'boolean' },
      'no-overlay': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const scale = numberOption(values.scale, 'scale', 0.05);
  const server = await startPeeringDbTestServer({
    port: numberOption(values.port, 'port', 8081),
    scale,
    seed: numberOption(values.seed, 'seed', 1),
    apiKeys: values['api-key'],
    rateLimit: values['rate-limit'] ? PEERINGDB_RATE_LIMITS : undefined,
    overlay: values['no-overlay'] ? false : undefined,
  });
  const counts = server.store.counts();
  const summary = SUMMARY_ORDER.map((tag) => `${counts[tag]} ${tag}`).join(', ');
  console.log(`PeeringDB test server on ${server.url} (scale ${scale}: ${summary})`);

  const stop = async (signal: string) => {
    console.log(`${signal}: stopping`);
    await server.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(USAGE);
  process.exit(1);
});
