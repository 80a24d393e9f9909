import http, { type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientAddress, isTrusted, parseTrustedProxies } from '@/lib/auth/client-address';
import { env } from '@/lib/env';

const proxies = parseTrustedProxies('10.0.0.0/8, 192.0.2.10, 2001:db8:ff::/48, ::1');

describe('which address a sign-in counts against', () => {
  it('with no trusted proxies, a forged X-Forwarded-For is ignored: the direct peer counts', () => {
    expect(clientAddress('6.6.6.6, 198.51.100.7', [])).toBe('198.51.100.7');
    expect(clientAddress('198.51.100.7', [])).toBe('198.51.100.7');
  });

  it('behind a trusted proxy, the address the proxy saw counts', () => {
    expect(clientAddress('198.51.100.7, 10.1.2.3', proxies)).toBe('198.51.100.7');
  });

  it('what the client wrote to the left of the proxy’s entry is not believed', () => {
    expect(clientAddress('6.6.6.6, 198.51.100.7, 10.1.2.3', proxies)).toBe('198.51.100.7');
  });

  it('a chain of trusted proxies is walked from the right, IPv6 included', () => {
    expect(clientAddress('2001:db8:1::5, 192.0.2.10, 10.9.9.9', proxies)).toBe('2001:db8:1::5');
    expect(clientAddress('203.0.113.4, 2001:db8:ff:1::2, ::1', proxies)).toBe('203.0.113.4');
  });

  it('an untrusted peer cannot pass itself off as a proxy', () => {
    expect(clientAddress('10.1.2.3, 198.51.100.7', proxies)).toBe('198.51.100.7');
  });

  it('IPv4 on a dual-stack socket and bracketed IPv6 count as the plain address', () => {
    expect(clientAddress('::ffff:198.51.100.7', [])).toBe('198.51.100.7');
    expect(isTrusted('::ffff:10.0.0.1', proxies)).toBe(true);
    expect(clientAddress('[2001:db8::1]:443', [])).toBe('2001:db8::1');
  });

  it('CIDR matching stops at the prefix length', () => {
    expect(isTrusted('11.0.0.1', proxies)).toBe(false);
    expect(isTrusted('192.0.2.11', proxies)).toBe(false);
    expect(isTrusted('2001:db8:ff:ffff::1', proxies)).toBe(true);
    expect(isTrusted('2001:db8:fe::1', proxies)).toBe(false);
    expect(isTrusted('0:0:0:0:0:0:0:1', proxies)).toBe(true);
    expect(isTrusted('10.0.0.1', parseTrustedProxies('0.0.0.0/0'))).toBe(true);
    expect(isTrusted('2001:db8::1', parseTrustedProxies('0.0.0.0/0'))).toBe(false);
  });

  it('a malformed TRUSTED_PROXIES entry is an error, not a silent hole', () => {
    for (const bad of ['10.0.0.0/33', 'proxy.example.net', '10.0.0.0/8/1', '::1/129', '10.0.0.0/']) {
      expect(() => parseTrustedProxies(bad)).toThrow(/TRUSTED_PROXIES/);
    }
    expect(parseTrustedProxies(undefined)).toEqual([]);
  });

  it('the server refuses to start with a malformed TRUSTED_PROXIES', () => {
    const saved = process.env.TRUSTED_PROXIES;
    try {
      process.env.TRUSTED_PROXIES = '10.0.0.0/8, proxy.example.net';
      expect(() => env()).toThrow(/TRUSTED_PROXIES: "proxy.example.net" is not an address or CIDR/);
      process.env.TRUSTED_PROXIES = '10.0.0.0/8, 2001:db8::/32';
      expect(env().TRUSTED_PROXIES).toBe('10.0.0.0/8, 2001:db8::/32');
    } finally {
      if (saved === undefined) delete process.env.TRUSTED_PROXIES;
      else process.env.TRUSTED_PROXIES = saved;
    }
  });
});

describe('the server in front of Next (scripts/serve.mjs)', () => {
  /** What the app counts for one request with this X-Forwarded-For, through appendPeer. */
  async function countedAddress(forwardedFor: string, trusted: string) {
    const script = path.resolve(import.meta.dirname, '../../scripts/peer-address.mjs');
    const { appendPeer } = (await import(script)) as { appendPeer: (req: IncomingMessage) => void };
    const server = http.createServer((req, res) => {
      appendPeer(req);
      res.end(clientAddress(req.headers['x-forwarded-for'] as string, parseTrustedProxies(trusted)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { headers: { 'x-forwarded-for': forwardedFor } });
      return await res.text();
    } finally {
      server.close();
    }
  }

  it('a client connecting directly cannot choose the address it is counted against', async () => {
    expect(await countedAddress('203.0.113.99', '')).toBe('127.0.0.1');
  });

  it('a proxy on a trusted address passes on the address it saw', async () => {
    expect(await countedAddress('6.6.6.6, 203.0.113.99', '127.0.0.1')).toBe('203.0.113.99');
  });
});
