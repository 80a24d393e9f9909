// What the test server was asked, so tests can assert on a client's behaviour (paging, retries, since).

export interface RequestRecord {
  method: string;
  /** Path and query string, e.g. `/api/net?limit=250&skip=0`. */
  url: string;
  tag: string | null;
  /** HTTP status sent, or null when a fault sent none (hang, reset). */
  status: number | null;
  authenticated: boolean;
  fault: string | null;
}

/** The most recent requests kept in `recent`. */
const RECENT_LIMIT = 1000;

export class ServerStats {
  requests = 0;
  byTag: Record<string, number> = {};
  /** Keyed by status code, or by fault kind for requests answered with no status. */
  byStatus: Record<string, number> = {};
  recent: RequestRecord[] = [];

  record(entry: RequestRecord): void {
    this.requests++;
    if (entry.tag) this.byTag[entry.tag] = (this.byTag[entry.tag] ?? 0) + 1;
    const outcome = String(entry.status ?? entry.fault);
    this.byStatus[outcome] = (this.byStatus[outcome] ?? 0) + 1;
    this.recent.push(entry);
    if (this.recent.length > RECENT_LIMIT) this.recent.splice(0, this.recent.length - RECENT_LIMIT);
  }

  reset(): void {
    this.requests = 0;
    this.byTag = {};
    this.byStatus = {};
    this.recent = [];
  }
}
