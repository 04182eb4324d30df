import { describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor.ts';
import { ageOn, isChildVictim, maskPerson, seesChildIdentity } from './persons.ts';
import type { PersonT } from './schema.ts';

const actor = (bureauId: string, roles: Actor['roles']): Actor => ({
  userId: 'u', username: 'u', bureauId, bureauCountry: 'IN', bureauKind: 'national_bureau', roles, operationIds: new Set(),
});

describe('child victims', () => {
  it('counts whole years, the birthday itself included', () => {
    expect(ageOn('2010-10-16', '2023-10-16')).toBe(13);
    expect(ageOn('2005-10-17', '2023-10-16')).toBe(17);
    expect(ageOn('2005-10-16', '2023-10-16')).toBe(18);
  });
  it('flags victims under 18 by date of birth, age or band, and nobody else', () => {
    expect(isChildVictim({ role: 'victim', birthDate: '2006-01-01' }, '2023-10-16')).toBe(true);
    expect(isChildVictim({ role: 'victim', age: 17 }, '2023-10-16')).toBe(true);
    expect(isChildVictim({ role: 'victim', ageBand: '9-17' }, '2023-10-16')).toBe(true);
    expect(isChildVictim({ role: 'victim', ageBand: '18-20' }, '2023-10-16')).toBe(false);
    expect(isChildVictim({ role: 'witness', age: 12 }, '2023-10-16')).toBe(false);
    expect(isChildVictim({ role: 'victim' }, '2023-10-16')).toBe(false);
  });
  it('shows a child identity to officers of the owner bureau only', () => {
    expect(seesChildIdentity(actor('np', new Set(['officer'])), 'np')).toBe(true);
    expect(seesChildIdentity(actor('np', new Set(['field', 'analyst'])), 'np')).toBe(false);
    expect(seesChildIdentity(actor('in', new Set(['officer'])), 'np')).toBe(false);
  });
  it('masks names, date of birth, documents and contacts', () => {
    const child: PersonT = {
      id: 'p', role: 'victim', masked: false, child: true, name: 'রাহুল', otherNames: [{ name: 'Rahul' }], birthDate: '2010-05-01', age: 13,
      ageBand: '9-17', gender: 'male', nationalities: ['BD'], documents: [{ kind: 'passport', number: 'X1', country: 'BD' }],
      contacts: [{ kind: 'phone', value: '+8801711000000' }], journeyId: null, notes: 'n',
    };
    expect(maskPerson(child, true)).toEqual(child);
    expect(maskPerson(child, false)).toMatchObject({ masked: true, name: null, otherNames: [], birthDate: null, documents: [], contacts: [], age: 13, nationalities: ['BD'] });
    expect(maskPerson({ ...child, child: false }, false).name).toBe('রাহুল');
  });
});
