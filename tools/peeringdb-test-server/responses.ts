// How rows leave the server: visibility rules, `fields` projection, and chunked JSON envelopes.
import type { ServerResponse } from 'node:http';
import type { AnyRow, Visibility } from './schema';

/** Chunks of about this size keep a 34,000-row page from ever existing as one string. */
const CHUNK_CHARS = 64 * 1024;

export type Presenter = (row: AnyRow) => object | null;

function visibleTo(visible: Visibility, authenticated: boolean): boolean {
  return visible === 'Public' || (visible === 'Users' && authenticated);
}

/**
 * What a caller may see of a row: poc rows hidden by `visible` are dropped, an ixlan's member list
 * URL is omitted unless its `_visible` allows it, and `fields` keeps only the named keys.
 */
export function presenter(fields: string[] | null, authenticated: boolean): Presenter {
  const keep = fields ? new Set(fields) : null;
  const project = (row: object): object => {
    if (!keep) return row;
    const picked: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row)) if (keep.has(key)) picked[key] = value;
    return picked;
  };
  return (row) => {
    if ('visible' in row && !visibleTo(row.visible, authenticated)) return null;
    if ('ixf_ixp_member_list_url' in row && !visibleTo(row.ixf_ixp_member_list_url_visible, authenticated)) {
      const { ixf_ixp_member_list_url: _hidden, ...shown } = row;
      return project(shown);
    }
    return project(row);
  };
}

/** The `{"data":[...],"meta":{}}` envelope, in chunks, serialising one row at a time. */
export function* envelopeChunks(rows: readonly AnyRow[], present: Presenter): Generator<string> {
  let chunk = '{"data":[';
  let separator = '';
  for (const row of rows) {
    const shown = present(row);
    if (!shown) continue;
    chunk += separator + JSON.stringify(shown);
    separator = ',';
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}],"meta":{}}`;
}

/** Writes chunks as the client reads them; stops early if the client goes away. */
export async function streamChunks(res: ServerResponse, chunks: Iterable<string>): Promise<void> {
  for (const chunk of chunks) {
    if (res.destroyed) return;
    if (!res.write(chunk)) {
      await new Promise<void>((resolve) => {
        const resume = () => {
          res.off('drain', resume);
          res.off('close', resume);
          resolve();
        };
        res.on('drain', resume);
        res.on('close', resume);
      });
    }
  }
  res.end();
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendError(res: ServerResponse, status: number, error: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { meta: { error } }, headers);
}

export function throttledMessage(retryAfter: number) {
  return { message: `Request was throttled. Expected available in ${retryAfter} seconds.`, meta: { error: 'Too Many Requests' } };
}
