import { describe, expect, it } from 'vitest';
import {
  HTCDS_COLUMNS,
  HTCDS_FIELDS,
  type HtcdsColumn,
  htcdsRow,
  isAllowedHtcdsValue,
  recruitmentPlatforms,
} from './htcds.ts';
import type { VictimRecord } from './victims.ts';

// A 17-year-old Nepali woman recruited by an acquaintance, sexually exploited in India, rescued and
// returned home.
const sita: VictimRecord = {
  caseId: 'c1',
  personId: 'p1',
  caseOpenedOn: '2023-10-16',
  caseStatus: 'closed',
  caseOffences: ['human_trafficking', 'sexual_exploitation'],
  ownerCountry: 'NP',
  gender: 'female',
  age: 17,
  ageBand: '9-17',
  child: true,
  nationalities: ['NP'],
  journey: {
    id: 'j1',
    recruitment: {
      channel: 'acquaintance',
      platform: 'Facebook Messenger',
      promisedJob: 'hotel work',
      on: '2023-06-01',
    },
    legs: [
      {
        from: { country: 'NP', city: 'Birgunj' },
        to: { country: 'IN', city: 'Raxaul' },
        mode: 'land',
        transit: true,
        on: '2023-06-08',
      },
      {
        from: { country: 'IN', city: 'Raxaul' },
        to: { country: 'IN', city: 'New Delhi' },
        mode: 'land',
        on: '2023-06-10',
      },
    ],
    exploitation: {
      place: { country: 'IN', city: 'New Delhi' },
      type: 'sexual_exploitation',
      means: ['false_promises', 'withheld_documents', 'threats', 'abuse'],
      months: 3,
      from: '2023-06-10',
    },
    exit: { kind: 'rescued', on: '2023-10-15', country: 'IN' },
    returnHome: { on: '2023-11-02', country: 'NP' },
  },
};

// A Ugandan man recruited through an online job advert, held in a scam compound in Myanmar.
const okello: VictimRecord = {
  caseId: 'c2',
  personId: 'p2',
  caseOpenedOn: '2024-02-03',
  caseStatus: 'open',
  caseOffences: ['human_trafficking', 'online_fraud'],
  ownerCountry: 'TH',
  gender: 'male',
  age: 29,
  ageBand: '27-29',
  child: false,
  nationalities: ['UG', 'KE'],
  journey: {
    id: 'j2',
    recruitment: {
      channel: 'online_job_ad',
      platform: 'a job site',
      promisedJob: 'customer service',
      promisedPay: 'USD 1,200 a month',
      promisedDestination: { country: 'TH', city: 'Bangkok' },
    },
    legs: [
      {
        from: { country: 'UG', city: 'Entebbe' },
        to: { country: 'TH', city: 'Bangkok' },
        mode: 'air',
        transit: true,
      },
      { from: { country: 'TH', city: 'Mae Sot' }, to: { country: 'MM', city: 'Myawaddy' }, mode: 'land' },
    ],
    exploitation: {
      place: { country: 'MM', city: 'Myawaddy', compound: 'KK Park' },
      type: 'forced_criminality',
      fraudSchemes: ['crypto_investment', 'romance'],
      means: ['armed_guard', 'threats', 'debt_bondage'],
      months: 7,
    },
    exit: { kind: 'released_after_ransom', country: 'TH' },
  },
};

const bare: VictimRecord = {
  ...okello,
  gender: 'unknown',
  age: null,
  ageBand: null,
  nationalities: [],
  journey: null,
};

const allRows = () =>
  [sita, okello, bare, { ...sita, gender: 'other' as const, nationalities: ['XK', 'RS'] }].map(htcdsRow);

describe('HTCDS_COLUMNS', () => {
  it("names each field once, with the standard's prefixes, in the standard's order", () => {
    expect(new Set(HTCDS_COLUMNS).size).toBe(HTCDS_COLUMNS.length);
    expect(HTCDS_COLUMNS).toEqual([
      'prs_Gender',
      'prs_Citizenship',
      'vic_TraffickingStatus',
      'vic_TraffickingStatusDecisionMakingOrg',
      'vic_RelationshipToTrafficker',
      'vic_RecruitmentWebsitesAndApps',
      'vic_MethodOfRecruitment',
      'vic_MethodsOfControl',
      'vic_TypeOfExploitation',
      'vic_LocationOfExploitation',
      'cas_Status',
    ]);
  });
  it('keeps the allowed values of every picklist as data', () => {
    for (const field of HTCDS_FIELDS) {
      if (field.kind === 'picklist' || field.kind === 'multipicklist')
        expect(field.values?.length, field.name).toBeGreaterThan(1);
    }
  });
});

describe('htcdsRow', () => {
  it('has every column and no other', () => {
    for (const row of allRows()) expect(Object.keys(row)).toEqual([...HTCDS_COLUMNS]);
  });

  it('writes the Nepali girl sexually exploited in India', () => {
    expect(htcdsRow(sita)).toEqual({
      prs_Gender: 'Feminine',
      prs_Citizenship: 'NPL',
      vic_TraffickingStatus: 'PossibleVictimOfTrafficking',
      vic_TraffickingStatusDecisionMakingOrg: 'Police',
      vic_RelationshipToTrafficker: 'Acquainted',
      vic_RecruitmentWebsitesAndApps: 'FacebookMessenger',
      vic_MethodOfRecruitment: 'ThroughFriendsOrSocialEvents',
      // 'abuse' is not said to be physical, psychological or sexual: left out, not guessed.
      vic_MethodsOfControl: 'PhysicalThreats;FalsePromises;WithholdsDocuments',
      vic_TypeOfExploitation: 'SexualExploitation',
      vic_LocationOfExploitation: 'New Delhi, India',
      cas_Status: 'Closed',
    } satisfies Record<HtcdsColumn, string>);
  });

  it('writes the Ugandan man in forced criminality in Myanmar', () => {
    expect(htcdsRow(okello)).toEqual({
      prs_Gender: 'Masculine',
      prs_Citizenship: 'UGA;KEN',
      vic_TraffickingStatus: 'PossibleVictimOfTrafficking',
      vic_TraffickingStatusDecisionMakingOrg: 'Police',
      vic_RelationshipToTrafficker: '',
      vic_RecruitmentWebsitesAndApps: 'Other',
      vic_MethodOfRecruitment: 'ThroughAnOnlineAdvertisement',
      // armed_guard and threats both give PhysicalThreats, once; confinement is "Other".
      vic_MethodsOfControl: 'PhysicalThreats;DebtBondage;Other',
      vic_TypeOfExploitation: 'Other',
      vic_LocationOfExploitation: 'KK Park, Myawaddy, Myanmar',
      cas_Status: 'Active',
    } satisfies Record<HtcdsColumn, string>);
  });

  it('leaves what Cordon does not know empty, and carries no age, names or ids', () => {
    const row = htcdsRow(bare);
    expect(row).toMatchObject({
      prs_Gender: 'NonSpecifiedUnknown',
      prs_Citizenship: '',
      vic_RelationshipToTrafficker: '',
      vic_RecruitmentWebsitesAndApps: '',
      vic_MethodOfRecruitment: '',
      vic_MethodsOfControl: '',
      vic_TypeOfExploitation: '',
      vic_LocationOfExploitation: '',
    });
    const text = Object.values(htcdsRow(sita)).join('|');
    expect(text).not.toMatch(/17|9-17|c1|p1|j1|hotel|Birgunj|Raxaul/);
  });

  it('writes only values the standard allows', () => {
    for (const row of allRows()) {
      for (const [name, value] of Object.entries(row)) {
        expect(isAllowedHtcdsValue(name, value), `${name}=${value}`).toBe(true);
      }
    }
  });

  it('maps every Cordon gender, channel, means and exploitation type to allowed values', () => {
    const genders = ['female', 'male', 'other', 'unknown'] as const;
    const channels = [
      'online_job_ad',
      'social_media',
      'messaging_app',
      'agency',
      'acquaintance',
      'family',
    ] as const;
    const types = ['forced_criminality', 'sexual_exploitation', 'forced_labour', 'other'] as const;
    const means = [
      'debt_bondage',
      'threats',
      'abuse',
      'false_promises',
      'drugs_alcohol',
      'denial_of_needs',
      'excessive_hours',
      'withheld_documents',
      'armed_guard',
    ] as const;
    for (const gender of genders) {
      for (const channel of channels) {
        for (const type of types) {
          const journey = {
            ...okello.journey!,
            recruitment: { channel },
            exploitation: { place: { country: 'IN' }, type, means: [...means] },
          };
          for (const [name, value] of Object.entries(htcdsRow({ ...okello, gender, journey }))) {
            expect(isAllowedHtcdsValue(name, value), `${name}=${value}`).toBe(true);
          }
        }
      }
    }
    expect(htcdsRow({ ...sita, gender: 'other' }).prs_Gender).toBe('NonConforming');
    expect(htcdsRow({ ...sita, nationalities: ['XK'] }).prs_Citizenship).toBe('XKX');
  });
});

describe('isAllowedHtcdsValue', () => {
  it("holds to the standard's spelling and codes", () => {
    expect(isAllowedHtcdsValue('prs_Gender', 'Female')).toBe(false);
    expect(isAllowedHtcdsValue('vic_RelationshipToTrafficker', 'Unaquainted')).toBe(true);
    expect(isAllowedHtcdsValue('vic_MethodsOfControl', 'RestrictsMovement')).toBe(false);
    expect(isAllowedHtcdsValue('vic_MethodsOfControl', 'DebtBondage;DebtBondage')).toBe(false);
    expect(isAllowedHtcdsValue('prs_Citizenship', 'NP')).toBe(false);
    expect(isAllowedHtcdsValue('prs_Citizenship', 'NPL;IND')).toBe(true);
    expect(isAllowedHtcdsValue('vic_ForcedLabourIndustry', '')).toBe(false);
  });
});

describe('recruitmentPlatforms', () => {
  it("reads the standard's platforms out of free text", () => {
    expect(recruitmentPlatforms('Telegram channel')).toEqual(['Telegram']);
    expect(recruitmentPlatforms('WhatsApp, then WeChat')).toEqual(['WhatsApp', 'WeChat']);
    expect(recruitmentPlatforms('Facebook Messenger')).toEqual(['FacebookMessenger']);
    expect(recruitmentPlatforms('facebook job group')).toEqual(['Facebook']);
    expect(recruitmentPlatforms('X')).toEqual(['Twitter']);
    expect(recruitmentPlatforms('online job site')).toEqual(['Other']);
    expect(recruitmentPlatforms('Company X website')).toEqual(['Other']);
    expect(recruitmentPlatforms(undefined)).toEqual([]);
    expect(recruitmentPlatforms('  ')).toEqual([]);
  });
});
