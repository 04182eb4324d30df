// The forms' checks are the API's schemas: what the server would refuse is named at its field.
import { describe, expect, it } from 'vitest';
import { CampaignCreate } from '../../src/modules/campaigns/schema.ts';
import { InspectionCreate } from '../../src/modules/inspections/schema.ts';
import { fieldErrors } from './validate.ts';

const t = (key: string, options?: Record<string, unknown>) => (options?.limit === undefined ? key : `${key}:${options.limit}`);

describe('fieldErrors', () => {
  it('passes what the API accepts', () => {
    const inspection = { hotspotId: '0b7c1c1e-8d1f-4c36-9d7a-3f1b2c4d5e6f', at: '2026-11-26T10:00:00.000Z', kind: 'patrol', personsChecked: 0 };
    expect(fieldErrors(InspectionCreate, inspection, t)).toEqual({});
  });

  it('names each field once, with the first rule it breaks', () => {
    const errors = fieldErrors(
      CampaignCreate,
      { title: '', channel: 'carrier pigeon', startsOn: '2026-02-30', reach: -1, places: ['Birgunj', ''], audience: 'x'.repeat(501) },
      t,
    );
    expect(errors).toEqual({
      title: 'validation.required',
      channel: 'validation.choose',
      startsOn: 'validation.date',
      endsOn: 'validation.required',
      reach: 'validation.minimum:0',
      'places.1': 'validation.required',
      audience: 'validation.maxLength:500',
    });
  });

  it('asks for a blank field to be filled in rather than calling its format wrong', () => {
    const errors = fieldErrors(InspectionCreate, { hotspotId: '', at: 'soon', kind: 'patrol', personsChecked: 1.5 }, t);
    expect(errors).toEqual({ hotspotId: 'validation.required', at: 'validation.invalid', personsChecked: 'validation.number' });
  });
});
