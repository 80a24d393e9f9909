type Bar = { label: string; parts: { value: number; color: string; name: string }[] };

/** Horizontal stacked bars as inline SVG, drawn on the server: no script, readable by a screen reader through the titles. */
export function StackedBars({ bars, width = 420 }: { bars: Bar[]; width?: number }) {
  const row = 22;
  const labelWidth = 130;
  const max = Math.max(1, ...bars.map((b) => b.parts.reduce((t, p) => t + p.value, 0)));
  const scale = (width - labelWidth - 40) / max;
  return (
    <svg width={width} height={bars.length * row + 4} role="img" aria-label="Sessions by state per exchange" className="text-xs">
      {bars.map((b, i) => {
        let x = labelWidth;
        const total = b.parts.reduce((t, p) => t + p.value, 0);
        return (
          <g key={b.label} transform={`translate(0, ${i * row})`}>
            <text x={labelWidth - 6} y={15} textAnchor="end" className="fill-slate-700">
              {b.label.length > 20 ? `${b.label.slice(0, 19)}…` : b.label}
            </text>
            {b.parts.map((p) => {
              // A tenth of a pixel is as fine as a screen draws; fifteen digits would only fill the page.
              const w = Math.round(p.value * scale * 10) / 10;
              const rect = (
                <rect key={p.name} x={Math.round(x * 10) / 10} y={3} width={w} height={row - 6} fill={p.color}>
                  <title>{`${b.label}: ${p.value} ${p.name}`}</title>
                </rect>
              );
              x += w;
              return rect;
            })}
            <text x={Math.round(x + 4)} y={15} className="fill-slate-500">
              {total}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
