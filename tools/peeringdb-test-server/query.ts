// List query parameters, with PeeringDB's semantics (peeringdb_server/rest.py, get_queryset).
import type { AnyRow } from './schema';

export class QueryError extends Error {}

export interface ListQuery {
  /** 0 = no limit. */
  limit: number;
  skip: number;
  /** Epoch seconds; 0 = not an incremental query. */
  since: number;
  /** Keys to keep, or null for every key. */
  fields: string[] | null;
  filters: RowFilter[];
  /** An `id` filter: an empty result is then a 404, as for a unique lookup. */
  byId: boolean;
}

type RowFilter = (row: AnyRow) => boolean;
type FieldKind = 'number' | 'boolean' | 'date' | 'string' | 'array';

const RESERVED = new Set(['limit', 'skip', 'since', 'fields', 'depth']);
/** Real parameters the test server does not implement: refusing beats silently ignoring them. */
const UNSUPPORTED = new Set(['name_search', 'q']);
const SUFFIX = /^(.+)__(lt|lte|gt|gte|contains|startswith|in)$/;
const ISO_DATE = /^\d{4}-\d\d-\d\dT/;

/** Field kinds of a tag, from its rows' values (the first non-null value decides). */
export function fieldKinds(rows: readonly AnyRow[]): Map<string, FieldKind> {
  const kinds = new Map<string, FieldKind>();
  const pending = new Set(rows.length ? Object.keys(rows[0]) : []);
  for (const row of rows) {
    for (const key of pending) {
      const value = (row as unknown as Record<string, unknown>)[key];
      if (value === null || value === undefined) continue;
      kinds.set(key, Array.isArray(value) ? 'array' : typeof value === 'string' ? (ISO_DATE.test(value) ? 'date' : 'string') : (typeof value as FieldKind));
      pending.delete(key);
    }
    if (pending.size === 0) break;
  }
  for (const key of pending) kinds.set(key, 'string');
  return kinds;
}

function integer(params: URLSearchParams, name: string, message: string): number {
  const text = params.get(name);
  if (text === null || text === '') return 0;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new QueryError(message);
  return value;
}

/** `int(float(since))`; zero or negative means a plain (non-incremental) query. */
function since(params: URLSearchParams): number {
  const text = params.get('since');
  if (text === null || text === '') return 0;
  const value = Math.trunc(Number(text));
  if (Number.isNaN(value)) throw new QueryError("'since' needs to be a unix timestamp (epoch seconds)");
  return Math.max(0, value);
}

export function parseListQuery(params: URLSearchParams, kinds: Map<string, FieldKind>): ListQuery {
  const fields = params.get('fields');
  integer(params, 'depth', "'depth' needs to be a number");
  const filters: RowFilter[] = [];
  for (const [key, value] of params) {
    if (RESERVED.has(key)) continue;
    if (UNSUPPORTED.has(key)) throw new QueryError(`test server: '${key}' is not supported`);
    const suffixed = SUFFIX.exec(key);
    const field = suffixed ? suffixed[1] : key;
    const kind = kinds.get(field);
    if (!kind) {
      if (key.includes('__')) throw new QueryError(`test server: filter '${key}' is not supported (only fields of this object)`);
      continue;
    }
    filters.push(suffixed ? suffixFilter(field, kind, suffixed[2], value) : exactFilter(field, kind, value));
  }
  return {
    limit: integer(params, 'limit', "'limit' needs to be a number"),
    skip: integer(params, 'skip', "'skip' needs to be a number"),
    since: since(params),
    fields: fields ? fields.split(',') : null,
    filters,
    byId: params.has('id'),
  };
}

const read = (row: AnyRow, field: string) => (row as unknown as Record<string, unknown>)[field];

function numberOf(field: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || Number.isNaN(value)) throw new QueryError(`Field '${field}' expected a number but got '${text}'.`);
  return value;
}

/** Exact matches: case-insensitive for text; city/state/address1 match substrings, as on PeeringDB. */
function exactFilter(field: string, kind: FieldKind, text: string): RowFilter {
  switch (kind) {
    case 'number': {
      const wanted = numberOf(field, text);
      return (row) => read(row, field) === wanted;
    }
    case 'boolean': {
      const wanted = text.toLowerCase() === 'true' || text === '1';
      return (row) => read(row, field) === wanted;
    }
    case 'date': {
      const prefix = text.replace(' ', 'T');
      return (row) => String(read(row, field) ?? '').startsWith(prefix);
    }
    case 'array': {
      const wanted = text.toLowerCase();
      return (row) => (read(row, field) as unknown[]).some((item) => String(item).toLowerCase() === wanted);
    }
    case 'string': {
      const wanted = text.toLowerCase();
      const substring = ['city', 'state', 'address1'].includes(field) || (field === 'country' && text.length !== 2);
      return (row) => {
        const value = String(read(row, field) ?? '').toLowerCase();
        return substring ? value.includes(wanted) : value === wanted;
      };
    }
  }
}

/** A date bound; a bare day in `gt`/`lte` means the end of that day, as on PeeringDB. */
function dateBound(field: string, text: string, operator: string): number {
  const endOfDay = text.length === 10 && (operator === 'gt' || operator === 'lte');
  const value = Date.parse(endOfDay ? `${text}T23:59:59.999Z` : /Z|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
  if (Number.isNaN(value)) throw new QueryError(`'${text}' value has an invalid format for '${field}'.`);
  return value;
}

function suffixFilter(field: string, kind: FieldKind, operator: string, text: string): RowFilter {
  if (operator === 'in') {
    const items = text.split(',');
    const wanted = new Set<unknown>(kind === 'number' ? items.map((item) => numberOf(field, item)) : items);
    return (row) => wanted.has(read(row, field));
  }
  if (operator === 'contains' || operator === 'startswith') {
    const wanted = text.toLowerCase();
    return (row) => {
      const value = read(row, field);
      const haystack = (Array.isArray(value) ? value.join(',') : String(value ?? '')).toLowerCase();
      return operator === 'contains' ? haystack.includes(wanted) : haystack.startsWith(wanted);
    };
  }
  const bound = kind === 'number' ? numberOf(field, text) : kind === 'date' ? dateBound(field, text, operator) : text;
  const accepts = COMPARISONS[operator as Comparison];
  return (row) => {
    const value = read(row, field);
    if (value === null || value === undefined) return false;
    return accepts(kind === 'date' ? Date.parse(value as string) : (value as number | string), bound);
  };
}

type Comparison = 'lt' | 'lte' | 'gt' | 'gte';
type Comparable = number | string;
const COMPARISONS: Record<Comparison, (value: Comparable, bound: Comparable) => boolean> = {
  lt: (value, bound) => value < bound,
  lte: (value, bound) => value <= bound,
  gt: (value, bound) => value > bound,
  gte: (value, bound) => value >= bound,
};
