import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Invalid } from '../errors.ts';
import { readPersonRecords } from './records.ts';

const febrl = `rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, date_of_birth, soc_sec_id
rec-1070-org, michaela, neumann, 8, stanley street, miami, winston hills, 4223, nsw, 19151111, 5304218
rec-561-dup-0, elton, , 3, light setreet, pinehill, windermere, 3212, vic, 19651013, 1551941
`;

describe('readPersonRecords', () => {
  it('reads FEBRL files as they are, leading spaces and all', async () => {
    const people = await readPersonRecords(Readable.from([febrl]), 'febrl');
    expect(people).toHaveLength(2);
    expect(people[0]).toMatchObject({
      id: 'rec-1070-org',
      givenName: 'michaela',
      postcode: '4223',
      idNumber: '5304218',
    });
    expect(people[1]!.surname).toBe('');
  });

  it('reads Cordon files and keeps only the digits of a date', async () => {
    const csv = 'id,given_name,surname,date_of_birth,id_number,nickname\nP1,Ana,Silva,1990-03-04,X12,Annie\n';
    const [person] = await readPersonRecords(Readable.from([csv]));
    expect(person).toMatchObject({
      id: 'P1',
      givenName: 'ana',
      surname: 'silva',
      dateOfBirth: '19900304',
      idNumber: 'x12',
    });
  });

  it('refuses a file without an id column and says which format to pick', async () => {
    await expect(readPersonRecords(Readable.from([febrl]), 'cordon')).rejects.toThrow(Invalid);
    await expect(readPersonRecords(Readable.from([febrl]), 'cordon')).rejects.toThrow(/--format/);
  });
});
