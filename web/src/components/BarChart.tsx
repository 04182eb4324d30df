// A horizontal bar chart in plain SVG-free HTML: readable by screen readers as a list, scales
// to any width, and needs no chart library for a handful of bars.
export interface Bar {
  key: string;
  label: string;
  value: number;
  display: string;
}

export function BarChart({ bars, label }: { bars: Bar[]; label: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <ul className="bars" aria-label={label}>
      {bars.map((b) => (
        <li key={b.key}>
          <span className="bar-label">{b.label}</span>
          <span className="bar-track" aria-hidden="true">
            <span className="bar-fill" style={{ width: `${(100 * b.value) / max}%` }} />
          </span>
          <span className="bar-value">{b.display}</span>
        </li>
      ))}
    </ul>
  );
}

/** Vertical columns, for a short time series (the days of an action phase). */
export function ColumnChart({ bars, label }: { bars: Bar[]; label: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <ol className="columns" aria-label={label}>
      {bars.map((b) => (
        <li key={b.key}>
          <span className="column-value">{b.display}</span>
          <span className="column-track" aria-hidden="true">
            <span className="column-fill" style={{ height: `${(100 * b.value) / max}%` }} />
          </span>
          <span className="column-label">{b.label}</span>
        </li>
      ))}
    </ol>
  );
}
