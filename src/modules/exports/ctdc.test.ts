import { describe, expect, it } from 'vitest';
import { CTDC_HEADER, ctdcRow } from './ctdc.ts';
import { CTDC_VARIABLES, isAllowedCtdcValue } from './ctdc-codebook.ts';
import type { VictimRecord } from './victims.ts';

const sita: VictimRecord = {
  caseId: 'c', personId: 'p', caseOpenedOn: '2023-10-16', caseStatus: 'open', caseOffences: ['human_trafficking'], ownerCountry: 'NP',
  gender: 'female', age: 17, ageBand: '9-17', child: true, nationalities: ['NP'],
  journey: {
    id: 'j',
    recruitment: { channel: 'social_media', platform: 'TikTok' },
    legs: [{ from: { country: 'NP' }, to: { country: 'IN', city: 'New Delhi' }, mode: 'land' }],
    exploitation: { place: { country: 'IN', city: 'New Delhi' }, type: 'sexual_exploitation', means: ['armed_guard', 'withheld_documents'], months: 3 },
    exit: { kind: 'rescued', country: 'IN' },
  },
};

describe('ctdcRow', () => {
  it('has exactly the codebook\'s 27 variables in its order', () => {
    expect(CTDC_HEADER).toHaveLength(27);
    expect(Object.keys(ctdcRow(sita))).toEqual(CTDC_VARIABLES.map((v) => v.name));
  });
  it('bands, codes and flags a victim as the codebook does', () => {
    expect(ctdcRow(sita)).toMatchObject({
      yearOfRegistration: '2023', gender: 'Woman', ageBroad: '9—17', citizenship: 'NPL', CountryOfExploitation: 'IND',
      traffickMonths: '0—12 (0-1 yr)', isSexualExploit: '1', isForcedLabour: '', meansThreats: '1', meansDenyBasicNeeds: '1',
      meansWithholdDocs: '1', meansDebtBondageEarnings: '', recruiterRelationOther: '1', recruiterRelationFamily: '',
    });
  });
  it('writes only values the codebook allows, unknowns as missing', () => {
    const bare: VictimRecord = { ...sita, gender: 'unknown', ageBand: null, nationalities: [], journey: null };
    for (const v of [sita, bare, { ...sita, gender: 'other' as const, ageBand: '48+' as const }]) {
      for (const [name, value] of Object.entries(ctdcRow(v))) {
        expect(isAllowedCtdcValue(name as never, value), `${name}=${value}`).toBe(true);
      }
    }
    expect(ctdcRow(bare)).toMatchObject({ gender: '', ageBroad: '', citizenship: '', CountryOfExploitation: '', isOtherExploit: '' });
  });
});
