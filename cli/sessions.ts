import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { runSessionImport, type ImportReport } from '@/lib/import/apply';
import type { PlannedNeighbor } from '@/lib/import/plan';
import { cliActor, report } from './output';

const USAGE = 'Usage: sessions import --router ID [--file running-config.txt] [--dry-run]';

/** `sessions import`: one line per neighbor with what happened to it, then the totals. */
export async function sessionsCommand(sub: string | undefined, args: string[]) {
  if (sub !== 'import') {
    console.error(USAGE);
    return 2;
  }
  const { values } = parseArgs({ args, options: { router: { type: 'string' }, file: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } } });
  if (!values.router) {
    console.error(USAGE);
    return 2;
  }
  const config = values.file === undefined ? undefined : await readFile(values.file, 'utf8');
  const result = await runSessionImport(cliActor, { routerId: values.router, config, dryRun: values['dry-run'] });
  if (!result.ok && result.error.fields) {
    // Name the options the user typed, not the service's fields.
    const options: Record<string, string> = { routerId: 'router', config: 'file' };
    result.error.fields = Object.fromEntries(Object.entries(result.error.fields).map(([field, message]) =>
      [options[field] ?? field, message]));
  }
  return report(result, describe);
}

const decisionLabels: Record<PlannedNeighbor['decision'], string> = { new: 'new', present: 'already present', skipped: 'skipped' };

function describe(data: ImportReport): string {
  const rows = data.neighbors.map((n) => [
    String(n.line),
    n.peerIp,
    n.remoteAsn === null ? '-' : `AS${n.remoteAsn}`,
    decisionLabels[n.decision],
    n.exchange?.name ?? 'No Exchange',
    n.peerGroup ? `${n.peerGroup.name}${n.peerGroup.isNew ? ' (new)' : ''}` : '-',
    n.peeringDbName ?? '-',
    n.reason ?? '',
  ]);
  const table = [['line', 'peer IP', 'peer AS', 'decision', 'exchange', 'peer group', 'PeeringDB', 'reason'], ...rows];
  const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
  const lines = table.map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd());

  const created = data.dryRun ? `${data.created} to create` : `${data.created} created`;
  const groups = data.peerGroupsCreated.map((g) => `${g.name} (IPv${g.family}, ${g.exchange.name})`);
  const notes = [
    ...data.warnings.map((w) => `warning${w.line ? ` (line ${w.line})` : ''}: ${w.message}`),
    ...(groups.length ? [`Peer groups ${data.dryRun ? 'to create' : 'created'}: ${groups.join(', ')}`] : []),
  ];
  const summary = `${data.router.name}: ${created}, ${data.alreadyPresent} already present, ${data.skipped.length} skipped${data.dryRun ? ' (dry run: nothing was written)' : ''}`;
  return [...(rows.length ? lines : []), '', ...notes, summary].join('\n').trimStart();
}
