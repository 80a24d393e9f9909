import type { Platform, Router, SessionType } from '@/db/schema';
import type { RouterConnection } from '@/lib/config/transport';

/** Everything a driver needs to know about one BGP session, resolved and decrypted (never sent to a browser). */
export type NeighborSpec = {
  sessionId: number;
  peerIp: string;
  peerAsn: number;
  localAsn: number;
  localIp: string | null;
  family: 4 | 6;
  /** The peer group's name on the router, when the session has one. */
  peerGroup: string | null;
  description: string | null;
  md5: string | null;
  maxPrefixes: number | null;
  type: SessionType;
  adminDown: boolean;
  /** A stable, platform-safe identifier for this neighbor, e.g. BIRD's protocol name `pd_as65002_10_0_12_2`. */
  key: string;
};

/** What a push does. Only `configure` carries rendered text; the others are built by the driver itself. */
export type PushOperation = 'configure' | 'remove' | 'admin_down' | 'admin_up';

export type PushPlan = {
  operation: PushOperation;
  neighbors: NeighborSpec[];
  /** For `configure`: one rendered (or, in the Config Manager, edited) text per session, in neighbor order. */
  sections: Array<{ sessionId: number; text: string }>;
};

export type NeighborState = {
  peerIp: string;
  /** As the router says it: Established, Idle, Active, Connect, OpenSent, OpenConfirm; BIRD's "up"/"start" mapped to these. */
  state: string;
  uptimeSeconds: number | null;
  prefixesReceived: number | null;
  /** The router's last error / reset reason for this neighbor, if any. */
  lastError: string | null;
  /** The session was torn down because the peer sent more prefixes than allowed. */
  maxPrefixTeardown: boolean;
  /** A neighbor the router has that nobody asked about (listed after the asked ones): what findings call on_router_only. */
  unrequested?: { peerAsn: number | null };
};

/** The router refused the change; `message` is the router's own words. Nothing was committed. */
export class PushError extends Error {
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(message);
    this.name = 'PushError';
  }
}

/**
 * One platform's way of talking to a router. Every method works over one already-open connection,
 * so a push of any number of sessions is one connection and one commit.
 */
export interface RouterDriver {
  platform: Platform;
  /** The text the router runs today for these neighbors (what the diff is taken against); '' when none. */
  running(conn: RouterConnection, router: Router, neighbors: NeighborSpec[]): Promise<string>;
  /** The text `push` would apply for this plan (what the Config Manager shows and the diff compares). */
  candidate(router: Router, plan: PushPlan): string;
  /** Applies the plan in one commit and returns the router's output. Throws PushError when the router refuses. */
  push(conn: RouterConnection, router: Router, plan: PushPlan): Promise<{ output: string }>;
  /**
   * What a rollback needs to put the router back as it is before this plan (FRR: the running configuration; BIRD: the neighbors' files).
   */
  saveConfig?(conn: RouterConnection, router: Router, plan: PushPlan): Promise<string>;
  /** After `plan` was applied: puts back what saveConfig kept and returns the router's output. Throws PushError when the router refuses. */
  restoreConfig?(conn: RouterConnection, router: Router, plan: PushPlan, saved: string): Promise<{ output: string }>;
  /**
   * Change control on platforms that roll back by themselves: commits with a timer (Junos and IOS-XR
   * `commit confirmed`, EOS `commit timer`) and keeps the CLI open; `confirm` makes the commit stay.
   * If the confirm never arrives (the connection dropped), the device restores its previous configuration.
   */
  pushConfirmed?(
    conn: RouterConnection,
    router: Router,
    plan: PushPlan,
    seconds: number,
  ): Promise<{ output: string; confirm(): Promise<string> }>;
  /** Polled BGP state of these neighbors; only drivers that can poll (FRR, BIRD) implement it. */
  states?(conn: RouterConnection, router: Router, neighbors: NeighborSpec[]): Promise<NeighborState[]>;
}
