import { configVariableDocs, emailVariableDocs, syntaxHelp } from '@/lib/templates/variables';

/** The variable reference, from the same list previews are built against. */
export function VariablesDoc({ kind }: { kind: 'config' | 'email' }) {
  const docs = kind === 'config' ? configVariableDocs : emailVariableDocs;
  return (
    <details open className="rounded border border-slate-200 bg-white p-4 text-sm">
      <summary className="cursor-pointer font-semibold">Variables ({kind === 'config' ? 'config' : 'e-mail'} templates)</summary>
      <ul className="mt-2 list-disc pl-5 text-xs text-slate-600">
        {syntaxHelp.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <table className="mt-3 w-full text-left text-xs">
        <thead>
          <tr className="text-slate-500">
            <th className="py-1 pr-2 font-medium">Variable</th>
            <th className="py-1 pr-2 font-medium">Meaning</th>
            <th className="py-1 font-medium">Example</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {docs.map((d) => (
            <tr key={d.name}>
              <td className="py-1 pr-2 font-mono text-sky-900">{d.name}</td>
              <td className="py-1 pr-2 text-slate-700">{d.meaning}</td>
              <td className="py-1 font-mono text-slate-500">{d.example}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
