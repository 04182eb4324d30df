// The person records that linkage compares, and the CSV readers that build them: Cordon's own
// layout (an `id` column and snake_case fields) and FEBRL files read as they are.
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { Invalid } from '../errors.ts';

export const PERSON_FIELDS = [
  'givenName',
  'surname',
  'streetNumber',
  'address1',
  'address2',
  'suburb',
  'postcode',
  'state',
  'dateOfBirth',
  'idNumber',
] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

/** One person as written in one source; a field is '' when the source does not have it. */
export type PersonRecord = { id: string } & Record<PersonField, string>;

export type RecordFormat = 'cordon' | 'febrl';

// CSV column → field. Cordon's layout names columns in snake_case; FEBRL calls the id rec_id
// and the id number soc_sec_id.
const CORDON_COLUMNS: Record<string, PersonField | 'id'> = {
  id: 'id',
  given_name: 'givenName',
  surname: 'surname',
  street_number: 'streetNumber',
  address_1: 'address1',
  address_2: 'address2',
  suburb: 'suburb',
  postcode: 'postcode',
  state: 'state',
  date_of_birth: 'dateOfBirth',
  id_number: 'idNumber',
};
const FEBRL_COLUMNS: Record<string, PersonField | 'id'> = {
  ...CORDON_COLUMNS,
  id: 'idNumber',
  rec_id: 'id',
  soc_sec_id: 'idNumber',
};

/** The column names each format reads, for help texts. */
export const RECORD_COLUMNS: Record<RecordFormat, string[]> = {
  cordon: Object.keys(CORDON_COLUMNS),
  febrl: [
    'rec_id',
    ...Object.keys(CORDON_COLUMNS).filter((c) => c !== 'id' && c !== 'id_number'),
    'soc_sec_id',
  ],
};

/** A record with every field empty but the id, for building records by hand and in tests. */
export function emptyPerson(id: string, fields: Partial<Record<PersonField, string>> = {}): PersonRecord {
  const record = { id } as PersonRecord;
  for (const field of PERSON_FIELDS) record[field] = fields[field] ?? '';
  return record;
}

/**
 * Reads person records from a CSV stream with a header row. Values are trimmed and lower-cased (ids kept as written);
 * dates keep their digits only (YYYYMMDD). Unknown columns are ignored.
 *
 * @example
 * const people = await readPersonRecords(createReadStream('dataset4a.csv'), 'febrl');
 */
export async function readPersonRecords(
  input: Readable,
  format: RecordFormat = 'cordon',
): Promise<PersonRecord[]> {
  const mapping = format === 'febrl' ? FEBRL_COLUMNS : CORDON_COLUMNS;
  const parser = input.pipe(
    parse({
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      trim: true,
      bom: true,
    }),
  );
  const people: PersonRecord[] = [];
  let row = 1;
  for await (const raw of parser as AsyncIterable<Record<string, string>>) {
    row++;
    if (row === 2 && !Object.keys(raw).some((c) => mapping[c] === 'id')) {
      const idColumn = format === 'febrl' ? 'rec_id' : 'id';
      throw new Invalid(
        `the file has no ${idColumn} column: add one, or pick the right --format`,
        idColumn,
        1,
      );
    }
    const person = emptyPerson('');
    for (const [column, value] of Object.entries(raw)) {
      const field = mapping[column];
      if (field === 'id') person.id = value;
      else if (field) person[field] = value.toLowerCase();
    }
    person.dateOfBirth = person.dateOfBirth.replace(/\D/g, '');
    if (!person.id) throw new Invalid('every record needs an id', format === 'febrl' ? 'rec_id' : 'id', row);
    people.push(person);
  }
  return people;
}
