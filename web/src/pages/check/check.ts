// The public checker's data: the API's answers and the highlighting of the words that raised flags.
export type Level = 'low' | 'medium' | 'high';
export type AdField = 'text' | 'title' | 'pay' | 'location' | 'contact' | 'url' | 'company';

export interface Evidence {
  field: AdField;
  start: number;
  end: number;
  text: string;
}
export interface CheckFlag {
  flag: string;
  language: string;
  evidence: Evidence[];
}
export interface CheckResult {
  score: number;
  level: Level;
  language: string;
  flags: CheckFlag[];
}
export interface Helpline {
  name: string;
  phone?: string;
  url?: string;
  hours?: string;
}
export interface CheckSetup {
  countries: { country: string; helplines: Helpline[]; takesReports: boolean }[];
}
export interface Offer {
  text: string;
  pay?: string;
  location?: string;
  contact?: string;
}

export type Segment = { text: string; flags: string[] };

/**
 * Cuts a field's text into plain and flagged stretches, in order; where evidence of two flags
 * overlaps, the stretch carries both.
 * @example segments('Pay USD 3000', [{ flag: 'high_pay', evidence: [{ field: 'text', start: 4, end: 12, text: 'USD 3000' }] }], 'text')
 */
export function segments(text: string, flags: CheckFlag[], field: AdField = 'text'): Segment[] {
  const cuts = new Set([0, text.length]);
  const spans: { start: number; end: number; flag: string }[] = [];
  for (const f of flags) {
    for (const e of f.evidence) {
      if (e.field !== field || e.start >= e.end || e.end > text.length) continue;
      spans.push({ start: e.start, end: e.end, flag: f.flag });
      cuts.add(e.start);
      cuts.add(e.end);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i]!, points[i + 1]!];
    const covering = [...new Set(spans.filter((s) => s.start <= from && s.end >= to).map((s) => s.flag))];
    const last = out[out.length - 1];
    if (last && last.flags.join() === covering.join()) last.text += text.slice(from, to);
    else out.push({ text: text.slice(from, to), flags: covering });
  }
  return out;
}
