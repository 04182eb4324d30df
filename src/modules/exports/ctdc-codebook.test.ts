import { describe, expect, it } from 'vitest';
import {
  CTDC_MISSING,
  CTDC_VARIABLES,
  type CtdcName,
  type CtdcRow,
  isAllowedCtdcValue,
} from './ctdc-codebook.ts';

describe('CTDC_VARIABLES', () => {
  it('has the 27 variables in codebook order, each named once', () => {
    expect(CTDC_VARIABLES).toHaveLength(27);
    const names = CTDC_VARIABLES.map((v) => v.name);
    expect(new Set(names).size).toBe(27);
    expect(names[0]).toBe('yearOfRegistration');
    expect(names[4]).toBe('CountryOfExploitation');
    expect(names[13]).toBe('meansWithholdDocs');
    expect(names[26]).toBe('recruiterRelationOther');
  });
  it('gives every band its labels and no other kind any', () => {
    for (const v of CTDC_VARIABLES) {
      if (v.kind === 'band') expect(v.values.length).toBeGreaterThan(0);
      else expect('values' in v).toBe(false);
    }
    expect(CTDC_VARIABLES.filter((v) => v.kind === 'band').map((v) => v.name)).toEqual([
      'gender',
      'ageBroad',
      'traffickMonths',
    ]);
    expect(CTDC_VARIABLES.filter((v) => v.kind === 'flag')).toHaveLength(21);
  });
  it('types rows by variable name', () => {
    const row: CtdcRow = { gender: 'Woman', isSexualExploit: '1' };
    const name: CtdcName = 'ageBroad';
    expect(row[name]).toBeUndefined();
  });
});

describe('isAllowedCtdcValue', () => {
  it('takes flags as 1 or missing, and 0 only in processed form', () => {
    expect(isAllowedCtdcValue('isForcedLabour', '1')).toBe(true);
    expect(isAllowedCtdcValue('isForcedLabour', CTDC_MISSING)).toBe(true);
    expect(isAllowedCtdcValue('isForcedLabour', '0')).toBe(false);
    expect(isAllowedCtdcValue('isForcedLabour', '0', { processed: true })).toBe(true);
    for (const bad of ['true', 'yes', '1.0', ' 1', 'NULL', 'NA', '-99', '2']) {
      expect(isAllowedCtdcValue('meansThreats', bad, { processed: true })).toBe(false);
    }
  });
  it('takes band labels exactly as printed, or missing', () => {
    expect(isAllowedCtdcValue('gender', 'Woman')).toBe(true);
    expect(isAllowedCtdcValue('gender', 'Trans/Transgender/NonConforming')).toBe(true);
    expect(isAllowedCtdcValue('gender', 'female')).toBe(false);
    expect(isAllowedCtdcValue('ageBroad', '9\u201417')).toBe(true);
    expect(isAllowedCtdcValue('ageBroad', '48+')).toBe(true);
    expect(isAllowedCtdcValue('ageBroad', '9-17')).toBe(false);
    expect(isAllowedCtdcValue('ageBroad', CTDC_MISSING)).toBe(true);
    expect(isAllowedCtdcValue('traffickMonths', '25+ (2+ yrs)')).toBe(true);
    expect(isAllowedCtdcValue('traffickMonths', '25+')).toBe(false);
  });
  it('takes countries as ISO alpha-3 upper case, or missing', () => {
    expect(isAllowedCtdcValue('citizenship', 'KHM')).toBe(true);
    expect(isAllowedCtdcValue('CountryOfExploitation', CTDC_MISSING)).toBe(true);
    for (const bad of ['KH', 'khm', 'Cambodia', 'KHMR'])
      expect(isAllowedCtdcValue('citizenship', bad)).toBe(false);
  });
  it('takes years as four digits and never missing', () => {
    expect(isAllowedCtdcValue('yearOfRegistration', '2019')).toBe(true);
    for (const bad of ['19', '2019.0', 'MMXIX', CTDC_MISSING]) {
      expect(isAllowedCtdcValue('yearOfRegistration', bad)).toBe(false);
    }
  });
  it('rejects names outside the codebook', () => {
    expect(isAllowedCtdcValue('meansWithholdDocuments' as CtdcName, '1')).toBe(false);
  });
});
