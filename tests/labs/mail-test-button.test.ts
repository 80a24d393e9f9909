import { describe, expect, it } from 'vitest';
import { testMailAccount } from '@/lib/mail/accounts';
import { updateMailSettings } from '@/lib/mail/settings';
import { makeUser } from '../support/actors';
import { useTestDatabase } from '../support/test-database';

const need = ['MAIL_LAB_IMAP_PORT', 'MAIL_LAB_SMTP_PORT'].filter((n) => !process.env[n]);
if (need.length) throw new Error(`mail lab env missing (${need.join(', ')}): bash scripts/labs/mail-lab.sh up && eval "$(bash scripts/labs/mail-lab.sh env)"`);
const US = 'peering@example.test';

useTestDatabase();

describe('the mail Test buttons against the real servers', () => {
  it('says it logged in and found both folders, or names the folder that is missing', async () => {
    const admin = await makeUser('global_admin');
    const account = (port: string | undefined) => ({ host: '127.0.0.1', port: Number(port), tls: 'none', user: US, password: 'secret' });
    const [smtp, imap] = [account(process.env.MAIL_LAB_SMTP_PORT), account(process.env.MAIL_LAB_IMAP_PORT)];
    expect(await updateMailSettings(admin, { smtp, imap, fromAddress: US })).toMatchObject({ ok: true });

    expect(await testMailAccount(admin, { account: 'smtp' })).toEqual({ ok: true, data: { message: expect.stringMatching(/^SMTP 127\.0\.0\.1:\d+: connected/) } });
    expect(await testMailAccount(admin, { account: 'imap' })).toEqual({
      ok: true,
      data: { message: expect.stringMatching(/^IMAP 127\.0\.0\.1:\d+: logged in as peering@example\.test; folders INBOX and Sent exist$/) },
    });

    expect(await updateMailSettings(admin, { sentFolder: 'Nowhere' })).toMatchObject({ ok: true });
    expect(await testMailAccount(admin, { account: 'imap' })).toEqual({
      ok: false,
      error: { code: 'unavailable', message: expect.stringContaining('logged in, but no folder named "Nowhere"') },
    });
  });
});
