import type { Metadata } from 'next';
import { BackLink, PageHeader } from '@/components/ui/notice';
import { requirePage } from '@/lib/auth/guard';
import { mailSettingsView } from '@/lib/mail/settings';
import { followUpSettings, noticeSettings } from '@/lib/peering/follow-up-settings';
import { FollowUpForm } from './follow-up-form';
import { MailSettingsForm } from './mail-settings-form';

export const metadata: Metadata = { title: 'Mail settings' };

export default async function MailSettingsPage() {
  await requirePage('emails.manage');
  return (
    <>
      <PageHeader title="Mail settings">
        <BackLink href="/peering/emails">Mailbox</BackLink>
      </PageHeader>
      <section className="max-w-2xl rounded border border-slate-200 bg-white p-4">
        <MailSettingsForm view={await mailSettingsView()} />
      </section>
      <h2 className="mb-2 mt-6 text-sm font-semibold text-slate-800">Follow-ups and notices</h2>
      <section className="max-w-2xl rounded border border-slate-200 bg-white p-4">
        <FollowUpForm followUp={await followUpSettings()} notices={await noticeSettings()} />
      </section>
    </>
  );
}
