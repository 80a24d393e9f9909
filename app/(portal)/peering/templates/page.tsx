import type { Metadata } from 'next';
import Link from 'next/link';
import { db } from '@/db/client';
import { listTemplates } from '@/db/queries/templates';
import { templateFilters } from '@/lib/templates/schemas';
import { Badge, EmptyState, PageHeader } from '@/components/ui/notice';
import { Pager, readPage } from '@/components/ui/pager';
import { Cell, Table } from '@/components/ui/table';
import { requirePage } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { builtinTemplates } from '@/lib/templates/defaults';
import { platformLabels, platforms } from '@/lib/routers/schemas';
import { templateKindLabels } from '@/lib/templates/schemas';

export const metadata: Metadata = { title: 'Templates' };

const control = 'rounded border border-slate-300 bg-white px-2 py-1.5 text-sm';
const link = 'font-medium text-sky-800 hover:underline';

type Search = { q?: string; offset?: string; kind?: string; platform?: string };

export default async function TemplatesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePage('peering.read');
  const search = await searchParams;
  const page = readPage(search);
  const parsed = templateFilters.safeParse({ kind: search.kind || undefined, platform: search.platform || undefined });
  const filters = parsed.success ? parsed.data : {};
  const rows = await listTemplates(db(), { ...page, ...filters, limit: page.limit + 1 });
  const mayManage = can(actor.role, 'templates.manage');
  const q = page.q?.toLowerCase();
  const builtins = builtinTemplates.filter(
    (t) => (!filters.kind || t.kind === filters.kind) && (!filters.platform || t.platform === filters.platform) && (!q || `${t.name}\n${t.body}`.toLowerCase().includes(q)),
  );
  return (
    <>
      <PageHeader title="Templates">
        {mayManage && (
          <Link href="/peering/templates/new" className="rounded bg-sky-700 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-sky-800">
            New template
          </Link>
        )}
      </PageHeader>
      <p className="-mt-2 mb-3 text-sm text-slate-600">
        Config templates render one session&apos;s neighbor configuration for a router platform; e-mail templates render a peering
        request. The
        default of each platform is what 1-click config uses; without one, the built-in template.
      </p>
      <form method="get" role="search" className="mb-3 flex flex-wrap items-center gap-2">
        <input name="q" defaultValue={page.q} placeholder="Name or text" aria-label="Filter" className={`${control} w-52`} />
        <select name="kind" defaultValue={filters.kind ?? ''} aria-label="Kind" className={control}>
          <option value="">Config and e-mail</option>
          <option value="config">Config</option>
          <option value="email">E-mail</option>
        </select>
        <select name="platform" defaultValue={filters.platform ?? ''} aria-label="Platform" className={control}>
          <option value="">Any platform</option>
          {platforms.map((p) => (
            <option key={p} value={p}>
              {platformLabels[p]}
            </option>
          ))}
        </select>
        <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50">
          Filter
        </button>
      </form>

      <h2 className="mb-2 mt-4 font-semibold">Custom templates</h2>
      {rows.length === 0 ? (
        <EmptyState title={page.q || filters.kind || filters.platform ? 'No custom template matches' : 'No custom templates yet'}>
          {mayManage ? 'Copy a built-in template below to start from it, or write a new one.' : 'Admins write custom templates; the built-in ones below are used until then.'}
        </EmptyState>
      ) : (
        <>
          <Table head={['Name', 'Kind', 'Platform', 'Default', 'Revision', 'Changed']}>
            {rows.slice(0, page.limit).map((t) => (
              <tr key={t.id} data-testid={`template-${t.name}`}>
                <Cell>
                  <Link href={`/peering/templates/${t.id}`} className={link}>
                    {t.name}
                  </Link>
                </Cell>
                <Cell>{templateKindLabels[t.kind]}</Cell>
                <Cell>{t.platform ? platformLabels[t.platform] : <span className="text-slate-400">—</span>}</Cell>
                <Cell>{t.isDefault && <Badge tone="green">default</Badge>}</Cell>
                <Cell>{t.revision}</Cell>
                <Cell className="whitespace-nowrap text-xs text-slate-500">{t.updatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC</Cell>
              </tr>
            ))}
          </Table>
          <Pager
            basePath="/peering/templates"
            params={{ q: page.q, kind: filters.kind, platform: filters.platform }}
            offset={page.offset}
            limit={page.limit}
            hasMore={rows.length > page.limit}
          />
        </>
      )}

      <h2 className="mb-2 mt-6 font-semibold">Built-in templates</h2>
      {builtins.length === 0 ? (
        <EmptyState title="No built-in template matches" />
      ) : (
        <Table head={['Name', 'Kind', 'Platform', '']}>
          {builtins.map((t) => (
            <tr key={t.key} data-testid={`builtin-${t.key}`}>
              <Cell>
                <Link href={`/peering/templates/${t.key}`} className={link}>
                  {t.name}
                </Link>{' '}
                <Badge>read-only</Badge>
              </Cell>
              <Cell>{templateKindLabels[t.kind]}</Cell>
              <Cell>{t.platform ? platformLabels[t.platform] : <span className="text-slate-400">—</span>}</Cell>
              <Cell>
                {mayManage && (
                  <Link href={`/peering/templates/new?from=${t.key}`} className="text-sm text-sky-700 hover:underline">
                    Copy to edit
                  </Link>
                )}
              </Cell>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
