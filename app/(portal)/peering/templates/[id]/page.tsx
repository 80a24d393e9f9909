import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { db } from '@/db/client';
import { getTemplate } from '@/db/queries/templates';
import { BackLink, Badge, PageHeader } from '@/components/ui/notice';
import { requirePage } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { findBuiltin } from '@/lib/templates/defaults';
import { platformLabels } from '@/lib/routers/schemas';
import { previewChoices } from '../choices';
import { TemplateEditor } from '../template-editor';
import { VariablesDoc } from '../variables-doc';
import { RevisionHistory } from './revision-history';
import { TemplateAdmin } from './template-admin';

export const metadata: Metadata = { title: 'Template' };

/** A custom template (numeric id) to edit, or a built-in one (its key, e.g. config-frr) to read, preview and copy. */
export default async function TemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage('peering.read');
  const key = (await params).id;
  const mayManage = can(actor.role, 'templates.manage');
  const builtin = findBuiltin(key);
  const id = Number(key);
  const stored = builtin ? undefined : Number.isSafeInteger(id) && id > 0 ? await getTemplate(db(), id) : undefined;
  const template = builtin ?? stored;
  if (!template) notFound();
  const choices = await previewChoices(template.kind === 'config' ? template.platform : null);
  const scope = template.platform ? platformLabels[template.platform] : 'e-mail';
  return (
    <>
      <PageHeader title={template.name}>
        {builtin && mayManage && (
          <Link href={`/peering/templates/new?from=${builtin.key}`} className="rounded bg-sky-700 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-sky-800">
            Copy to edit
          </Link>
        )}
        <BackLink href="/peering/templates">All templates</BackLink>
      </PageHeader>
      <div className="-mt-2 mb-4 flex flex-wrap items-center gap-3 text-sm text-slate-600">
        <span>{template.kind === 'config' ? `Config template for ${scope}` : 'E-mail template'}</span>
        {builtin && <Badge>built-in, read-only</Badge>}
        {stored && <span>Revision {stored.revision}</span>}
        {stored?.isDefault && <Badge tone="green">default</Badge>}
      </div>
      {stored && mayManage && (
        <div className="mb-4">
          <TemplateAdmin template={{ id: stored.id, name: stored.name, isDefault: stored.isDefault }} scope={scope} />
        </div>
      )}
      <TemplateEditor
        key={key}
        template={{
          id: stored?.id,
          kind: template.kind,
          platform: template.platform,
          name: template.name,
          subject: template.subject,
          body: template.body,
          isDefault: stored?.isDefault ?? false,
        }}
        mode={stored && mayManage ? 'edit' : 'read'}
        {...choices}
      />
      <div className="mt-6 grid gap-6 xl:grid-cols-2">
        {stored && <RevisionHistory templateId={stored.id} current={stored.revision} revisions={stored.revisions} mayRevert={mayManage} />}
        <VariablesDoc kind={template.kind} />
      </div>
    </>
  );
}
