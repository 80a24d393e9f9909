/** The template lines around an error, the wrong line marked and a caret under the column. */
export function ErrorLocation({ body, line, column }: { body: string; line: number | null; column: number | null }) {
  if (line === null) return null;
  const lines = body.split('\n');
  const first = Math.max(1, line - 2);
  const shown = lines.slice(first - 1, Math.min(lines.length, line + 1));
  const width = String(first + shown.length - 1).length;
  return (
    <pre data-testid="error-location" className="mt-2 overflow-x-auto rounded bg-slate-900 p-2 font-mono text-xs leading-5 text-slate-200">
      {shown.map((text, i) => {
        const n = first + i;
        const gutter = `${String(n).padStart(width)} | `;
        return n === line ? (
          <span key={n} className="block bg-rose-900/70 text-white" aria-label={`Line ${n}, the error`}>
            {gutter}
            {text}
            {'\n'}
            <span className="text-rose-300">{' '.repeat(gutter.length + Math.max(0, (column ?? 1) - 1))}^</span>
          </span>
        ) : (
          <span key={n} className="block">
            {gutter}
            {text}
          </span>
        );
      })}
    </pre>
  );
}

/** "line 3, column 12: ..." -> its numbers, for field errors that carry them in the message. */
export function positionOf(message: string | undefined): { line: number | null; column: number | null } {
  const match = message && /^line (\d+), column (\d+):/.exec(message);
  return match ? { line: Number(match[1]), column: Number(match[2]) } : { line: null, column: null };
}
