// Helplines the demo's public checker shows: public national numbers for trafficking and unsafe
// migration, as published by the agencies that run them. Countries without one here show the
// checker's placeholder, as a real operation's would until its coordinator sets them. Check them
// before a deployment: numbers change.
import type { Insertable } from 'kysely';
import type { OperationHelplinesTable } from '../db/schema.ts';

const LINES: { country: string; name: string; phone?: string; url?: string; hours?: string }[] = [
  { country: 'TH', name: 'Prachabodi Center 1300 (Ministry of Social Development and Human Security)', phone: '1300', hours: '24 hours' },
  { country: 'PH', name: '1343 Actionline against Human Trafficking (IACAT)', phone: '1343', hours: '24 hours' },
  { country: 'AU', name: 'Australian Federal Police', phone: '131 237' },
  { country: 'IN', name: 'MADAD, Ministry of External Affairs (help for Indians abroad)', url: 'https://madad.gov.in' },
];

export function demoHelplines(operationId: string): Insertable<OperationHelplinesTable>[] {
  const position = new Map<string, number>();
  return LINES.map((line) => {
    const n = position.get(line.country) ?? 0;
    position.set(line.country, n + 1);
    return { operation_id: operationId, country: line.country, position: n, name: line.name, phone: line.phone ?? null, url: line.url ?? null, hours: line.hours ?? null, updated_by: null };
  });
}
