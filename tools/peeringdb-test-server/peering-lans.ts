// Address bookkeeping per ixlan: every netixlan address lies in the LAN's prefixes and is unique there.
import { type Ipv4Block, asnInterfaceId, ipv4Host, ipv4HostCount, ipv6Host, parseIpv4Block, parseIpv6 } from './addressing';
import type { IxpfxRow, NetixlanRow } from './schema';

export interface LanAddresses {
  ipaddr4: string | null;
  ipaddr6: string | null;
}

export interface LanOptions {
  /** Interface ids from the ASN (::6:4500:1) rather than from the host number. */
  asnBasedIpv6?: boolean;
  /** Where handing out starts: IXs keep the first hosts for route servers. */
  firstHost?: number;
}

export class PeeringLan {
  private v4: Ipv4Block | null = null;
  private v6: number[] | null = null;
  private nextHost: number;
  private readonly used4 = new Set<string>();
  private readonly used6 = new Set<string>();

  private readonly asnBasedIpv6: boolean;

  constructor(options: LanOptions = {}) {
    this.asnBasedIpv6 = options.asnBasedIpv6 ?? false;
    this.nextHost = options.firstHost ?? 1;
  }

  addPrefix(protocol: 'IPv4' | 'IPv6', prefix: string): void {
    if (protocol === 'IPv4') this.v4 ??= parseIpv4Block(prefix);
    else this.v6 ??= parseIpv6(prefix.split('/')[0]).slice(0, 4);
  }

  get hasIpv4(): boolean {
    return this.v4 !== null;
  }

  get hasIpv6(): boolean {
    return this.v6 !== null;
  }

  claim(addresses: LanAddresses): void {
    if (addresses.ipaddr4) this.used4.add(addresses.ipaddr4);
    if (addresses.ipaddr6) this.used6.add(addresses.ipaddr6);
  }

  /** Next free host after the last one handed out, `gap` hosts further on (real LANs have holes). */
  assign(asn: number, gap = 0): LanAddresses {
    const capacity = this.v4 ? ipv4HostCount(this.v4.length) : 0xffff;
    for (let host = this.nextHost + gap, tries = 0; tries < capacity; host = (host % capacity) + 1, tries++) {
      const ipaddr4 = this.v4 ? ipv4Host(this.v4, host) : null;
      const ipaddr6 = this.v6 ? ipv6Host(this.v6, this.asnBasedIpv6 ? asnInterfaceId(asn) : [host]) : null;
      if ((ipaddr4 && this.used4.has(ipaddr4)) || (ipaddr6 && this.used6.has(ipaddr6))) continue;
      this.nextHost = host + 1;
      this.claim({ ipaddr4, ipaddr6 });
      return { ipaddr4, ipaddr6 };
    }
    throw new Error('peering LAN is full');
  }
}

export class PeeringLans {
  private readonly lans = new Map<number, PeeringLan>();

  /** Rebuild from rows: host-numbered IPv6, continuing after addresses already in use. */
  static fromRows(ixpfx: readonly IxpfxRow[], netixlan: readonly NetixlanRow[]): PeeringLans {
    const lans = new PeeringLans();
    for (const row of ixpfx) if (row.status === 'ok') lans.lan(row.ixlan_id).addPrefix(row.protocol, row.prefix);
    for (const row of netixlan) if (row.status === 'ok') lans.lan(row.ixlan_id).claim(row);
    return lans;
  }

  /** The LAN of `ixlanId`, created with `options` on first use. */
  lan(ixlanId: number, options?: LanOptions): PeeringLan {
    let lan = this.lans.get(ixlanId);
    if (!lan) {
      lan = new PeeringLan(options);
      this.lans.set(ixlanId, lan);
    }
    return lan;
  }
}
