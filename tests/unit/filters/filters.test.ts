import { describe, expect, it } from 'vitest';
import { builtinConfigTemplate } from '@/lib/templates/defaults';
import { renderTemplate } from '@/lib/templates/engine';
import { judgeList } from '@/lib/filters/guard';
import { communityProblem, policyInput } from '@/lib/filters/policy-schemas';
import { originOf, originValidation } from '@/lib/filters/rpki';
import { irrSettingsInput, rtrCache } from '@/lib/filters/settings';
import { goldenSessions } from '../templates/fixtures';

const limits = { maxChangePercent: 50, maxPrefixes: 1000 };

describe('whether a new prefix list may replace the last good one', () => {
  it('refuses an empty list, an insane one, one far past PeeringDB, and a jump past the threshold', () => {
    const base = { family: 4 as const, asSet: 'AS-X', lastGood: null, peeringDbCount: null, limits };
    expect(judgeList({ ...base, count: 0 }).status).toBe('rejected');
    expect(judgeList({ ...base, count: 1001 }).warning).toMatch(/more than the 1000 a sane AS-SET has/);
    expect(judgeList({ ...base, count: 600, peeringDbCount: 50 }).warning).toMatch(/PeeringDB says the network announces 50/);
    expect(judgeList({ ...base, count: 140, peeringDbCount: 50 }).status).toBe('good');
    expect(judgeList({ ...base, count: 100, lastGood: { count: 40 } }).warning).toMatch(/grew from 40 to 100 prefixes \(150%/);
    expect(judgeList({ ...base, count: 10, lastGood: { count: 40 } }).warning).toMatch(/shrank from 40 to 10/);
  });

  it('lets small lists move by a few prefixes whatever the percentage', () => {
    expect(judgeList({ family: 6, asSet: 'AS-X', count: 8, lastGood: { count: 2 }, peeringDbCount: null, limits }).status).toBe('good');
  });
});

describe('RPKI origin validation (RFC 6811)', () => {
  const roas = [
    { prefix: '198.51.100.0/22', maxLength: 24, asn: 65002 },
    { prefix: '2001:db8::/32', maxLength: 48, asn: 65002 },
  ];
  it('valid when a covering ROA matches origin and length, invalid when one covers but none matches, else not found', () => {
    expect(originValidation('198.51.101.0/24', 65002, roas)).toBe('valid');
    expect(originValidation('198.51.101.0/25', 65002, roas)).toBe('invalid');
    expect(originValidation('198.51.101.0/24', 65099, roas)).toBe('invalid');
    expect(originValidation('192.0.2.0/24', 65002, roas)).toBe('notfound');
    expect(originValidation('2001:db8:2::/48', 65002, roas)).toBe('valid');
    expect(originValidation('2001:db9::/48', 65002, roas)).toBe('notfound');
    expect(originValidation('198.51.101.0/24', null, roas)).toBe('invalid');
  });
  it('takes the origin from the end of the AS path, none from an AS_SET', () => {
    expect(originOf('65010 65002')).toBe(65002);
    expect(originOf('65010 {65002,65003}')).toBeNull();
    expect(originOf('')).toBeNull();
  });
});

describe('policy and settings input', () => {
  it('takes standard and large communities and refuses anything else', () => {
    expect(communityProblem('65001:100')).toBeNull();
    expect(communityProblem('65001:1:2')).toBeNull();
    expect(communityProblem('70000:1')).toMatch(/out of range/);
    expect(communityProblem('65001:100; reload')).toMatch(/not a community/);
  });
  it('renders import policies only: an export policy is a name on the router', () => {
    expect(policyInput.safeParse({ name: 'PD-OUT', direction: 'export', source: 'rendered' }).success).toBe(false);
    expect(policyInput.safeParse({ name: 'PD-OUT', direction: 'export', source: 'router' }).success).toBe(true);
    expect(policyInput.safeParse({ name: 'bad name', direction: 'import' }).success).toBe(false);
  });
  it('reads the IRR server and RTR cache as host:port, and nothing a command line could take for an option', () => {
    expect(irrSettingsInput.safeParse({ server: '-h evil' }).success).toBe(false);
    expect(irrSettingsInput.safeParse({ server: 'rr.ntt.net:43', sources: 'ripe,arin' })).toMatchObject({ success: true, data: { sources: 'RIPE,ARIN' } });
    expect(rtrCache({ cacheServer: 'rtr.example.net:3323', dropInvalid: true })).toEqual({ host: 'rtr.example.net', port: 3323 });
    expect(rtrCache({ cacheServer: '[2001:db8::1]:8282', dropInvalid: true })).toEqual({ host: '2001:db8::1', port: 8282 });
  });
});

describe('the FRR template without bgpq4 text', () => {
  it('writes the prefix list from the stored prefixes', async () => {
    const filtered = goldenSessions('frr')[3].vars;
    const text = await renderTemplate(builtinConfigTemplate('frr').body, { ...filtered, prefix_list: { ...filtered.prefix_list!, text: null } });
    expect(text).toMatch(/^no ip prefix-list PD-AS65002-V4\nip prefix-list PD-AS65002-V4 permit 198\.51\.100\.0\/24\nip prefix-list PD-AS65002-V4 permit 198\.51\.101\.0\/24\nrpki\n/);
  });
});
