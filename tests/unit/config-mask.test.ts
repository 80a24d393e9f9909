import { describe, expect, it } from 'vitest';
import { maskSecrets, unmaskSecrets } from '@/lib/config/mask';

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
