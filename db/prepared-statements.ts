import { createHash } from 'node:crypto';
import pg from 'pg';

/** Statements longer than this (the sync's batched upserts) are sent unnamed: each is run once and would only fill the server's memory. */
const MAX_TEXT = 8192;
/** Queries and data changes only: utility statements (BEGIN, SET, ANALYZE, a migration's DDL) keep the simple protocol. */
const PREPARABLE = /^\s*(select|with|insert|update|delete)\b/i;
/** Distinct statements kept prepared per connection; past it, new texts are sent unnamed (a page issues a few dozen distinct ones). */
const MAX_PER_CONNECTION = 1000;

type QueryConfig = { text?: unknown; name?: unknown };

/**
 * A pg client that prepares each statement once per connection, named after a hash of its text, and
 * afterwards only binds and executes it: PostgreSQL neither parses nor (once it settles on a generic plan)
 * plans it again. postgres.js does the same by default; node-postgres does it only for named queries.
 * Page queries measured 40–60 % less PostgreSQL CPU (bench/README.md, "8 December").
 */
export class PreparingClient extends pg.Client {
  readonly #prepared = new Set<string>();

  override query(...args: unknown[]): never {
    const [config, ...rest] = args;
    const name = statementName(config, this.#prepared);
    const query = super.query as (...a: unknown[]) => never;
    return query.call(this, name ? { ...(config as object), name } : config, ...rest);
  }
}

/** The name a statement is prepared under on this connection, or null to send it unnamed. */
function statementName(config: unknown, prepared: Set<string>): string | null {
  if (!config || typeof config !== 'object') return null;
  const { text, name } = config as QueryConfig;
  if (typeof text !== 'string' || name !== undefined || text.length > MAX_TEXT || !PREPARABLE.test(text)) return null;
  const hashed = `pd_${createHash('sha1').update(text).digest('base64url')}`;
  if (prepared.has(hashed)) return hashed;
  if (prepared.size >= MAX_PER_CONNECTION) return null;
  prepared.add(hashed);
  return hashed;
}
