import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { withLogContext } from '@/lib/log/context';
import { createLogger } from '@/lib/log/logger';

function capture(level = 'debug') {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { log: createLogger(sink, level), lines: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>), raw: () => lines.join('\n') };
}

describe('the JSON log', () => {
  it('never writes a password, key, token, authorization header, MD5 or secret, however they are nested', () => {
    const out = capture();
    out.log.info(
      {
        password: 'hunter2-password',
        apiKey: 'pdb-api-key-value',
        headers: { authorization: 'Bearer pd_live_token_value', cookie: 'authjs.session-token=cookie-value' },
        router: { name: 'r1', credentials: { password: 'router-ssh-password', key: 'ssh-private-key' } },
        session: { peerIp: '192.0.2.1', md5: 'md5-session-secret' },
        oidc: { clientSecret: 'oidc-client-secret', token: 'id-token-value' },
        secret: 'cron-secret-value',
      },
      'settings saved',
    );
    const raw = out.raw();
    for (const secret of ['hunter2-password', 'pdb-api-key-value', 'pd_live_token_value', 'cookie-value', 'router-ssh-password', 'ssh-private-key', 'md5-session-secret', 'oidc-client-secret', 'id-token-value', 'cron-secret-value']) {
      expect(raw).not.toContain(secret);
    }
    const [line] = out.lines();
    expect(line).toMatchObject({ level: 'info', msg: 'settings saved', password: '[redacted]', session: { peerIp: '192.0.2.1', md5: '[redacted]' }, router: { name: 'r1' } });
  });

  it('writes one JSON line per event with the request id and the actor of the request being served', async () => {
    const out = capture();
    await withLogContext({ requestId: 'req-42', actor: 'noc@example.net' }, async () => {
      await Promise.resolve();
      out.log.warn({ action: 'sessions.create' }, 'refused');
    });
    out.log.info('outside any request');
    const [inside, outside] = out.lines();
    expect(inside).toMatchObject({ level: 'warn', requestId: 'req-42', actor: 'noc@example.net', action: 'sessions.create', service: 'peerdesk' });
    expect(typeof inside.time).toBe('string');
    expect(outside.requestId).toBeUndefined();
  });

  it('drops lines below the configured level', () => {
    const out = capture('warn');
    out.log.info('routine');
    out.log.error('broken');
    expect(out.lines().map((l) => l.msg)).toEqual(['broken']);
  });
});
