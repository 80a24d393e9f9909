import { describe, it, expect } from 'vitest';
import net from 'node:net';
import { randomUUID } from 'node:crypto';

function labEnv(names: string[]): Record<string, string> {
  const missing = names.filter((name) => !process.env[name]);
  if (missing.length) {
    throw new Error(
      `mail lab env missing (${missing.join(', ')}): start the lab with ` +
        '`bash scripts/labs/mail-lab.sh up && eval "$(bash scripts/labs/mail-lab.sh env)"`',
    );
  }
  return Object.fromEntries(names.map((name) => [name, process.env[name] as string]));
}

const env = labEnv(['MAIL_LAB_IMAP_PORT', 'MAIL_LAB_SMTP_PORT', 'MAIL_LAB_USER', 'MAIL_LAB_PEER_USER', 'MAIL_LAB_PASSWORD']);

// A line-oriented conversation: send a command, collect text until the reply is complete.
async function converse(port: number) {
  const socket = net.createConnection(port, '127.0.0.1');
  let pending = '';
  let notify = () => {};
  socket.on('data', (chunk) => { pending += chunk.toString('utf8'); notify(); });
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  const until = (done: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no reply matching ${done}; got ${pending}`)), 10_000);
      notify = () => {
        if (!done.test(pending)) return;
        clearTimeout(timer);
        const reply = pending;
        pending = '';
        resolve(reply);
      };
      notify();
    });
  const send = (line: string, done: RegExp) => { socket.write(`${line}\r\n`); return until(done); };
  return { until, send, close: () => socket.end() };
}

const smtpDone = /^\d{3} .*\r\n/m;

async function sendViaRelay(from: string, to: string, subject: string) {
  const smtp = await converse(Number(env.MAIL_LAB_SMTP_PORT));
  const credentials = Buffer.from(`\0${from}\0${env.MAIL_LAB_PASSWORD}`).toString('base64');
  const steps: [string, string][] = [
    ['EHLO peerdesk.test', '250'],
    [`AUTH PLAIN ${credentials}`, '235'],
    [`MAIL FROM:<${from}>`, '250'],
    [`RCPT TO:<${to}>`, '250'],
    ['DATA', '354'],
    // "..a line" is dot-stuffed on the wire; the relay must deliver ".a line"
    [`From: <${from}>\r\nTo: <${to}>\r\nSubject: ${subject}\r\n\r\n..a line starting with a dot\r\n.`, '250'],
  ];
  await smtp.until(smtpDone);
  for (const [command, code] of steps) expect(await smtp.send(command, smtpDone)).toMatch(new RegExp(`^${code} `, 'm'));
  await smtp.send('QUIT', smtpDone);
  smtp.close();
}

async function readInbox(user: string, subject: string) {
  const imap = await converse(Number(env.MAIL_LAB_IMAP_PORT));
  const tagged = (tag: string) => new RegExp(`^${tag} (OK|NO|BAD).*\r\n`, 'm');
  await imap.until(/^\* OK.*\r\n/m);
  expect(await imap.send(`a1 LOGIN "${user}" "${env.MAIL_LAB_PASSWORD}"`, tagged('a1'))).toMatch(/^a1 OK/m);
  await imap.send('a2 SELECT INBOX', tagged('a2'));
  const search = await imap.send(`a3 SEARCH HEADER Subject "${subject}"`, tagged('a3'));
  const ids = /^\* SEARCH([\d ]*)\r$/m.exec(search)?.[1].trim().split(' ').filter(Boolean) ?? [];
  const fetched = ids.length ? await imap.send(`a4 FETCH ${ids[0]} BODY.PEEK[]`, tagged('a4')) : '';
  await imap.send('a5 LOGOUT', tagged('a5'));
  imap.close();
  return { ids, fetched };
}

describe('mail lab', () => {
  it('delivers a message sent through the SMTP relay into the peer INBOX over IMAP', async () => {
    const subject = `Peering request ${randomUUID()}`;
    await sendViaRelay(env.MAIL_LAB_USER, env.MAIL_LAB_PEER_USER, subject);

    const { ids, fetched } = await readInbox(env.MAIL_LAB_PEER_USER, subject);
    expect(ids).toHaveLength(1);
    expect(fetched).toContain(`From: <${env.MAIL_LAB_USER}>`);
    expect(fetched).toContain('\r\n.a line starting with a dot\r\n');
  });
});
