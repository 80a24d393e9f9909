import { describe, expect, it } from 'vitest';
import { classifyDown } from '@/lib/findings/down-reasons';

describe('why a session is down, in the router\'s words', () => {
  it.each([
    ['Idle', 'Max-prefix teardown: Maximum prefix count exceeded', 'max_prefix'],
    ['Idle (PfxCt)', 'Reached received prefix count', 'max_prefix'],
    ['Idle', 'Route limit exceeded, shutting down', 'max_prefix'],
    ['Active', 'TCP MD5 signature mismatch', 'authentication'],
    ['Idle', 'BGP Notification send (Hold Timer Expired)', 'hold_timer'],
    ['Idle', 'Received: Hold timer expired', 'hold_timer'],
    ['Connect', 'Socket: Connection refused', 'peer_not_configured'],
    ['Idle', 'Cease/Peer Unconfigured', 'peer_not_configured'],
    ['Active', null, 'peer_not_configured'],
    ['Idle (Admin)', null, 'admin_down'],
    ['Idle', 'Received: Administrative shutdown', 'admin_down'],
    ['Idle', 'Something new', 'unknown'],
  ])('%s / %s is %s', (state, error, reason) => {
    expect(classifyDown(state, error)).toBe(reason);
  });
});
