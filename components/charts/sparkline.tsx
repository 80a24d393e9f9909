/** A line of values over time as inline SVG, drawn on the server, with the last value and the range in its title. */
export function Sparkline({ points, label, width = 200, height = 36 }: {
  points: { at: Date; prefixes: number }[];
  label: string;
  width?: number;
  height?: number;
}) {
  if (points.length < 2) return <span className="text-xs text-slate-500">{points.length ? `${points[0].prefixes} prefixes` : 'No history yet'}</span>;
  const t0 = points[0].at.getTime();
  const span = Math.max(1, points[points.length - 1].at.getTime() - t0);
  const values = points.map((p) => p.prefixes);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const y = (v: number) => (hi === lo ? height / 2 : height - 2 - ((v - lo) / (hi - lo)) * (height - 4));
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${(((p.at.getTime() - t0) / span) * (width - 2) + 1).toFixed(1)},${y(p.prefixes).toFixed(1)}`).join(' ');
  return (
    <svg width={width} height={height} role="img" aria-label={`${label}: prefixes received, ${lo} to ${hi}, now ${values[values.length - 1]}`}>
      <title>{`${label}: ${lo}–${hi} prefixes, now ${values[values.length - 1]}`}</title>
      <path d={path} fill="none" stroke="#0369a1" strokeWidth={1.5} />
    </svg>
  );
}
