// One CTDC row per victim: Cordon's case data in the 27 variables and value bands of the CTDC
// Global Synthetic Data codebook (v2024), so an operation's victims join the field's common
// dataset. Unknown values stay empty (the codebook's NULL); flags are 1 or empty, never 0.
import { alpha3 } from '../countries.ts';
import { CTDC_VARIABLES, type CtdcName } from './ctdc-codebook.ts';
import type { VictimRecord } from './victims.ts';

export const CTDC_HEADER: readonly CtdcName[] = CTDC_VARIABLES.map((v) => v.name);

const GENDER: Record<VictimRecord['gender'], string> = { female: 'Woman', male: 'Man', other: 'Trans/Transgender/NonConforming', unknown: '' };

// Cordon's means of control → the codebook's grouped flags. Confinement under armed guard is a
// threat of violence that also restricts movement, so it raises both of those flags.
const MEANS: Record<string, readonly CtdcName[]> = {
  debt_bondage: ['meansDebtBondageEarnings'],
  threats: ['meansThreats'],
  abuse: ['meansAbusePsyPhySex'],
  false_promises: ['meansFalsePromises'],
  drugs_alcohol: ['meansDrugsAlcohol'],
  denial_of_needs: ['meansDenyBasicNeeds'],
  excessive_hours: ['meansExcessiveWorkHours'],
  withheld_documents: ['meansWithholdDocs'],
  armed_guard: ['meansThreats', 'meansDenyBasicNeeds'],
};

// Forced criminality (scam compounds) has no flag of its own in the codebook: it counts as other.
const EXPLOITATION: Record<string, CtdcName> = {
  forced_labour: 'isForcedLabour',
  sexual_exploitation: 'isSexualExploit',
  forced_criminality: 'isOtherExploit',
  other: 'isOtherExploit',
};

// Who recruited, from how: family and acquaintances are named as such; agencies, online ads,
// social media and messaging apps put the victim in the hands of a broker (the codebook's "other").
const RECRUITER: Record<string, CtdcName> = {
  family: 'recruiterRelationFamily',
  acquaintance: 'recruiterRelationFriend',
  agency: 'recruiterRelationOther',
  online_job_ad: 'recruiterRelationOther',
  social_media: 'recruiterRelationOther',
  messaging_app: 'recruiterRelationOther',
};

function monthsBand(months: number | undefined): string {
  if (months === undefined) return '';
  if (months <= 12) return '0—12 (0-1 yr)';
  if (months <= 24) return '13—24 (1-2 yrs)';
  return '25+ (2+ yrs)';
}

/**
 * The victim as one CTDC row, every column present.
 * @example ctdcRow(victim).ageBroad // '9—17'
 */
export function ctdcRow(v: VictimRecord): Record<CtdcName, string> {
  const row = Object.fromEntries(CTDC_HEADER.map((name) => [name, ''])) as Record<CtdcName, string>;
  const journey = v.journey;
  row.yearOfRegistration = v.caseOpenedOn.slice(0, 4);
  row.gender = GENDER[v.gender];
  row.ageBroad = v.ageBand ? v.ageBand.replace('-', '—') : '';
  row.citizenship = v.nationalities[0] ? (alpha3(v.nationalities[0]) ?? '') : '';
  // Where the victim was identified or exploited: the exploitation site, else where they got out.
  const exploited = journey?.exploitation?.place.country ?? journey?.exit?.country;
  row.CountryOfExploitation = exploited ? (alpha3(exploited) ?? '') : '';
  row.traffickMonths = monthsBand(journey?.exploitation?.months);
  for (const means of journey?.exploitation?.means ?? []) for (const flag of MEANS[means] ?? []) row[flag] = '1';
  const type = journey?.exploitation?.type;
  if (type) row[EXPLOITATION[type]!] = '1';
  const channel = journey?.recruitment?.channel;
  if (channel) row[RECRUITER[channel]!] = '1';
  return row;
}
