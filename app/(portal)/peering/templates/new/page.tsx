import type { Metadata } from 'next';
import { BackLink, PageHeader } from '@/components/ui/notice';
import { requirePage } from '@/lib/auth/guard';
import { findBuiltin } from '@/lib/templates/defaults';
import { previewChoices } from '../choices';
import { TemplateEditor } from '../template-editor';
import { VariablesDoc } from '../variables-doc';

export const metadata: Metadata = { title: 'New template' };

/** A blank template, or a copy of a built-in one (?from=config-frr). */
export default async function NewTemplatePage({ searchParams }: { searchParams: Promise<{ from?: string; kind?: string }> }) {
  await requirePage('templates.manage');
  const search = await searchParams;
  const source = search.from ? findBuiltin(search.from) : undefined;
  const kind = source?.kind ?? (search.kind === 'email' ? 'email' : 'config');
  const template = source
    ? { kind: source.kind, platform: source.platform, name: `${source.name.replace(/^Built-in /, '')} (custom)`, subject: source.subject, body: source.body, isDefault: false }
    : { kind, platform: null, name: '', subject: kind === 'email' ? '' : null, body: '', isDefault: false };
  const choices = await previewChoices(null);
  return (
    <>
      <PageHeader title={source ? `Copy of ${source.name}` : 'New template'}>
        <BackLink href="/peering/templates">All templates</BackLink>
      </PageHeader>
      <TemplateEditor template={template} mode="new" {...choices} />
      <div className="mt-6 grid gap-6 xl:grid-cols-2">
        <VariablesDoc kind="config" />
        <VariablesDoc kind="email" />
      </div>
    </>
  );
}
