// The 27 variables of the CTDC (Counter Trafficking Data Collaborative) Global Synthetic Dataset, in
// codebook order, with the value labels each may take. Transcribed from "The Global Synthetic Data
// Codebook", Version 2 – February 2024 (Codebook_CTDC_global_synthetic_data_v2024.pdf), section 7.
//
// Encoding, as the codebook gives it:
// - Missing: every variable but yearOfRegistration lists "NULL [missing data]". The codebook's own
//   synthetic-data example (section 6) shows NULL as an empty cell, so CTDC_MISSING is ''.
// - Flags ("binary numeric"): only 1 or NULL. There is no 0 in the dataset; 0 appears only in the
//   codebook's "processed data" example, where analysts fill 0 among records with any 1 in the group.
//   isAllowedCtdcValue takes { processed: true } to accept that form.
// - Countries: ISO 3166-1 alpha-3 (Kosovo is counted under Serbia, Tibet under China).
// - Bands: labels use an em dash (U+2014) between numbers, e.g. '0—8', as printed in the codebook.

export type CtdcKind = 'band' | 'flag' | 'year' | 'country' | 'text';

export interface CtdcVariable {
  readonly name: string;
  readonly description: string;
  readonly kind: CtdcKind;
  readonly values?: readonly string[];
}

/** NULL in the codebook; an empty cell in the file. */
export const CTDC_MISSING = '';

/** yearOfRegistration range printed in the v2024 codebook (informative, not enforced). */
export const CTDC_YEAR_RANGE = [2002, 2022] as const;

export const CTDC_VARIABLES = [
  {
    name: 'yearOfRegistration',
    description: 'Year the person was assisted, identified, referred or reported',
    kind: 'year',
  },
  {
    name: 'gender',
    description: 'Gender the person identifies with',
    kind: 'band',
    values: ['Man', 'Woman', 'Trans/Transgender/NonConforming'],
  },
  {
    name: 'ageBroad',
    description: 'Age band at registration',
    kind: 'band',
    values: ['0—8', '9—17', '18—20', '21—23', '24—26', '27—29', '30—38', '39—47', '48+'],
  },
  {
    name: 'citizenship',
    description: 'Country of citizenship (some suppressed for privacy)',
    kind: 'country',
  },
  {
    name: 'CountryOfExploitation',
    description: 'Country where first identified, assisted or referred (proxy for exploitation)',
    kind: 'country',
  },
  {
    name: 'traffickMonths',
    description: 'Reported duration of trafficking, banded in months',
    kind: 'band',
    values: ['0—12 (0-1 yr)', '13—24 (1-2 yrs)', '25+ (2+ yrs)'],
  },
  {
    name: 'meansDebtBondageEarnings',
    description: 'Control: debt bondage and/or earnings taken',
    kind: 'flag',
  },
  {
    name: 'meansThreats',
    description: 'Control: threats to person or family, incl. of law enforcement',
    kind: 'flag',
  },
  {
    name: 'meansAbusePsyPhySex',
    description: 'Control: psychological, physical and/or sexual abuse',
    kind: 'flag',
  },
  { name: 'meansFalsePromises', description: 'Control: deceived by false promises', kind: 'flag' },
  { name: 'meansDrugsAlcohol', description: 'Control: psychoactive substances', kind: 'flag' },
  {
    name: 'meansDenyBasicNeeds',
    description: 'Control: restricted money, movement, medical care and/or necessities',
    kind: 'flag',
  },
  { name: 'meansExcessiveWorkHours', description: 'Control: excessive working hours', kind: 'flag' },
  // Listed as meansWithholdDocs (section 5, Appendix II); section 7 prints meansWithholdDocuments.
  { name: 'meansWithholdDocs', description: 'Control: documents withheld', kind: 'flag' },
  {
    name: 'isForcedLabour',
    description: 'Exploitation: forced labour (sexual services excluded)',
    kind: 'flag',
  },
  { name: 'isSexualExploit', description: 'Exploitation: sexual exploitation', kind: 'flag' },
  {
    name: 'isOtherExploit',
    description: 'Exploitation: other, e.g. forced marriage, forced military service, organ removal',
    kind: 'flag',
  },
  { name: 'typeOfLabourAgriculture', description: 'Forced labour in agriculture (ISIC A01)', kind: 'flag' },
  { name: 'typeOfLabourConstruction', description: 'Forced labour in construction (ISIC F)', kind: 'flag' },
  { name: 'typeOfLabourDomesticWork', description: 'Forced labour in domestic work (ISIC T)', kind: 'flag' },
  {
    name: 'typeOfLabourHospitality',
    description: 'Forced labour in accommodation and food (ISIC I)',
    kind: 'flag',
  },
  { name: 'typeOfSexProstitution', description: 'Sexual exploitation: prostitution', kind: 'flag' },
  { name: 'typeOfSexPornography', description: 'Sexual exploitation: pornography', kind: 'flag' },
  {
    name: 'recruiterRelationIntimatePartner',
    description: 'Recruiter was a current or former partner',
    kind: 'flag',
  },
  { name: 'recruiterRelationFriend', description: 'Recruiter was a friend or acquaintance', kind: 'flag' },
  { name: 'recruiterRelationFamily', description: 'Recruiter was family, incl. guardians', kind: 'flag' },
  {
    name: 'recruiterRelationOther',
    description: 'Recruiter had another relation, e.g. broker, employer, smuggler',
    kind: 'flag',
  },
] as const satisfies readonly CtdcVariable[];

export type CtdcName = (typeof CTDC_VARIABLES)[number]['name'];

/** One row of the dataset as text cells; an absent key is a missing value. */
export type CtdcRow = Partial<Record<CtdcName, string>>;

const BY_NAME: ReadonlyMap<string, CtdcVariable> = new Map(CTDC_VARIABLES.map((v) => [v.name, v]));

export interface CtdcCheckOptions {
  /** Accept '0' for flags, as in the codebook's processed-data example. Default false (raw file: '1' or missing). */
  readonly processed?: boolean;
}

/**
 * Whether `value` may appear in the CTDC column `name`.
 * @example isAllowedCtdcValue('ageBroad', '9—17') // true
 * @example isAllowedCtdcValue('citizenship', 'TR') // false: alpha-3 expected
 */
export function isAllowedCtdcValue(name: CtdcName, value: string, options: CtdcCheckOptions = {}): boolean {
  const variable = BY_NAME.get(name);
  if (!variable) return false;
  // yearOfRegistration is the one variable for which the codebook lists no NULL.
  if (value === CTDC_MISSING) return variable.kind !== 'year';
  switch (variable.kind) {
    case 'flag':
      return value === '1' || (options.processed === true && value === '0');
    case 'band':
      return variable.values?.includes(value) ?? false;
    case 'country':
      return /^[A-Z]{3}$/.test(value);
    case 'year':
      return /^\d{4}$/.test(value);
    case 'text':
      return true;
  }
}
