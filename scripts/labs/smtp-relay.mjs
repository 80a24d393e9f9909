// The mail lab's outgoing server: a small SMTP server that hands every accepted message to
// Dovecot over LMTP, so whatever the app sends lands in the recipient's real INBOX.
// Speaks what nodemailer needs: EHLO/HELO, AUTH PLAIN/LOGIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT.
// env: SMTP_PORT (2525), LMTP_PORT (2424), MAIL_USERS_FILE (Dovecot passwd-file for AUTH)
import net from 'node:net';
import fs from 'node:fs';

const SMTP_PORT = Number(process.env.SMTP_PORT ?? 2525);
const LMTP_PORT = Number(process.env.LMTP_PORT ?? 2424);
const MAX_SIZE = 30 * 1024 * 1024;
const HOST = 'peerdesk-mail-lab';

// "user:{PLAIN}password:uid:gid::home::" -> Map(user -> password)
function loadPasswords(file) {
  if (!file) return new Map();
  return new Map(fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => {
    const [user, pass] = line.split(':');
    return [user, pass.replace(/^\{PLAIN\}/, '')];
  }));
}
const passwords = loadPasswords(process.env.MAIL_USERS_FILE);

// Reads CRLF lines from a socket; `next()` resolves with the next line (without CRLF).
function lineReader(socket) {
  let buf = Buffer.alloc(0);
  const lines = [];
  let waiting = null;
  let closed = false;
  const flush = () => {
    if (!waiting) return;
    if (lines.length) { const w = waiting; waiting = null; w.resolve(lines.shift()); }
    else if (closed) { const w = waiting; waiting = null; w.reject(new Error('connection closed')); }
  };
  socket.on('data', (chunk) => {
    buf = Buffer.concat([buf, chunk]);
    let i;
    while ((i = buf.indexOf(10)) >= 0) {
      const end = i > 0 && buf[i - 1] === 13 ? i - 1 : i;
      lines.push(buf.subarray(0, end));
      buf = buf.subarray(i + 1);
    }
    flush();
  });
  socket.on('close', () => { closed = true; flush(); });
  socket.on('error', () => {});
  return { next: () => new Promise((resolve, reject) => { waiting = { resolve, reject }; flush(); }) };
}

async function readReply(reader) {
  for (;;) {
    const line = (await reader.next()).toString();
    if (line[3] !== '-') return { code: Number(line.slice(0, 3)), text: line };
  }
}

// LMTP answers DATA once per recipient; any failure fails the whole message.
async function deliver(from, recipients, lines) {
  const socket = net.createConnection(LMTP_PORT, '127.0.0.1');
  const reader = lineReader(socket);
  const expect = async (ok, cmd) => {
    if (cmd !== undefined) socket.write(cmd + '\r\n');
    const reply = await readReply(reader);
    if (reply.code !== ok) throw Object.assign(new Error(reply.text), { code: reply.code });
  };
  try {
    await expect(220);
    await expect(250, `LHLO ${HOST}`);
    await expect(250, `MAIL FROM:<${from}>`);
    for (const rcpt of recipients) await expect(250, `RCPT TO:<${rcpt}>`);
    await expect(354, 'DATA');
    const stuffed = lines.map((line) => (line[0] === 0x2e ? Buffer.concat([Buffer.from('.'), line]) : line));
    socket.write(Buffer.concat(stuffed.flatMap((line) => [line, Buffer.from('\r\n')])));
    socket.write('.\r\n');
    for (let i = 0; i < recipients.length; i++) await expect(250);
    socket.end('QUIT\r\n');
  } catch (err) {
    socket.destroy();
    throw err;
  }
}

function decodeBase64(text) {
  return Buffer.from(text.trim(), 'base64').toString('utf8');
}

async function session(socket) {
  const reader = lineReader(socket);
  const say = (text) => socket.write(text + '\r\n');
  const ask = async (prompt) => { say(`334 ${prompt}`); return (await reader.next()).toString(); };
  let envelope = { from: null, to: [] };

  const authenticate = async (mechanism, initial) => {
    let user, pass;
    if (mechanism === 'PLAIN') {
      [, user, pass] = decodeBase64(initial ?? (await ask(''))).split('\0');
    } else if (mechanism === 'LOGIN') {
      user = decodeBase64(initial ?? (await ask(Buffer.from('Username:').toString('base64'))));
      pass = decodeBase64(await ask(Buffer.from('Password:').toString('base64')));
    } else return say('504 5.5.4 Unrecognized authentication type');
    say(passwords.get(user) === pass ? '235 2.7.0 Authentication successful' : '535 5.7.8 Authentication credentials invalid');
  };

  const readData = async () => {
    const lines = [];
    let size = 0;
    for (;;) {
      const line = await reader.next();
      if (line.length === 1 && line[0] === 0x2e) break;
      const unstuffed = line[0] === 0x2e ? line.subarray(1) : line;
      size += unstuffed.length + 2;
      if (size <= MAX_SIZE) lines.push(unstuffed);
    }
    return { lines, size };
  };

  say(`220 ${HOST} ESMTP relay ready`);
  for (;;) {
    const line = (await reader.next()).toString();
    const [verb = '', ...args] = line.split(' ');
    const arg = args.join(' ');
    switch (verb.toUpperCase()) {
      case 'EHLO':
        say(`250-${HOST}\r\n250-PIPELINING\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250-SIZE ${MAX_SIZE}\r\n250 AUTH PLAIN LOGIN`);
        break;
      case 'HELO': say(`250 ${HOST}`); break;
      case 'AUTH': await authenticate(args[0]?.toUpperCase(), args[1]); break;
      case 'MAIL': {
        const m = /^FROM:\s*<([^>]*)>(.*)$/i.exec(arg);
        if (!m) { say('501 5.5.4 Syntax: MAIL FROM:<address>'); break; }
        const declared = Number(/SIZE=(\d+)/i.exec(m[2])?.[1] ?? 0);
        if (declared > MAX_SIZE) { say('552 5.3.4 Message size exceeds fixed limit'); break; }
        envelope = { from: m[1], to: [] };
        say('250 2.1.0 Ok');
        break;
      }
      case 'RCPT': {
        const m = /^TO:\s*<([^>]+)>/i.exec(arg);
        if (envelope.from === null) say('503 5.5.1 Need MAIL first');
        else if (!m) say('501 5.5.4 Syntax: RCPT TO:<address>');
        else { envelope.to.push(m[1]); say('250 2.1.5 Ok'); }
        break;
      }
      case 'DATA': {
        if (!envelope.to.length) { say('503 5.5.1 Need RCPT first'); break; }
        say('354 End data with <CR><LF>.<CR><LF>');
        const { lines, size } = await readData();
        const { from, to } = envelope;
        envelope = { from: null, to: [] };
        if (size > MAX_SIZE) { say('552 5.3.4 Message size exceeds fixed limit'); break; }
        try {
          await deliver(from, to, lines);
          console.log(`delivered ${size} bytes from <${from}> to ${to.map((t) => `<${t}>`).join(', ')}`);
          say('250 2.0.0 Ok: delivered');
        } catch (err) {
          console.error(`delivery failed: ${err.message}`);
          say(`${err.code >= 500 ? 550 : 451} ${err.message.replace(/^\d{3}[ -]/, '')}`);
        }
        break;
      }
      case 'RSET': envelope = { from: null, to: [] }; say('250 2.0.0 Ok'); break;
      case 'NOOP': say('250 2.0.0 Ok'); break;
      case 'QUIT': say('221 2.0.0 Bye'); socket.end(); return;
      default: say('502 5.5.2 Command not recognized');
    }
  }
}

const server = net.createServer((socket) => { session(socket).catch(() => socket.destroy()); });
server.listen(SMTP_PORT, '127.0.0.1', () => console.log(`smtp-relay listening on 127.0.0.1:${SMTP_PORT} -> lmtp ${LMTP_PORT}`));
process.on('SIGTERM', () => process.exit(0));
