import { parseArgs } from 'node:util';
import { closeDatabase, connection } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { userCommand } from './user';
import { tokenCommand } from './token';
import { peeringDbCommand } from './peeringdb';
import { jobsCommand } from './jobs';
import { sessionsCommand } from './sessions';

const usage = `Usage: npm run cli -- <command>

  user create --email E --role global_admin|admin|operator|viewer [--password P] [--name N]
  token create --email E --name N [--scope read|write] [--expires-in-days D]
  peeringdb sync [--full]     progress on stderr, summary on stdout
  jobs run-due                run the jobs that are due now
  sessions import --router ID [--file running-config.txt] [--dry-run]
                              import a router's BGP neighbors as sessions (no file: read FRR/BIRD live)

Works on PostgreSQL (DATABASE_URL) and on the embedded database when the server is not running on it.`;

const commands: Record<string, (sub: string | undefined, args: string[]) => Promise<number>> = {
  user: userCommand,
  token: tokenCommand,
  peeringdb: peeringDbCommand,
  jobs: jobsCommand,
  sessions: sessionsCommand,
};

async function main() {
  const { positionals } = parseArgs({ args: process.argv.slice(2), allowPositionals: true, strict: false });
  const [name, sub] = positionals;
  const command = name ? commands[name] : undefined;
  if (!command) {
    console.error(usage);
    return name ? 2 : 0;
  }
  await migrateDatabase(connection());
  return command(sub, process.argv.slice(2).filter((a) => a !== name && a !== sub));
}

main()
  .then(async (code) => {
    await closeDatabase();
    process.exit(code);
  })
  .catch(async (err) => {
    console.error(err instanceof Error ? err.message : err);
    await closeDatabase().catch(() => undefined);
    process.exit(1);
  });
