// Deterministic person records for deduplication benchmarks and tests: people from several regions
// written in Latin letters, about 15% of them recorded again 1–3 times with the usual slips.
import type { LinkageQuality } from '../src/matching/evaluate.ts';
import type { PersonRecord } from '../src/matching/records.ts';
import { seededRandom } from '../src/shared/random.ts';

type Region = { given: string[]; surnames: string[] };

// Names as they are commonly written in Latin letters; some keep their diacritics.
const REGIONS: Region[] = [
  {
    // South Asia
    given: [
      'mohammed',
      'priya',
      'rahul',
      'anjali',
      'arjun',
      'fatima',
      'aisha',
      'sanjay',
      'deepika',
      'imran',
      'ravi',
      'sunita',
      'vikram',
      'nusrat',
      'farhan',
      'lakshmi',
      'kavya',
      'abdul rahman',
      'yusuf',
      'rohan',
    ],
    surnames: [
      'sharma',
      'patel',
      'khan',
      'chowdhury',
      'hussain',
      'singh',
      'reddy',
      'iyer',
      'rahman',
      'ahmed',
      'gupta',
      'begum',
      'islam',
      'perera',
      'fernando',
      'das',
      'mukherjee',
      'siddiqui',
      'qureshi',
      'nair',
    ],
  },
  {
    // Southeast Asia
    given: [
      'minh',
      'thanh',
      'linh',
      'anh',
      'siti',
      'putri',
      'budi',
      'wayan',
      'somchai',
      'malee',
      'nurul',
      'agus',
      'dewi',
      'phuong',
      'khanh',
      'maria clara',
      'jericho',
      'ahmad',
      'hafiz',
      'kyaw',
    ],
    surnames: [
      'nguyễn',
      'trần',
      'lê',
      'phạm',
      'hoàng',
      'santos',
      'reyes',
      'cruz',
      'wijaya',
      'susanto',
      'rahmat',
      'saetang',
      'srisuk',
      'tan',
      'lim',
      'abdullah',
      'ismail',
      'aung',
      'htun',
      'bautista',
    ],
  },
  {
    // East Africa
    given: [
      'abebe',
      'tigist',
      'wanjiru',
      'kamau',
      'otieno',
      'achieng',
      'amina',
      'hassan',
      'juma',
      'baraka',
      'mekdes',
      'dawit',
      'neema',
      'halima',
      'faith',
      'grace',
      'joseph',
      'mwajuma',
      'yohannes',
      'selam',
    ],
    surnames: [
      'kiprop',
      'mwangi',
      'odhiambo',
      'ochieng',
      'kariuki',
      'mohamed',
      'tesfaye',
      'bekele',
      'haile',
      'mutua',
      'njoroge',
      'wambui',
      'okello',
      'nakato',
      'mugisha',
      'habimana',
      'uwimana',
      'salim',
      'abdi',
      'girma',
    ],
  },
  {
    // Latin America
    given: [
      'josé',
      'maría',
      'juan',
      'carlos',
      'guadalupe',
      'alejandro',
      'ximena',
      'luis',
      'sofía',
      'diego',
      'valentina',
      'andrés',
      'camila',
      'javier',
      'lucía',
      'mateo',
      'daniela',
      'jorge',
      'fernanda',
      'raúl',
    ],
    surnames: [
      'garcía',
      'rodríguez',
      'martínez',
      'hernández',
      'lópez',
      'gonzález',
      'pérez',
      'sánchez',
      'ramírez',
      'flores',
      'gómez',
      'díaz',
      'vargas',
      'castillo',
      'morales',
      'ortiz',
      'rojas',
      'mendoza',
      'silva',
      'gutiérrez',
    ],
  },
  {
    // China, in pinyin
    given: [
      'xiaoming',
      'wei',
      'jing',
      'li',
      'yan',
      'zhiwei',
      'haoran',
      'xiuying',
      'yang',
      'jun',
      'lei',
      'min',
      'fang',
      'xinyi',
      'yuchen',
      'zihan',
      'jianguo',
      'meiling',
      'hui',
      'qiang',
    ],
    surnames: [
      'wang',
      'li',
      'zhang',
      'liu',
      'chen',
      'yang',
      'huang',
      'zhao',
      'wu',
      'zhou',
      'xu',
      'sun',
      'ma',
      'zhu',
      'hu',
      'guo',
      'he',
      'lin',
      'luo',
      'gao',
    ],
  },
  {
    // Europe and elsewhere
    given: [
      'anna',
      'paul',
      'ivan',
      'olga',
      'sarah',
      'michael',
      'elena',
      'thomas',
      'natalia',
      'peter',
      'fatma',
      'mehmet',
      'ahmet',
      'zeynep',
      'james',
      'emma',
      'dmitri',
      'katarzyna',
      'lukas',
      'ingrid',
    ],
    surnames: [
      'müller',
      'schmidt',
      'ivanov',
      'petrova',
      'kowalski',
      'nowak',
      'smith',
      'jones',
      'rossi',
      'bianchi',
      'yilmaz',
      'kaya',
      'dubois',
      'martin',
      'novak',
      'horvat',
      'popescu',
      'jansen',
      'larsen',
      'o’brien',
    ],
  },
];

// Spellings of the same name by different hands and transliteration schemes.
const VARIANTS: string[][] = [
  ['mohammed', 'muhammad', 'mohamed', 'mohammad', 'muhammed'],
  ['mohamed', 'mohammed', 'muhamed'],
  ['ahmed', 'ahmad'],
  ['ahmad', 'ahmed'],
  ['hussain', 'hussein', 'husain'],
  ['chowdhury', 'choudhury', 'chaudhry'],
  ['yusuf', 'yousef', 'youssef'],
  ['abdul rahman', 'abdulrahman', 'abd al-rahman'],
  ['rahman', 'rehman'],
  ['xiaoming', 'xiao ming'],
  ['zhiwei', 'zhi wei'],
  ['xiuying', 'xiu ying'],
  ['meiling', 'mei ling'],
  ['jianguo', 'jian guo'],
  ['nguyễn', 'nguyen', 'nguyen'],
  ['trần', 'tran'],
  ['lê', 'le'],
  ['phạm', 'pham'],
  ['hoàng', 'hoang', 'huang'],
  ['josé', 'jose'],
  ['maría', 'maria'],
  ['garcía', 'garcia'],
  ['hernández', 'hernandez', 'fernández'],
  ['müller', 'muller', 'mueller'],
  ['o’brien', 'obrien', 'o brien'],
  ['yohannes', 'yohanes', 'johannes'],
  ['dmitri', 'dmitry', 'dimitri'],
  ['tesfaye', 'tesfay'],
  ['ismail', 'ismael'],
  ['hassan', 'hasan'],
  ['olga', 'olha'],
  ['ivanov', 'ivanoff'],
];
const VARIANT_OF = new Map(VARIANTS.map(([name, ...others]) => [name!, others]));

const STREETS = [
  'station',
  'church',
  'mill',
  'river',
  'jalan merdeka',
  'rizal',
  'independencia',
  'moi',
  'haile selassie',
  'nehru',
  'gandhi',
  'le loi',
  'tran hung dao',
  'sukhumvit',
  'bolivar',
  'juarez',
  'zhongshan',
  'renmin',
  'jiefang',
  'victoria',
  'kingsway',
  'uhuru',
  'kenyatta',
  'nyerere',
  'hidalgo',
  'san martin',
  'orchard',
  'ayala',
  'sudirman',
  'thamrin',
  'nguyen hue',
  'lenin',
  'park',
  'high',
  'bridge',
  'market',
  'garden',
  'harbour',
  'airport',
  'temple',
];
const STREET_TYPES = ['street', 'road', 'avenue', 'lane', 'drive', 'way'];
const STATES = ['nsw', 'vic', 'qld', 'wa', 'sa', 'tas', 'act', 'nt'];
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ra',
  'ten',
  'bu',
  'san',
  'vil',
  'por',
  'dan',
  'ne',
  'ho',
  'ri',
  'ta',
  'gar',
  'lin',
  'mo',
  'su',
  'wen',
  'ba',
  'kel',
  'dor',
  'fi',
  'ya',
];
const ADDRESS2 = ['unit', 'apartment', 'flat', 'block', 'room'];


type Random = () => number;
const pick = <T>(random: Random, list: ArrayLike<T>): T => list[Math.floor(random() * list.length)]!;
// Skewed choice: a few names are common and many rare, as in real populations.
const pickSkewed = <T>(random: Random, list: readonly T[]): T =>
  list[Math.floor(random() ** 2 * list.length)]!;

type Place = { suburb: string; postcode: string; state: string };

function places(random: Random, count: number): Place[] {
  const seen = new Set<string>();
  const result: Place[] = [];
  while (result.length < count) {
    const parts = 2 + Math.floor(random() * 2);
    let suburb = '';
    for (let p = 0; p < parts; p++) suburb += pick(random, SYLLABLES);
    if (random() < 0.2) suburb += ` ${pick(random, ['north', 'south', 'east', 'west', 'hills', 'park'])}`;
    if (seen.has(suburb)) continue;
    seen.add(suburb);
    result.push({
      suburb,
      postcode: String(1000 + Math.floor(random() * 9000)),
      state: pick(random, STATES),
    });
  }
  return result;
}

function person(random: Random, place: Place[], serial: number): Omit<PersonRecord, 'id'> {
  const region = pick(random, REGIONS);
  const where = pickSkewed(random, place);
  const year = 1940 + Math.floor(random() * 70);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  let givenName = pickSkewed(random, region.given);
  // Many people have a second given name; this spreads the common ones.
  if (random() < 0.35) givenName += ` ${pick(random, region.given)}`;
  return {
    givenName,
    surname: pickSkewed(random, region.surnames),
    streetNumber: String(1 + Math.floor(random() * 250)),
    address1: `${pick(random, STREETS)} ${pick(random, STREET_TYPES)}`,
    address2: random() < 0.3 ? `${pick(random, ADDRESS2)} ${1 + Math.floor(random() * 40)}` : '',
    suburb: where.suburb,
    postcode: where.postcode,
    state: where.state,
    dateOfBirth: `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`,
    idNumber: random() < 0.1 ? '' : String(10_000_000 + ((serial * 7_368_787) % 89_999_999)),
  };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';

/** One typing slip: a substitution, two neighbours swapped, a deletion or an insertion. */
function typo(random: Random, value: string, alphabet = LETTERS): string {
  if (value.length < 2) return value;
  const at = Math.floor(random() * (value.length - 1));
  const kind = random();
  if (kind < 0.35) return value.slice(0, at) + pick(random, alphabet) + value.slice(at + 1);
  if (kind < 0.65) return value.slice(0, at) + value[at + 1] + value[at] + value.slice(at + 2);
  if (kind < 0.85) return value.slice(0, at) + value.slice(at + 1);
  return value.slice(0, at) + pick(random, alphabet) + value.slice(at);
}

function variantOf(random: Random, name: string): string {
  const words = name.split(' ');
  const w = Math.floor(random() * words.length);
  const others = VARIANT_OF.get(words[w]!) ?? VARIANT_OF.get(name);
  if (!others) return typo(random, name);
  if (VARIANT_OF.has(name)) return pick(random, others);
  words[w] = pick(random, others);
  return words.join(' ');
}

type Slip = (random: Random, record: Omit<PersonRecord, 'id'>) => void;

// The slips a second record of a person usually shows, most common first.
const SLIPS: Slip[] = [
  (random, r) => (r.surname = typo(random, r.surname)),
  (random, r) => (r.givenName = typo(random, r.givenName)),
  (random, r) => (r.givenName = variantOf(random, r.givenName)),
  (random, r) => (r.surname = variantOf(random, r.surname)),
  (_, r) => ([r.givenName, r.surname] = [r.surname, r.givenName]),
  (_, r) => {
    const d = r.dateOfBirth;
    if (d.length === 8 && Number(d.slice(6)) <= 12)
      r.dateOfBirth = d.slice(0, 4) + d.slice(6) + d.slice(4, 6);
  },
  (random, r) => (r.dateOfBirth = typo(random, r.dateOfBirth, DIGITS)),
  (random, r) => (r.address1 = typo(random, r.address1)),
  (random, r) => (r.postcode = typo(random, r.postcode, DIGITS)),
  (random, r) => (r.idNumber = typo(random, r.idNumber, DIGITS)),
  (random, r) => {
    const field = pick(random, [
      'idNumber',
      'dateOfBirth',
      'address1',
      'streetNumber',
      'address2',
      'suburb',
      'postcode',
      'state',
      'givenName',
    ] as const);
    r[field] = '';
  },
];

/**
 * N person records with a fixed seed: about 15% of people are recorded 2–4 times, each further
 * record with 1–3 slips (typos, transliteration variants, swapped names or day and month,
 * missing fields). Values are lower-case, as `readPersonRecords` gives them.
 *
 * @example
 * const records = generatePeople(20_000); // ids 'p17' and 'p17-1' are one person
 */
export function generatePeople(count: number, seed = 20261126): PersonRecord[] {
  const random = seededRandom(seed).next;
  const place = places(random, Math.max(50, Math.ceil(count / 250)));
  const records: PersonRecord[] = [];
  for (let serial = 0; records.length < count; serial++) {
    const truth = person(random, place, serial);
    records.push({ id: `p${serial}`, ...truth });
    const copies = random() < 0.15 ? 1 + Math.floor(random() * 3) : 0;
    for (let copy = 1; copy <= copies && records.length < count; copy++) {
      const record = { ...truth };
      const slips = 1 + Math.floor(random() * 3);
      for (let s = 0; s < slips; s++) pickSkewed(random, SLIPS)(random, record);
      records.push({ id: `p${serial}-${copy}`, ...record });
    }
  }
  // Shuffle so that the records of one person are not neighbours.
  for (let k = records.length - 1; k > 0; k--) {
    const j = Math.floor(random() * (k + 1));
    [records[k], records[j]] = [records[j]!, records[k]!];
  }
  return records;
}

// The person a generated id names: 'p123' and 'p123-2' are both person 123.
const personOf = (id: string) => {
  const dash = id.indexOf('-');
  return dash < 0 ? id.slice(1) : id.slice(1, dash);
};

/**
 * Precision, recall and F1 of matches against the generator's truth (read from the ids, as
 * FEBRL's are; the model never sees them).
 *
 * @example
 * scoreGenerated(dedupePeople(records).matches, records).f1; // 0.9…
 */
export function scoreGenerated(
  matches: readonly { leftId: string; rightId: string }[],
  records: readonly PersonRecord[],
): LinkageQuality {
  const perPerson = new Map<string, number>();
  for (const { id } of records) perPerson.set(personOf(id), (perPerson.get(personOf(id)) ?? 0) + 1);
  let truth = 0;
  for (const n of perPerson.values()) truth += (n * (n - 1)) / 2;
  let truePositives = 0;
  for (const m of matches) if (personOf(m.leftId) === personOf(m.rightId)) truePositives++;
  const falsePositives = matches.length - truePositives;
  const precision = matches.length ? truePositives / matches.length : 0;
  const recall = truth ? truePositives / truth : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, truePositives, falsePositives, falseNegatives: truth - truePositives };
}
