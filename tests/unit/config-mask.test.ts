import { describe, expect, it } from 'vitest';
import type { Router } from '@/db/schema';
import type { NeighborSpec } from '@/lib/config/drivers/types';
import { editProblem, MASK, maskSecrets, unmaskSecrets } from '@/lib/config/mask';
import { configVariables } from '@/lib/config/render';
import { unfilteredVariables } from '@/lib/filters/variables';

describe('router text as it is stored and shown', () => {
  it('hides the sessions\' own keys and anything after a key word, on every platform', () => {
    const neighbors = [{ md5: 'Sup3r-Secret' }, { md5: null }];
    expect(maskSecrets(' neighbor 10.0.12.2 password Sup3r-Secret\n', neighbors)).toBe(' neighbor 10.0.12.2 password ********\n');
    expect(maskSecrets('  password "old-key";', [])).toBe('  password "********";');
    expect(maskSecrets('set protocols bgp group IXP neighbor 10.0.12.2 authentication-key "$9$abc"', [])).toBe(
      'set protocols bgp group IXP neighbor 10.0.12.2 authentication-key "********"',
    );
    expect(maskSecrets(' neighbor 10.0.12.2 password 7 0822455D0A16', [])).toBe(' neighbor 10.0.12.2 password 7 ********');
    expect(maskSecrets('description Sup3r-Secret peer', neighbors)).toBe('description ******** peer');
  });

  it('an edit keeps ******** for the key, which is filled in again when pushed', () => {
    expect(unmaskSecrets(' neighbor 10.0.12.2 password ********', { md5: 'k3y' })).toBe(' neighbor 10.0.12.2 password k3y');
    expect(unmaskSecrets(' neighbor 10.0.12.2 password ********', { md5: null })).toBe(' neighbor 10.0.12.2 password ********');
  });
});

describe('what a key can hide', () => {
  it('a known key is masked only where it stands as a whole word', () => {
    expect(maskSecrets(' neighbor 10.0.12.2 route-map PEER-IN in\n neighbor 10.0.12.2 password PEER', [{ md5: 'PEER' }])).toBe(
      ' neighbor 10.0.12.2 route-map PEER-IN in\n neighbor 10.0.12.2 password ********',
    );
  });

  it('a quoted key with an escaped quote is masked to its closing quote, and what follows stays in sight', () => {
    expect(maskSecrets('set x authentication-key "a\\" ; b"; set protocols bgp group EVIL', [])).toBe('set x authentication-key "********"; set protocols bgp group EVIL');
  });

  it('a key stored before keys were limited, holding quotes or statements, is never rendered', () => {
    const neighbor = { md5: 'x"; } protocol bgp evil { neighbor 10.9.9.9 as 666; password "y', peerIp: '10.0.12.2' } as NeighborSpec;
    expect(() => configVariables({} as Router, {} as Parameters<typeof configVariables>[1], neighbor, unfilteredVariables('peer'))).toThrow(/MD5 key .* enter it again/);
  });
});

describe("the Config Manager's edit as it is stored", () => {
  const line = (key: string) => ` neighbor 10.0.12.2 password ${key}`;

  it('keeps ******** for the session key, and masks the key when it was pasted in', () => {
    expect(editProblem(line(MASK), { md5: 'k3y' })).toBeNull();
    expect(editProblem(line('k3y'), { md5: 'k3y' })).toBeNull();
  });

  it('refuses a key typed in: keys are set on the session, so an edit never carries a secret', () => {
    expect(editProblem(line('typed-key'), { md5: 'k3y' })).toMatch(/not typed here/);
    expect(editProblem(' neighbor 10.0.12.2 authentication-key "typed"', { md5: 'k3y' })).toMatch(/not typed here/);
    expect(editProblem(line('typed-key'), { md5: null })).toMatch(/no MD5 key/);
    expect(editProblem(line(MASK), { md5: null })).toMatch(/no MD5 key/);
  });
});
