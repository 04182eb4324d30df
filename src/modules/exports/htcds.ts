// One row per victim in the fields of the Human Trafficking Case Data Standard (HTCDS) v2.0 by IOM,
// licensed under CC BY 4.0 (http://creativecommons.org/licenses/by/4.0/). Use of the standard
// implies no endorsement by IOM. Field names, types and picklist values are transcribed from
// HTCDS_Field_Standards_2.0.ods; value meanings from Field_Definitions.md. docs/htcds-mapping.md
// gives the mapping field by field, with what Cordon does not record and HTCDS does not hold.
//
// Encoding:
// - Columns are the standard's "Field Name including Prefix" (prs_ person, vic_ victim context,
//   cas_ case), in the order the standard lists them; only the fields Cordon can fill.
// - Picklists carry the standard's value names (system identifiers, e.g. 'DebtBondage'), not the
//   human-readable labels. Multiselect picklists join their values with ';' (as Salesforce, the
//   standard's reference implementation, and Cordon's CSV cells do), in the standard's value order.
// - Unknown is an empty cell. Gender is the exception: the standard has a value for it.
// - Citizenship: ISO 3166 codes, three-letter as the standard prefers ("two-letter optional").
import { alpha3, countryName } from '../countries.ts';
import type { VictimRecord } from './victims.ts';

export type HtcdsKind = 'picklist' | 'multipicklist' | 'countries' | 'text';

export interface HtcdsField {
  /** The standard's "Field Name including Prefix". */
  readonly name: string;
  /** The standard's "Field Label". */
  readonly label: string;
  /** The standard's "Field Type". */
  readonly type: string;
  readonly kind: HtcdsKind;
  /** Picklist value names, in the standard's order and spelling. */
  readonly values?: readonly string[];
}

export const HTCDS_LIST_SEPARATOR = ';';

export const HTCDS_FIELDS = [
  {
    name: 'prs_Gender',
    label: 'Gender',
    type: 'Picklist',
    kind: 'picklist',
    values: [
      'Feminine',
      'Masculine',
      'TransgenderFeminine',
      'TransgenderMasculine',
      'NonConforming',
      'NonSpecifiedUnknown',
    ],
  },
  { name: 'prs_Citizenship', label: 'Citizenship', type: 'Multiselect Picklist', kind: 'countries' },
  {
    name: 'vic_TraffickingStatus',
    label: 'Trafficking Status',
    type: 'Picklist',
    kind: 'picklist',
    values: ['PossibleVictimOfTrafficking', 'ActualVictimOfTrafficking', 'NotAVictimOfTrafficking'],
  },
  {
    name: 'vic_TraffickingStatusDecisionMakingOrg',
    label: 'Trafficking Status Decision Making Organization',
    type: 'Picklist',
    kind: 'picklist',
    values: ['Police', 'NGO', 'CourtOrProsecution', 'NonPoliceGovernmentalOrganization', 'Other'],
  },
  {
    name: 'vic_RelationshipToTrafficker',
    label: 'Relationship to Trafficker',
    type: 'Picklist',
    kind: 'picklist',
    // 'Unaquainted' is the standard's spelling.
    values: ['Familial', 'Acquainted', 'Unaquainted'],
  },
  {
    name: 'vic_RecruitmentWebsitesAndApps',
    label: 'Recruitment Websites and Apps',
    type: 'Multiselect Picklist',
    kind: 'multipicklist',
    values: [
      'Facebook',
      'Instagram',
      'WhatsApp',
      'Telegram',
      'FacebookMessenger',
      'Viber',
      'SnapChat',
      'Line',
      '4Sale',
      'WeChat',
      'QQ',
      'QZone',
      'TikTok',
      'Twitter',
      'Other',
    ],
  },
  {
    name: 'vic_MethodOfRecruitment',
    label: 'Method of Recruitment',
    type: 'Multiselect Picklist',
    kind: 'multipicklist',
    values: [
      'AtAPlaceOfBusiness',
      'AtAnEducationalInstitution',
      'AtWork',
      'ThroughOnlineSocialNetworks',
      'ThroughAnOnlineAdvertisement',
      'ThroughATelevisionAdvert',
      'ThroughANewspaperAdvert',
      'ThroughFamilyOrFamilyEvents',
      'ThroughFriendsOrSocialEvents',
      'Other',
    ],
  },
  {
    name: 'vic_MethodsOfControl',
    label: 'Methods of Control',
    type: 'Multiselect Picklist',
    kind: 'multipicklist',
    values: [
      'PhysicalThreats',
      'ThreatsLawEnforcement',
      'ThreatensChildrenFamily',
      'DebtBondage',
      'FalsePromises',
      'PhysicalAbuse',
      'SexualAbuse',
      'TakesEarnings',
      'RestrictsFinancialAccess',
      'RestrictsMedicalCare',
      'WithholdsNecessities',
      'PsychologicalAbuse',
      'PsychoactiveSubstance',
      'ExcessiveWorkingHours',
      'WithholdsDocuments',
      'Other',
    ],
  },
  {
    name: 'vic_TypeOfExploitation',
    label: 'Type of Exploitation',
    type: 'Multiselect Picklist',
    kind: 'multipicklist',
    values: [
      'ForcedLabour',
      'SexualExploitation',
      'ChildLabour',
      'ForcedMarriage',
      'Servitude',
      'ForcedMilitaryByNonStateActors',
      'OrganRemoval',
      'ForcedBegging',
      'ForcedAdoption',
      'Surrogacy',
      'Other',
    ],
  },
  // A lookup to an organisation record in the standard; in its flat Excel template, a text column.
  {
    name: 'vic_LocationOfExploitation',
    label: 'Location of Exploitation',
    type: 'Lookup [to organisation]',
    kind: 'text',
  },
  {
    name: 'cas_Status',
    label: 'Status',
    type: 'Picklist',
    kind: 'picklist',
    values: ['Active', 'FollowUp', 'Closed', 'ClosedReferred'],
  },
] as const satisfies readonly HtcdsField[];

export type HtcdsColumn = (typeof HTCDS_FIELDS)[number]['name'];
type ValuesOf<N extends HtcdsColumn> =
  Extract<(typeof HTCDS_FIELDS)[number], { name: N }> extends { values: readonly (infer V)[] } ? V : never;

export const HTCDS_COLUMNS: readonly HtcdsColumn[] = HTCDS_FIELDS.map((f) => f.name);

const BY_NAME: ReadonlyMap<string, HtcdsField> = new Map(HTCDS_FIELDS.map((f) => [f.name, f]));

/**
 * Whether `value` may appear in the HTCDS column `name`: '' (unknown) or the standard's values,
 * each once, for a multiselect; ISO 3166 alpha-3 codes for citizenship.
 * @example isAllowedHtcdsValue('vic_MethodsOfControl', 'PhysicalThreats;DebtBondage') // true
 * @example isAllowedHtcdsValue('prs_Gender', 'Female') // false: 'Feminine'
 */
export function isAllowedHtcdsValue(name: string, value: string): boolean {
  const field = BY_NAME.get(name);
  if (!field) return false;
  if (value === '') return true;
  const parts = value.split(HTCDS_LIST_SEPARATOR);
  const once = new Set(parts).size === parts.length;
  switch (field.kind) {
    case 'picklist':
      return field.values?.includes(value) ?? false;
    case 'multipicklist':
      return once && parts.every((p) => field.values?.includes(p) ?? false);
    case 'countries':
      return once && parts.every((p) => /^[A-Z]{3}$/.test(p));
    case 'text':
      return true;
  }
}

const GENDER: Record<VictimRecord['gender'], ValuesOf<'prs_Gender'>> = {
  female: 'Feminine',
  male: 'Masculine',
  // Neither female nor male as recorded: the standard's catch-all for "both or neither".
  other: 'NonConforming',
  unknown: 'NonSpecifiedUnknown',
};

type Journey = NonNullable<VictimRecord['journey']>;
type Channel = NonNullable<Journey['recruitment']>['channel'];
type Means = NonNullable<NonNullable<Journey['exploitation']>['means']>[number];
type ExploitationType = NonNullable<Journey['exploitation']>['type'];

// How the victim was approached. Messaging apps count as online social networks (the standard lists
// WhatsApp and Telegram among the platforms perpetrators use); a recruitment agency names who, not
// where or through what, so it is "Other".
const RECRUITMENT: Record<Channel, ValuesOf<'vic_MethodOfRecruitment'>> = {
  online_job_ad: 'ThroughAnOnlineAdvertisement',
  social_media: 'ThroughOnlineSocialNetworks',
  messaging_app: 'ThroughOnlineSocialNetworks',
  agency: 'Other',
  acquaintance: 'ThroughFriendsOrSocialEvents',
  family: 'ThroughFamilyOrFamilyEvents',
};

// Only family and acquaintances say who the recruiter was to the victim; an advert, an agency or a
// contact online does not show that the victim had never met them, so those stay unknown.
const RELATIONSHIP: Partial<Record<Channel, ValuesOf<'vic_RelationshipToTrafficker'>>> = {
  family: 'Familial',
  acquaintance: 'Acquainted',
};

// Cordon's means of control → the standard's picklist. Confinement under armed guard is an implied
// threat of harm (PhysicalThreats) and a restriction of movement; Field_Definitions.md defines
// MethodsOfControlRestrictsMovement but the v2.0 picklist has no such value, so that half is "Other".
// 'abuse' does not say whether it was physical, psychological or sexual, and the standard only has
// those three, so it is left out rather than guessed.
const MEANS: Record<Means, readonly ValuesOf<'vic_MethodsOfControl'>[]> = {
  debt_bondage: ['DebtBondage'],
  threats: ['PhysicalThreats'],
  abuse: [],
  false_promises: ['FalsePromises'],
  drugs_alcohol: ['PsychoactiveSubstance'],
  denial_of_needs: ['WithholdsNecessities'],
  excessive_hours: ['ExcessiveWorkingHours'],
  withheld_documents: ['WithholdsDocuments'],
  armed_guard: ['PhysicalThreats', 'Other'],
};

// Forced criminality (scam compounds) is not among the standard's types of exploitation: "Other".
const EXPLOITATION: Record<ExploitationType, ValuesOf<'vic_TypeOfExploitation'>> = {
  forced_labour: 'ForcedLabour',
  sexual_exploitation: 'SexualExploitation',
  forced_criminality: 'Other',
  other: 'Other',
};

// Platform names as people write them, by words: "Facebook Messenger", "WeChat", "Telegram channel".
// Longer names first, so that "Facebook Messenger" is not also read as Facebook. Twitter's new name,
// X, is too short to find among other words: only a platform written as just "X" is read as Twitter.
const PLATFORMS: readonly (readonly [ValuesOf<'vic_RecruitmentWebsitesAndApps'>, readonly string[]])[] = [
  ['FacebookMessenger', ['facebook', 'messenger']],
  ['FacebookMessenger', ['fb', 'messenger']],
  ['FacebookMessenger', ['messenger']],
  ['Facebook', ['facebook']],
  ['Facebook', ['fb']],
  ['Instagram', ['instagram']],
  ['WhatsApp', ['whatsapp']],
  ['WhatsApp', ['whats', 'app']],
  ['Telegram', ['telegram']],
  ['Viber', ['viber']],
  ['SnapChat', ['snapchat']],
  ['Line', ['line']],
  ['4Sale', ['4sale']],
  ['WeChat', ['wechat']],
  ['WeChat', ['we', 'chat']],
  ['QQ', ['qq']],
  ['QZone', ['qzone']],
  ['TikTok', ['tiktok']],
  ['TikTok', ['tik', 'tok']],
  ['Twitter', ['twitter']],
];

/**
 * The standard's platform values named in Cordon's free-text platform; "Other" when it names none.
 * @example recruitmentPlatforms('Telegram channel') // ['Telegram']
 * @example recruitmentPlatforms('a job site') // ['Other']
 */
export function recruitmentPlatforms(
  platform: string | undefined,
): ValuesOf<'vic_RecruitmentWebsitesAndApps'>[] {
  const words = (platform ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return [];
  if (words.length === 1 && words[0] === 'x') return ['Twitter'];
  const used = new Array<boolean>(words.length).fill(false);
  const found = new Set<ValuesOf<'vic_RecruitmentWebsitesAndApps'>>();
  for (const [value, name] of PLATFORMS) {
    for (let i = 0; i + name.length <= words.length; i++) {
      if (name.every((w, k) => words[i + k] === w && !used[i + k])) {
        found.add(value);
        for (let k = 0; k < name.length; k++) used[i + k] = true;
      }
    }
  }
  if (found.size === 0) found.add('Other');
  return inOrder('vic_RecruitmentWebsitesAndApps', found);
}

function inOrder<N extends HtcdsColumn>(name: N, values: Iterable<string>): ValuesOf<N>[] {
  const wanted = new Set(values);
  const all = (BY_NAME.get(name)?.values ?? []) as readonly (ValuesOf<N> & string)[];
  return all.filter((v) => wanted.has(v));
}

/** ISO 3166 alpha-3; Kosovo, which has no ISO code, as XKX (user-assigned), not under Serbia. */
function countryCode(code: string): string {
  return code === 'XK' ? 'XKX' : (alpha3(code) ?? '');
}

/**
 * The victim as one HTCDS row, every column present; '' where Cordon does not know.
 * @example htcdsRow(victim).vic_MethodsOfControl // 'PhysicalThreats;DebtBondage;Other'
 */
export function htcdsRow(v: VictimRecord): Record<HtcdsColumn, string> {
  const join = (values: readonly string[]) => values.join(HTCDS_LIST_SEPARATOR);
  const recruitment = v.journey?.recruitment;
  const exploitation = v.journey?.exploitation;
  const place = exploitation?.place;
  return {
    prs_Gender: GENDER[v.gender],
    prs_Citizenship: join([...new Set(v.nationalities.map(countryCode).filter((c) => c !== ''))]),
    // Every VictimRecord is a person the police recorded as a victim in a case: an assertion by the
    // police, not a formal identification, which Cordon does not record.
    vic_TraffickingStatus: 'PossibleVictimOfTrafficking',
    vic_TraffickingStatusDecisionMakingOrg: 'Police',
    vic_RelationshipToTrafficker: recruitment ? (RELATIONSHIP[recruitment.channel] ?? '') : '',
    vic_RecruitmentWebsitesAndApps: join(recruitmentPlatforms(recruitment?.platform)),
    vic_MethodOfRecruitment: recruitment ? RECRUITMENT[recruitment.channel] : '',
    vic_MethodsOfControl: join(
      inOrder(
        'vic_MethodsOfControl',
        (exploitation?.means ?? []).flatMap((m) => MEANS[m]),
      ),
    ),
    vic_TypeOfExploitation: exploitation ? EXPLOITATION[exploitation.type] : '',
    vic_LocationOfExploitation: place
      ? [place.compound, place.city, countryName(place.country)]
          .filter((s): s is string => !!s?.trim())
          .join(', ')
      : '',
    cas_Status: v.caseStatus === 'open' ? 'Active' : 'Closed',
  };
}
