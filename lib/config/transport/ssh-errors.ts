import { RouterConnectionError, seconds } from './types';

type Target = { host: string; port: number; username: string; timeoutMs: number; credentials: { password?: string; privateKey?: string } };

type SshError = Error & { level?: string; code?: string };

/** ssh2's failures, in words that say what to check. */
export function sshFailure(err: unknown, t: Target): RouterConnectionError {
  const e = (err instanceof Error ? err : new Error(String(err))) as SshError;
  const where = `${t.host}:${t.port}`;
  if (e.level === 'client-authentication') {
    const offered = [t.credentials.password && 'password', t.credentials.privateKey && 'private key'].filter(Boolean).join(' and ');
    return new RouterConnectionError('auth', `Authentication failed for ${t.username}@${where}: the router refused the ${offered}.`);
  }
  if (e.level === 'client-timeout') {
    return new RouterConnectionError('timeout', `No SSH answer from ${where} within ${seconds(t.timeoutMs)}: the connection timed out.`);
  }
  if (/Cannot parse privateKey/i.test(e.message)) {
    return new RouterConnectionError('auth', `The stored private key cannot be used: ${e.message.replace(/^Cannot parse privateKey: /i, '')}.`);
  }
  switch (e.code) {
    case 'ECONNREFUSED':
      return new RouterConnectionError('unreachable', `Connection refused by ${where}: nothing accepts SSH connections on that port.`);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new RouterConnectionError('unreachable', `${t.host} is unreachable from the Peerdesk server (no route to host).`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new RouterConnectionError('unreachable', `${t.host} does not resolve to an address: check the hostname or management address.`);
    case 'ETIMEDOUT':
      return new RouterConnectionError('timeout', `No answer from ${where}: the connection timed out.`);
    case 'ECONNRESET':
      return new RouterConnectionError('unreachable', `${where} closed the connection during the SSH handshake.`);
  }
  return new RouterConnectionError('unreachable', `Could not open an SSH session with ${where}: ${e.message}`);
}
