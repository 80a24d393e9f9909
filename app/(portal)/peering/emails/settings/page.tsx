import type { Metadata } from 'next';
import { BackLink, Forbidden, PageHeader } from '@/components/ui/notice';
import { pageAccess } from '@/lib/auth/guard';
import { mailSettingsView } from '@/lib/mail/settings';
import { MailSettingsForm } from './mail-settings-form';

export const metadata: Metadata = { title: 'Mail settings' };

export default async function MailSettingsPage() {
  const { allowed } = await pageAccess('emails.manage');
  if (!allowed) return <Forbidden what="the mail settings" />;
  return (
    <>
      <PageHeader title="Mail settings">
        <BackLink href="/peering/emails">Mailbox</BackLink>
      </PageHeader>
      <section className="max-w-2xl rounded border border-slate-200 bg-white p-4">
        <MailSettingsForm view={await mailSettingsView()} />
      </section>
    </>
  );
}
