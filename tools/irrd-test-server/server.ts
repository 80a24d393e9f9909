// An IRRd whois server (the `!` commands bgpq4 sends) over fixture route objects and AS-SETs, for tests and the benchmark.
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { IrrFaults, IrrFixture } from './fixture';

export type IrrdTestServer = {
  /** host:port, as the IRR server setting takes it. */
  address: string;
  port: number;
  fixture: IrrFixture;
  faults: IrrFaults;
  /** Every command received, in order (tests read what bgpq4 asked). */
  commands: string[];
  close(): Promise<void>;
};

const answer = (data: string) => (data === '' ? 'C\n' : `A${Buffer.byteLength(data) + 1}\n${data}\nC\n`);

/** One connection: sources selected with !s, and the replies to each command line. */
class Session {
  sources: string[];
  constructor(private fixture: IrrFixture) {
    this.sources = Object.keys(fixture.routes);
  }

  private setMembers(name: string): string[] | null {
    for (const source of this.sources) {
      const members = this.fixture.asSets[source]?.[name.toUpperCase()];
      if (members) return members;
    }
    return null;
  }

  /** Every ASN a set reaches, following nested sets once each. */
  private expand(name: string, seen = new Set<string>()): number[] {
    const asns = new Set<number>();
    const walk = (set: string) => {
      if (seen.has(set)) return;
      seen.add(set);
      for (const m of this.setMembers(set) ?? []) {
        const asn = /^AS(\d+)$/i.exec(m);
        if (asn) asns.add(Number(asn[1]));
        else walk(m.toUpperCase());
      }
    };
    walk(name.toUpperCase());
    return [...asns];
  }

  private prefixesOf(asn: number, family: 4 | 6) {
    return this.sources.flatMap((s) => this.fixture.routes[s]?.[asn] ?? []).filter((p) => p.includes(':') === (family === 6));
  }

  reply(line: string): string | null {
    if (line === '!!') return null;
    if (line.startsWith('!n')) return 'C\n';
    if (line === '!q') return null;
    if (line === '!a') return 'F Missing required set name for A query\n';
    if (line === '!s-lc') return answer(this.sources.join(','));
    if (line.startsWith('!s')) {
      const wanted = line.slice(2).split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
      const unknown = wanted.filter((s) => !(s in this.fixture.routes) && !(s in this.fixture.asSets));
      if (!wanted.length || unknown.length) return `D\n`;
      this.sources = wanted;
      return 'C\n';
    }
    const aQuery = /^!a([46])(.+)$/.exec(line);
    if (aQuery) {
      const family = Number(aQuery[1]) as 4 | 6;
      const name = aQuery[2].trim();
      const asns = /^AS\d+$/i.test(name) ? [Number(name.slice(2))] : this.setMembers(name) ? this.expand(name) : null;
      if (!asns) return 'D\n';
      return answer([...new Set(asns.flatMap((a) => this.prefixesOf(a, family)))].join(' '));
    }
    const iQuery = /^!i([^,]+)(,1)?$/.exec(line);
    if (iQuery) {
      const name = iQuery[1].trim();
      const members = this.setMembers(name);
      if (!members) return 'D\n';
      return answer(iQuery[2] ? this.expand(name).map((a) => `AS${a}`).join(' ') : members.join(' '));
    }
    const gQuery = /^!([g6])as(\d+)$/i.exec(line);
    if (gQuery) return answer(this.prefixesOf(Number(gQuery[2]), gQuery[1] === 'g' ? 4 : 6).join(' '));
    return 'F Unrecognized command\n';
  }
}

export async function startIrrdTestServer(opts: { fixture: IrrFixture; port?: number; faults?: IrrFaults }): Promise<IrrdTestServer> {
  const faults: IrrFaults = opts.faults ?? {};
  const commands: string[] = [];
  const sockets = new Set<net.Socket>();
  const state = { fixture: opts.fixture };
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (faults.refuse) return void socket.destroy();
    // Replies are small and bgpq4 waits for each: without this, Nagle and delayed ACKs add ~40 ms a query.
    socket.setNoDelay(true);
    const session = new Session(state.fixture);
    let pending = '';
    // Replies go out in order even when a delay is injected: one chain per connection.
    let chain = Promise.resolve();
    socket.on('data', (chunk) => {
      pending += chunk.toString('latin1');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const raw of lines) {
        const line = raw.trim();
        if (!line) continue;
        commands.push(line);
        chain = chain.then(async () => {
          if (faults.delayMs) await sleep(faults.delayMs);
          if (line === '!q') return void socket.end();
          const reply = faults.failQueries && /^!(i|g|6|a[46])/.test(line) ? 'F Internal error\n' : session.reply(line);
          if (reply !== null && !socket.destroyed) socket.write(reply);
        });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    address: `127.0.0.1:${port}`,
    port,
    get fixture() {
      return state.fixture;
    },
    set fixture(f: IrrFixture) {
      state.fixture = f;
    },
    faults,
    commands,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
