// First IMAP sync of 5,000 messages and an incremental sync with nothing new (prints figures; not a test):
//   MAIL_DIR=/tmp/pd-mail-bench MAIL_IMAP_PORT=1163 MAIL_LMTP_PORT=2444 MAIL_SMTP_PORT=2545 bash scripts/labs/mail-lab.sh up
//   MAIL_LAB_IMAP_PORT=1163 npx tsx bench/mail-sync.ts [--messages 5000]
// The messages are appended over IMAP (in parallel batches) to a folder of their own, "Bench-<n>",
// which the sync then reads as its Inbox, into a fresh in-memory database.
process.env.APP_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString('base64');
process.env.PGLITE_DIR ??= 'memory://';
import { parseArgs } from 'node:util';
import { ImapFlow } from 'imapflow';
import { connect, useConnection } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import type { MailConfig } from '@/lib/mail/settings';
import { syncMail } from '@/lib/mail/sync';

const { values: args } = parseArgs({ options: { messages: { type: 'string', default: '5000' } } });
const total = Number(args.messages);
const port = Number(process.env.MAIL_LAB_IMAP_PORT ?? 1143);
const account = { host: '127.0.0.1', port, tls: 'none' as const, user: 'peering@example.test', password: 'secret' };
const folder = `Bench-${total}`;

const client = new ImapFlow({
  host: account.host,
  port,
  secure: false,
  doSTARTTLS: false,
  auth: { user: account.user, pass: account.password },
  logger: false,
});
await client.connect();
const existing = (await client.list()).find((m) => m.path === folder);
const status = existing ? await client.status(folder, { messages: true }) : false;
const have = status ? (status.messages ?? 0) : 0;
if (!existing) await client.mailboxCreate(folder);
const t0 = Date.now();
for (let i = have; i < total; i += 50) {
  await Promise.all(
    Array.from({ length: Math.min(50, total - i) }, (_, k) => {
      const n = i + k;
      const raw = [
        `From: "Peer ${n % 300}" <noc${n % 300}@peer${n % 300}.test>`,
        'To: peering@example.test',
        `Subject: Re: Peering request AS64500 and AS${65000 + (n % 300)} #${n}`,
        `Message-ID: <bench-${n}@peer.test>`,
        n % 3 ? `In-Reply-To: <bench-${n - 1}@peer.test>` : '',
        `Date: ${new Date(Date.UTC(2026, 0, 1) + n * 60_000).toUTCString()}`,
        'MIME-Version: 1.0',
        'Content-Type: multipart/alternative; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain; charset=utf-8',
        '',
        `Hello, message ${n}.\n${'Some peering text. '.repeat(40)}`,
        '--b',
        'Content-Type: text/html; charset=utf-8',
        '',
        `<p>Hello, <b>message ${n}</b>.</p><img src="https://example.test/${n}.gif"><script>x()</script>`,
        '--b--',
        '',
      ]
        .filter((l, idx) => idx !== 4 || l)
        .join('\r\n');
      return client.append(folder, raw, ['\\Seen']);
    }),
  );
}
await client.logout();
if (total > have) console.log(`appended ${total - have} messages to ${folder} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

const conn = connect({ pgliteDir: 'memory://' });
await migrateDatabase(conn);
useConnection(conn);
const config: MailConfig = { smtp: null, imap: account, inboxFolder: folder, sentFolder: 'Sent', from: { name: '', address: '' }, resendAfterDays: 14, syncIntervalSeconds: 0 };
let t = performance.now();
const first = await syncMail(config);
const firstS = (performance.now() - t) / 1000;
t = performance.now();
const second = await syncMail(config);
const secondS = (performance.now() - t) / 1000;
console.log(JSON.stringify({
  messages: total,
  firstSync: { seconds: +firstS.toFixed(2), stored: first[0].stored },
  incrementalSync: { seconds: +secondS.toFixed(3), fetched: second[0].fetched + second[1].fetched },
}));
await conn.close();
