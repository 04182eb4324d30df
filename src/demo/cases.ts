// The demo operation's case files. Six narratives follow the routes in the public reports on the
// operation; generated cases then take up every remaining rescue and investigation, so that each
// of the 149 rescued victims and the 360 investigations of the results belongs to a case.
// Victims' names are invented; places and routes are real.
import type { Insertable } from 'kysely';
import type { CaseOutcomesTable, CasePersonsTable, CasesTable, EntityMentionsTable, JourneyLegsTable, JourneysTable, Sharing } from '../db/schema.ts';
import { checkJourney } from '../modules/cases/journeys.ts';
import { journeyRows, personRow } from '../modules/cases/rows.ts';
import type { IdentifierKind } from '../entities/identifiers/index.ts';
import { manualMentionRow, mentionRows } from '../modules/entities/mentions.ts';
import type { JourneyInputT, PersonInputT } from '../modules/cases/schema.ts';
import { type DemoOutcome, demoId } from './generate.ts';
import { type Random, seededRandom } from '../shared/random.ts';

export interface DemoCaseSpec {
  key: string;
  owner: string;
  title: string;
  summary: string;
  openedOn: string;
  offences: string[];
  sharing: Sharing;
  sharedWith: string[];
  journeys: JourneyInputT[];
  persons: PersonInputT[];
  /** Entities an officer added to the case by hand: a wallet, a compound, a job ad. */
  entities?: DemoEntity[];
  outcomeIds: string[];
}

interface DemoEntity {
  kind: IdentifierKind;
  value: string;
  country?: string;
  details?: Record<string, string>;
}

// One USDT wallet on TRON (made up, with a valid checksum) that families and victims in Uganda,
// India and Myanmar's compounds paid into: "debts", ransoms, "deposits" — the way scam networks
// collect across countries. And the compound the Ugandans were held in.
const NETWORK_WALLET = 'TK2CosXuBuE2wCNBcgk8GVuVNHQYmEkKMc';
const KK_PARK: DemoEntity = { kind: 'scam_compound', value: 'KK Park', country: 'MM', details: { place: 'Myawaddy, Kayin State', lat: '16.6947', lon: '98.5055' } };

export interface DemoCaseRows {
  cases: Insertable<CasesTable>[];
  journeys: Insertable<JourneysTable>[];
  legs: Insertable<JourneyLegsTable>[];
  persons: Insertable<CasePersonsTable>[];
  mentions: Insertable<EntityMentionsTable>[];
  links: CaseOutcomesTable[];
}

// Invented names, in the script each country writes them in.
const NAMES: Record<string, { given: string[]; family: string[] }> = {
  MY: { given: ['Ahmad', 'Siti', 'Wei Ling', 'Kumar', 'Nurul', 'Jun Hao', 'Farah', 'Arif'], family: ['bin Ismail', 'binti Yusof', 'Tan', 'Lim', 'a/l Raman', 'Wong'] },
  UG: { given: ['Joseph', 'Esther', 'Brian', 'Sarah', 'Moses', 'Grace'], family: ['Okello', 'Nakato', 'Mugisha', 'Namubiru', 'Ssempala'] },
  IN: { given: ['Ravi', 'Priya', 'Suresh', 'Lakshmi', 'Arjun', 'Kavita'], family: ['Reddy', 'Sharma', 'Rao', 'Kumar', 'Singh'] },
  BD: { given: ['রহিম', 'করিম', 'আয়েশা', 'ফাতেমা', 'সুমন'], family: ['হোসেন', 'আহমেদ', 'ইসলাম', 'খাতুন'] },
  NP: { given: ['सीता', 'माया', 'गीता', 'राम', 'कमला'], family: ['तामाङ', 'गुरुङ', 'थापा', 'श्रेष्ठ'] },
  CN: { given: ['伟', '芳', '娜', '强', '敏'], family: ['王', '李', '张', '刘', '陈'] },
  VN: { given: ['Minh', 'Lan', 'Hùng', 'Thu', 'Tuấn'], family: ['Nguyễn', 'Trần', 'Lê', 'Phạm'] },
  TH: { given: ['สมชาย', 'สุดา', 'ประเสริฐ', 'มาลี'], family: ['ใจดี', 'ศรีสุข', 'บุญมา'] },
  ID: { given: ['Budi', 'Siti', 'Agus', 'Dewi', 'Rizky'], family: ['Santoso', 'Wijaya', 'Saputra', 'Lestari'] },
  PH: { given: ['Juan', 'Maria', 'Jose', 'Ana', 'Mark'], family: ['Santos', 'Reyes', 'Cruz', 'Bautista'] },
  KE: { given: ['Brian', 'Faith', 'Kevin', 'Mercy'], family: ['Otieno', 'Wanjiru', 'Kamau', 'Achieng'] },
  ET: { given: ['አበበ', 'ሰላም', 'ዳዊት', 'ሄለን'], family: ['ተስፋዬ', 'ገብሬ', 'ከበደ'] },
  PK: { given: ['Ali', 'Ayesha', 'Bilal', 'Sana'], family: ['Khan', 'Ahmed', 'Hussain'] },
  LK: { given: ['Nuwan', 'Dilani', 'Kasun', 'Ishara'], family: ['Perera', 'Silva', 'Fernando'] },
  KH: { given: ['សុខា', 'ចាន់ធី', 'វណ្ណា'], family: ['សុខ', 'ចាន់', 'ហេង'] },
  LA: { given: ['ສົມພອນ', 'ນາລີ', 'ບຸນມີ'], family: ['ພົມມະຈັນ', 'ສີສຸວັນ'] },
  MM: { given: ['အောင်', 'မြင့်', 'သီတာ', 'ဇော်'], family: ['ဦး', 'ဒေါ်'] },
};

function nameFor(random: Random, country: string): string {
  const names = NAMES[country] ?? { given: ['Alex', 'Sam', 'Noor', 'Dana', 'Kim'], family: ['Demo'] };
  const given = random.pick(names.given);
  const family = random.pick(names.family);
  // Chinese names put the family name first without a space.
  if (country === 'CN') return `${family}${given}`;
  if (country === 'MM') return `${family} ${given}`;
  return `${given} ${family}`;
}

const victim = (random: Random, country: string, extra: Partial<PersonInputT> = {}): PersonInputT => ({
  role: 'victim',
  name: nameFor(random, country),
  nationalities: [country],
  gender: random.next() < 0.45 ? 'female' : 'male',
  age: random.int(19, 38),
  ...extra,
});

function narratives(random: Random, rescues: Map<string, DemoOutcome[]>, investigations: Map<string, DemoOutcome[]>): DemoCaseSpec[] {
  const take = (from: Map<string, DemoOutcome[]>, country: string, n = 1) => (from.get(country) ?? []).splice(0, n).map((o) => o.id);
  // A rescue joins a narrative only when it freed exactly that narrative's victims, so that the
  // victims of the cases add up to the rescued persons of the results.
  const rescueOf = (country: string, victims: number) => {
    const list = rescues.get(country) ?? [];
    const i = list.findIndex((o) => o.persons === victims);
    return i === -1 ? [] : list.splice(i, 1).map((o) => o.id);
  };
  const specs: DemoCaseSpec[] = [];

  // 1. Forty Malaysians lured to Peru with a high-paying job, forced into telecom fraud.
  const peru: JourneyInputT = {
    recruitment: { channel: 'online_job_ad', platform: 'Facebook', promisedJob: 'customer service, no experience needed', promisedPay: 'USD 2,000 a month', promisedDestination: { country: 'PE', city: 'Lima' }, on: '2023-05-02' },
    legs: [{ from: { country: 'MY', city: 'Kuala Lumpur' }, to: { country: 'PE', city: 'Lima' }, mode: 'air', on: '2023-05-20' }],
    exploitation: { place: { country: 'PE', city: 'Lima' }, type: 'forced_criminality', fraudSchemes: ['telecom_impersonation'], means: ['withheld_documents', 'threats', 'excessive_hours', 'false_promises'], months: 4, from: '2023-05-21' },
    exit: { kind: 'rescued', on: '2023-09-25', country: 'PE' },
    returnHome: { country: 'MY', on: '2023-10-12' },
  };
  specs.push({
    key: 'my-pe', owner: 'MY', title: 'Forty Malaysians forced into telecom fraud in Lima',
    summary: 'Recruited through an online ad promising a well-paid customer-service job; passports taken on arrival in Lima and made to run telephone scams. Rescued by Peruvian police and repatriated.',
    openedOn: '2023-10-16', offences: ['human_trafficking', 'telecom_fraud'], sharing: 'operation', sharedWith: [],
    journeys: [peru],
    persons: [
      ...Array.from({ length: 40 }, () => victim(random, 'MY', { journey: 0 })),
      { role: 'recruiter', name: 'Recruiter "Jason"', contacts: [{ kind: 'handle', value: '@jason_jobs_lima', platform: 'telegram' }] },
    ],
    outcomeIds: take(investigations, 'MY'),
  });

  // 2. Ugandans taken to Dubai "for work", diverted to Thailand, then Myanmar under armed guard.
  const uganda: JourneyInputT = {
    recruitment: { channel: 'acquaintance', promisedJob: 'supermarket work in Dubai', promisedPay: 'USD 1,200 a month', promisedDestination: { country: 'AE', city: 'Dubai' }, on: '2023-02-10' },
    legs: [
      { from: { country: 'UG', city: 'Entebbe' }, to: { country: 'AE', city: 'Dubai' }, mode: 'air', on: '2023-03-01', transit: true },
      { from: { country: 'AE', city: 'Dubai' }, to: { country: 'TH', city: 'Bangkok' }, mode: 'air', on: '2023-03-09', transit: true, facilitator: 'agent who met them in Dubai' },
      { from: { country: 'TH', city: 'Bangkok' }, to: { country: 'TH', city: 'Mae Sot' }, mode: 'land', on: '2023-03-10', transit: true },
      { from: { country: 'TH', city: 'Mae Sot' }, to: { country: 'MM', city: 'Myawaddy (Kayin State)' }, mode: 'land', on: '2023-03-11' },
    ],
    exploitation: { place: { country: 'MM', city: 'Myawaddy (Kayin State)', compound: 'KK Park' }, type: 'forced_criminality', fraudSchemes: ['bank_impersonation', 'crypto_investment'], means: ['armed_guard', 'abuse', 'threats', 'withheld_documents', 'debt_bondage'], months: 7, from: '2023-03-11' },
    exit: { kind: 'rescued', on: '2023-10-18', country: 'MM' },
    returnHome: { country: 'UG', on: '2023-11-03' },
  };
  specs.push({
    key: 'ug-ae-th-mm', owner: 'UG', title: 'Ugandans diverted from Dubai to a Myanmar scam compound',
    summary: 'Promised jobs in Dubai, flown on to Bangkok, driven to Mae Sot and taken across the river into Myanmar; held under armed guard and taught to defraud bank customers.',
    openedOn: '2023-10-16', offences: ['human_trafficking', 'online_fraud'], sharing: 'listed', sharedWith: ['AE', 'TH', 'MM', 'FR'],
    journeys: [uganda],
    persons: [
      ...Array.from({ length: 4 }, () => victim(random, 'UG', { journey: 0 })),
      {
        role: 'recruiter',
        name: 'Annet K.',
        otherNames: [{ name: 'Annet Kyomuhendo' }],
        gender: 'female',
        birthDate: '1988-05-14',
        nationalities: ['UG'],
        contacts: [{ kind: 'phone', value: '+256 772 000 111' }],
        documents: [{ kind: 'passport', number: 'B1234567', country: 'UG' }],
      },
    ],
    entities: [{ kind: 'crypto_wallet', value: NETWORK_WALLET, details: { note: 'families paid the "debt" for release in USDT' } }, KK_PARK],
    outcomeIds: [...take(investigations, 'UG'), ...rescueOf('MM', 4)],
  });

  // 3. An accountant from Telangana forced into online fraud, released after a ransom was paid.
  const telangana: JourneyInputT = {
    recruitment: { channel: 'messaging_app', platform: 'WhatsApp', promisedJob: 'data-entry accountant', promisedPay: 'INR 1,00,000 a month', promisedDestination: { country: 'TH', city: 'Bangkok' }, on: '2023-04-03' },
    legs: [
      { from: { country: 'IN', city: 'Hyderabad' }, to: { country: 'TH', city: 'Bangkok' }, mode: 'air', on: '2023-04-20', transit: true },
      { from: { country: 'TH', city: 'Bangkok' }, to: { country: 'TH', city: 'Chiang Rai' }, mode: 'land', on: '2023-04-21', transit: true },
      { from: { country: 'TH', city: 'Chiang Rai' }, to: { country: 'LA', city: 'Golden Triangle SEZ, Bokeo' }, mode: 'land', on: '2023-04-22' },
    ],
    exploitation: { place: { country: 'LA', city: 'Bokeo', compound: 'Golden Triangle Special Economic Zone' }, type: 'forced_criminality', fraudSchemes: ['crypto_investment', 'romance'], means: ['withheld_documents', 'threats', 'debt_bondage', 'excessive_hours'], months: 5, from: '2023-04-22' },
    exit: { kind: 'released_after_ransom', on: '2023-09-28', country: 'LA' },
    returnHome: { country: 'IN', on: '2023-10-02' },
  };
  specs.push({
    key: 'in-telangana', owner: 'IN', title: 'Accountant from Telangana released after ransom',
    summary: 'Recruited over WhatsApp for a data-entry job in Bangkok, taken to a compound across the Mekong and made to run investment scams; his family paid for his release.',
    openedOn: '2023-10-16', offences: ['human_trafficking', 'online_fraud'], sharing: 'operation', sharedWith: [],
    journeys: [telangana],
    persons: [
      victim(random, 'IN', { name: 'Srinivas Goud', gender: 'male', age: 29, journey: 0 }),
      { role: 'recruiter', name: 'Kiran M.', nationalities: ['IN'], contacts: [{ kind: 'phone', value: '+91 98480 00000' }, { kind: 'phone', value: '+256 772 000 111' }] },
      // The same woman as the Ugandan case's recruiter, written surname first from her passport.
      {
        role: 'facilitator',
        name: 'KYOMUHENDO Annet',
        gender: 'female',
        birthDate: '1988-05-14',
        nationalities: ['UG'],
        documents: [{ kind: 'passport', number: 'B1234567', country: 'UG' }],
      },
    ],
    entities: [
      { kind: 'crypto_wallet', value: NETWORK_WALLET, details: { note: 'ransom paid by the family in USDT' } },
      {
        kind: 'job_ad',
        value: 'Data entry accountant in Bangkok. INR 1,00,000 per month. Free visa, flight and hotel. No experience needed. Contact on WhatsApp only.',
        details: { title: 'Data-entry accountant, Bangkok' },
      },
    ],
    outcomeIds: take(investigations, 'IN'),
  });

  // 4. A 13-year-old Bangladeshi boy trafficked to India, rescued through fast cooperation.
  const boy: JourneyInputT = {
    recruitment: { channel: 'acquaintance', promisedJob: 'work in a garment shop', on: '2023-09-20' },
    legs: [
      { from: { country: 'BD', city: 'Jashore' }, to: { country: 'BD', city: 'Benapole' }, mode: 'land', on: '2023-09-25', transit: true },
      { from: { country: 'BD', city: 'Benapole' }, to: { country: 'IN', city: 'Kolkata' }, mode: 'land', on: '2023-09-26' },
    ],
    exploitation: { place: { country: 'IN', city: 'Kolkata' }, type: 'forced_labour', means: ['excessive_hours', 'threats', 'denial_of_needs'], months: 1, from: '2023-09-26' },
    exit: { kind: 'rescued', on: '2023-10-17', country: 'IN' },
    returnHome: { country: 'BD', on: '2023-10-24' },
  };
  specs.push({
    key: 'bd-in-boy', owner: 'BD', title: 'Boy of 13 trafficked from Jashore to Kolkata',
    summary: 'Taken across the Benapole–Petrapole border for work; the Dhaka bureau asked New Delhi for help the day he was reported missing and Indian police found him within the day.',
    openedOn: '2023-10-16', offences: ['human_trafficking', 'forced_labour'], sharing: 'listed', sharedWith: ['IN'],
    journeys: [boy],
    persons: [
      { role: 'victim', name: 'রাকিব হাসান', otherNames: [{ name: 'Rakib Hasan', script: 'Latn' }], age: 13, gender: 'male', nationalities: ['BD'], journey: 0 },
      { role: 'facilitator', name: 'Unknown broker at Benapole', nationalities: ['BD'] },
    ],
    outcomeIds: [...take(investigations, 'BD'), ...rescueOf('IN', 1)],
  });

  // 5. Two Nepali women, one aged 17, trapped in prostitution in New Delhi, rescued and returned home.
  const delhi: JourneyInputT = {
    recruitment: { channel: 'social_media', platform: 'TikTok', promisedJob: 'hotel work', promisedDestination: { country: 'IN', city: 'New Delhi' }, on: '2023-07-01' },
    legs: [
      { from: { country: 'NP', city: 'Birgunj' }, to: { country: 'IN', city: 'Raxaul' }, mode: 'land', on: '2023-07-15', transit: true },
      { from: { country: 'IN', city: 'Raxaul' }, to: { country: 'IN', city: 'New Delhi' }, mode: 'land', on: '2023-07-16' },
    ],
    exploitation: { place: { country: 'IN', city: 'New Delhi' }, type: 'sexual_exploitation', means: ['false_promises', 'withheld_documents', 'threats', 'abuse'], months: 3, from: '2023-07-16' },
    exit: { kind: 'rescued', on: '2023-10-18', country: 'IN' },
    returnHome: { country: 'NP', on: '2023-10-26' },
  };
  specs.push({
    key: 'np-in-delhi', owner: 'NP', title: 'Two Nepali women rescued in New Delhi and returned home',
    summary: 'Lured with offers of hotel work, taken across the border at Birgunj–Raxaul and forced into prostitution in New Delhi; rescued during the action phase and returned to Nepal.',
    openedOn: '2023-10-16', offences: ['human_trafficking', 'sexual_exploitation'], sharing: 'listed', sharedWith: ['IN'],
    journeys: [delhi],
    persons: [
      { role: 'victim', name: 'सीता तामाङ', otherNames: [{ name: 'Sita Tamang', script: 'Latn' }], age: 17, gender: 'female', nationalities: ['NP'], journey: 0 },
      { role: 'victim', name: 'माया गुरुङ', otherNames: [{ name: 'Maya Gurung', script: 'Latn' }], age: 22, gender: 'female', nationalities: ['NP'], journey: 0 },
    ],
    outcomeIds: [...take(investigations, 'NP'), ...rescueOf('IN', 2)],
  });

  // 6. Victims from 22 countries rescued from compounds in Myanmar's Kayin and Shan States.
  const origins = ['CN', 'VN', 'TH', 'ID', 'PH', 'MY', 'IN', 'BD', 'NP', 'PK', 'LK', 'KE', 'UG', 'ET', 'TZ', 'GH', 'KZ', 'LA', 'KH', 'SG', 'BR', 'ZA'];
  const capitals: Record<string, string> = { CN: 'Kunming', VN: 'Hanoi', TH: 'Bangkok', ID: 'Jakarta', PH: 'Manila', MY: 'Kuala Lumpur', IN: 'Kolkata', BD: 'Dhaka', NP: 'Kathmandu', PK: 'Lahore', LK: 'Colombo', KE: 'Nairobi', UG: 'Entebbe', ET: 'Addis Ababa', TZ: 'Dar es Salaam', GH: 'Accra', KZ: 'Almaty', LA: 'Vientiane', KH: 'Phnom Penh', SG: 'Singapore', BR: 'São Paulo', ZA: 'Johannesburg' };
  const myanmarRescues = (rescues.get('MM') ?? []).splice(0);
  const rescued = myanmarRescues.reduce((n, o) => n + o.persons, 0);
  const journeys: JourneyInputT[] = origins.map((origin, i) => {
    const shan = i % 3 === 2;
    const site = shan ? { country: 'MM', city: 'Tachileik (Shan State)' } : { country: 'MM', city: 'Shwe Kokko (Kayin State)' };
    const border = shan ? { country: 'TH', city: 'Mae Sai' } : { country: 'TH', city: 'Mae Sot' };
    const legs: JourneyInputT['legs'] =
      origin === 'TH'
        ? [{ from: { country: 'TH', city: 'Bangkok' }, to: border, mode: 'land', on: '2023-06-02', transit: true }]
        : [
            { from: { country: origin, city: capitals[origin] }, to: { country: 'TH', city: 'Bangkok' }, mode: 'air', on: '2023-06-01', transit: true },
            { from: { country: 'TH', city: 'Bangkok' }, to: border, mode: 'land', on: '2023-06-02', transit: true },
          ];
    legs.push({ from: border, to: site, mode: 'land', on: '2023-06-03' });
    return {
      recruitment: { channel: i % 2 ? 'online_job_ad' : 'social_media', promisedJob: 'online customer service in Thailand', promisedPay: 'USD 1,500 a month', promisedDestination: { country: 'TH', city: 'Bangkok' }, on: '2023-05-10' },
      legs,
      exploitation: { place: { ...site, compound: shan ? 'compound near the Golden Triangle' : 'Yatai New City' }, type: 'forced_criminality', fraudSchemes: ['crypto_investment', 'romance', 'task_scam'], means: ['armed_guard', 'abuse', 'debt_bondage', 'withheld_documents', 'excessive_hours'], months: 4, from: '2023-06-03' },
      exit: { kind: 'rescued', on: '2023-10-19', country: 'MM' },
    };
  });
  const persons = Array.from({ length: Math.max(rescued, origins.length) }, (_, i) => victim(random, origins[i % origins.length]!, { journey: i % origins.length }));
  specs.push({
    key: 'mm-kayin-shan', owner: 'MM', title: 'Victims from 22 countries rescued in Kayin and Shan States',
    summary: 'Workers recruited across Asia, Africa and Latin America with offers of customer-service jobs in Thailand, taken across the border to compounds in Kayin and Shan States and forced to run online scams.',
    openedOn: '2023-10-17', offences: ['human_trafficking', 'online_fraud'], sharing: 'operation', sharedWith: [],
    journeys,
    persons,
    entities: [
      { kind: 'crypto_wallet', value: NETWORK_WALLET, details: { note: 'on the compound\'s computers: victims\' "deposits" went here' } },
      KK_PARK,
      { kind: 'scam_compound', value: 'Shwe Kokko', country: 'MM', details: { place: 'Myawaddy Township, Kayin State' } },
    ],
    outcomeIds: [...myanmarRescues.map((o) => o.id), ...take(investigations, 'MM')],
  });
  return specs;
}

// Where victims rescued in a country mostly come from, for the generated cases.
const SOURCES: Record<string, string[]> = {
  MM: ['CN', 'VN', 'TH'], PH: ['PH', 'ID', 'VN', 'CN'], KH: ['KH', 'VN', 'CN', 'TH'], TH: ['TH', 'LA', 'MM'], LA: ['LA', 'MM', 'VN'],
  IN: ['NP', 'BD', 'IN'], NP: ['NP'], BD: ['BD'], MY: ['ID', 'BD', 'MY'], ID: ['ID'], AE: ['IN', 'PK', 'PH', 'UG'], KE: ['KE', 'ET', 'UG'], UG: ['UG'],
};

function generated(random: Random, rescues: Map<string, DemoOutcome[]>, investigations: Map<string, DemoOutcome[]>): DemoCaseSpec[] {
  const specs: DemoCaseSpec[] = [];
  const sharings: Sharing[] = ['operation', 'owner', 'operation', 'listed'];
  const countries = [...new Set([...investigations.keys(), ...rescues.keys()])].sort();
  for (const country of countries) {
    const inv = investigations.get(country) ?? [];
    const res = rescues.get(country) ?? [];
    const n = Math.max(inv.length, res.length);
    for (let i = 0; i < n; i++) {
      const investigation = inv[i];
      const rescue = res[i];
      // Per country: operation, owner, operation, listed, … so every bureau keeps some cases to itself.
      const sharing = sharings[i % sharings.length]!;
      const persons: PersonInputT[] = [];
      const journeys: JourneyInputT[] = [];
      const day = (rescue ?? investigation)!.at.toISOString().slice(0, 10);
      if (rescue) {
        const origin = random.pick(SOURCES[country] ?? [country]);
        const exploitationType = random.weighted([['forced_criminality', 5], ['sexual_exploitation', 3], ['forced_labour', 2]] as const);
        journeys.push({
          recruitment: { channel: random.pick(['online_job_ad', 'social_media', 'messaging_app', 'agency', 'acquaintance'] as const), on: '2023-06-15' },
          legs: origin === country ? [] : [{ from: { country: origin }, to: { country }, mode: random.pick(['air', 'land'] as const), on: '2023-07-01' }],
          exploitation: {
            place: { country },
            type: exploitationType,
            ...(exploitationType === 'forced_criminality' ? { fraudSchemes: [random.pick(['crypto_investment', 'romance', 'work_from_home', 'lottery', 'online_gambling'] as const)] } : {}),
            means: [random.pick(['threats', 'debt_bondage', 'withheld_documents'] as const), 'false_promises'],
            from: '2023-07-01',
          },
          exit: { kind: 'rescued', on: day, country },
        });
        for (let p = 0; p < rescue.persons; p++) {
          persons.push(victim(random, origin, { journey: 0, ...(random.next() < 0.12 ? { age: random.int(14, 17) } : {}) }));
        }
      }
      persons.push({ role: 'suspect', name: nameFor(random, country), nationalities: [country], gender: random.next() < 0.7 ? 'male' : 'female' });
      specs.push({
        key: `gen-${country}-${i}`,
        owner: country,
        title: rescue ? `Rescue of ${rescue.persons} ${rescue.persons === 1 ? 'victim' : 'victims'} (${country}-${String(i + 1).padStart(3, '0')})` : `Investigation ${country}-${String(i + 1).padStart(3, '0')}`,
        summary: '',
        openedOn: day,
        offences: ['human_trafficking'],
        sharing,
        sharedWith: sharing === 'listed' ? [country === 'IN' ? 'NP' : 'IN'] : [],
        journeys,
        persons,
        outcomeIds: [investigation?.id, rescue?.id].filter((id): id is string => id !== undefined),
      });
    }
  }
  return specs;
}

/**
 * The demo's case files as table rows, checked with the same rules the API applies.
 * @example const rows = planDemoCases(plan.outcomes, bureauOf)
 */
export function planDemoCases(outcomes: readonly DemoOutcome[], bureauOf: ReadonlyMap<string, string>, operationId: string): DemoCaseRows {
  const random = seededRandom(2023_10_17);
  const group = (kind: DemoOutcome['kind']) => {
    const map = new Map<string, DemoOutcome[]>();
    for (const o of outcomes) if (o.kind === kind) map.set(o.country, [...(map.get(o.country) ?? []), o]);
    return map;
  };
  const rescues = group('rescue');
  const investigations = group('investigation');
  const specs = [...narratives(random, rescues, investigations), ...generated(random, rescues, investigations)];
  const rows: DemoCaseRows = { cases: [], journeys: [], legs: [], persons: [], mentions: [], links: [] };
  for (const spec of specs) {
    const caseId = demoId('case', spec.key);
    rows.cases.push({
      id: caseId,
      operation_id: operationId,
      owner_bureau_id: bureauOf.get(spec.owner)!,
      sharing: spec.sharing,
      shared_with: spec.sharedWith,
      title: spec.title,
      summary: spec.summary,
      status: 'open',
      opened_on: spec.openedOn,
      closed_on: null,
      offences: spec.offences,
    });
    const journeyIds = spec.journeys.map((j, i) => {
      checkJourney(j, `${spec.key}.journeys.${i}`);
      const id = demoId('journey', `${spec.key}:${i}`);
      const { journey, legs } = journeyRows(j, operationId, caseId, id);
      rows.journeys.push(journey);
      rows.legs.push(...legs.map((leg) => ({ ...leg, operation_id: operationId, journey_id: id })));
      return id;
    });
    const caseMentions = rows.mentions.length;
    spec.persons.forEach((p, i) => {
      const journeyId = p.journey !== undefined ? journeyIds[p.journey]! : null;
      const { journey: _index, ...person } = p;
      const personId = demoId('person', `${spec.key}:${i}`);
      rows.persons.push({
        id: personId,
        ...personRow(person, `${spec.key}.persons.${i}`, { operationId, caseId, openedOn: spec.openedOn }, journeyId),
      });
      // As the API does: the person's contacts and documents become entity mentions.
      const position = rows.mentions.length - caseMentions;
      rows.mentions.push(...mentionRows({ operationId, caseId, personId, position, contacts: p.contacts, documents: p.documents }, spec.owner));
    });
    for (const e of spec.entities ?? []) {
      const place = { operationId, caseId, personId: null, position: rows.mentions.length - caseMentions, createdBy: null };
      const details: Record<string, string> = { ...(e.country ? { country: e.country } : {}), ...e.details };
      rows.mentions.push(manualMentionRow(place, e.kind, e.value, e.country ? { defaultCountry: e.country } : {}, details));
    }
    for (const outcomeId of spec.outcomeIds) rows.links.push({ operation_id: operationId, case_id: caseId, outcome_id: outcomeId });
  }
  return rows;
}

/**
 * The prevention campaigns of the public reports: markets and massage parlours in the United Arab
 * Emirates; radio, border-crossing outreach and pamphlets in Nepal. Reach figures are estimates.
 */
export function demoCampaigns(bureauOf: ReadonlyMap<string, string>, operationId: string) {
  const ae = bureauOf.get('AE')!;
  const np = bureauOf.get('NP')!;
  const base = { operationId, sharing: 'operation' as const };
  const campaigns = [
    { ...base, id: demoId('campaign', 'ae-markets'), ownerBureauId: ae, title: 'Know the signs: trafficking awareness in markets', channel: 'markets', country: 'AE', places: ['Deira Gold Souk, Dubai', 'Naif Market, Dubai', 'Central Market, Sharjah'], audience: 'traders, domestic and migrant workers', startsOn: '2023-10-16', endsOn: '2023-10-20', reach: 6500 },
    { ...base, id: demoId('campaign', 'ae-parlours'), ownerBureauId: ae, title: 'Outreach to workers in massage parlours', channel: 'massage_parlours', country: 'AE', places: ['Al Barsha, Dubai', 'Al Nahda, Sharjah'], audience: 'women working in massage parlours', startsOn: '2023-10-16', endsOn: '2023-10-20', reach: 900 },
    { ...base, id: demoId('campaign', 'np-radio'), ownerBureauId: np, title: 'सुरक्षित वैदेशिक रोजगारी: radio messages on fake job offers', channel: 'radio', country: 'NP', places: ['Radio Nepal', 'बिरगंज', 'धनगढी'], audience: 'young people considering work abroad, and their families', startsOn: '2023-09-01', endsOn: '2023-10-31', reach: 250000 },
    { ...base, id: demoId('campaign', 'np-border'), ownerBureauId: np, title: 'Border-crossing outreach at Birgunj and Bhairahawa', channel: 'border_outreach', country: 'NP', places: ['Birgunj–Raxaul crossing', 'Bhairahawa–Sunauli crossing'], audience: 'travellers crossing to India', startsOn: '2023-10-16', endsOn: '2023-10-20', reach: 4200 },
    { ...base, id: demoId('campaign', 'np-pamphlets'), ownerBureauId: np, title: 'Pamphlets: how to check a job offer abroad', channel: 'pamphlets', country: 'NP', places: ['काठमाडौं', 'Tribhuvan International Airport'], audience: 'departing migrant workers', startsOn: '2023-10-01', endsOn: '2023-10-20', reach: 15000 },
  ];
  // Recorded when they began, as the bureaus would have.
  return campaigns.map((c) => ({ ...c, createdAt: new Date(`${c.startsOn}T09:00:00Z`) }));
}
