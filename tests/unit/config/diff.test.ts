import { describe, expect, it } from 'vitest';
import { diffConfig } from '@/lib/config/diff';

describe('diffConfig', () => {
  it('is empty when the candidate is what runs (a missing final newline does not count)', () => {
    expect(diffConfig('router bgp 65001\n neighbor 192.0.2.1 remote-as 64501\n', 'router bgp 65001\n neighbor 192.0.2.1 remote-as 64501')).toBe('');
    expect(diffConfig('', '')).toBe('');
  });

  it('is a unified diff naming running and candidate', () => {
    const d = diffConfig(' neighbor 192.0.2.1 remote-as 64501\n neighbor 192.0.2.1 password old\n', ' neighbor 192.0.2.1 remote-as 64501\n neighbor 192.0.2.1 password new\n', 'r1');
    expect(d).toContain('--- r1 (running)');
    expect(d).toContain('+++ r1 (candidate)');
    expect(d).toContain('- neighbor 192.0.2.1 password old');
    expect(d).toContain('+ neighbor 192.0.2.1 password new');
    expect(d).toContain('  neighbor 192.0.2.1 remote-as 64501');
  });

  it('shows a new session as all added lines', () => {
    const d = diffConfig('', 'router bgp 65001\n neighbor 192.0.2.9 remote-as 64509\n');
    expect(d).toMatch(/@@ -0,0 \+1,2 @@/);
    expect(d).toContain('+router bgp 65001');
  });
});
