import { describe, expect, it } from 'vitest';
import { ftmProblems } from '../../../test/helpers/ftm-model.ts';
import { caseEntityId, type FtmEntity, type FtmInput, type FtmMention, ftmEntities, identifierEntityId, personEntityId } from './ftm.ts';

const CASE_A = '00000000-0000-4000-8000-00000000000a';
const CASE_B = '00000000-0000-4000-8000-00000000000b';
const SITA = '00000000-0000-4000-8000-000000000001';
const THAPA = '00000000-0000-4000-8000-000000000002';
const RAJ = '00000000-0000-4000-8000-000000000003';
const WALLET = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';

let mentionCount = 0;
function mention(caseId: string, personId: string | null, kind: string, value: string, details: Record<string, unknown> = {}, valid = true): FtmMention {
  mentionCount += 1;
  return { id: `00000000-0000-4000-9000-${String(mentionCount).padStart(12, '0')}`, caseId, personId, kind, raw: value, value, valid, details };
}

const input = (extra: Partial<FtmInput> = {}): FtmInput => ({
  cases: [
    { id: CASE_A, title: 'Birgunj recruitment ring', openedOn: '2023-10-16', closedOn: null, ownerCountry: 'NP' },
    { id: CASE_B, title: 'Delhi placement agency', openedOn: '2023-11-02', closedOn: '2024-02-01', ownerCountry: 'IN' },
  ],
  persons: [
    { id: SITA, caseId: CASE_A, role: 'victim', name: 'Sita Tamang', otherNames: [{ name: 'सीता तामाङ' }], birthDate: '2001-04-03', gender: 'female', nationalities: ['NP'] },
    { id: THAPA, caseId: CASE_A, role: 'suspect', name: 'R. Thapa', otherNames: [], birthDate: null, gender: 'unknown', nationalities: [] },
    { id: RAJ, caseId: CASE_B, role: 'recruiter', name: 'Raj Thapa', otherNames: [], birthDate: null, gender: 'male', nationalities: ['NP', 'IN'] },
  ],
  mentions: [],
  matches: [],
  ...extra,
});

const find = (entities: FtmEntity[], id: string) => entities.find((e) => e.id === id);
const ofSchema = (entities: FtmEntity[], schema: string) => entities.filter((e) => e.schema === schema);

describe('ftmEntities', () => {
  it('writes cases as Event and persons as Person, with FtM country and gender values', () => {
    const entities = ftmEntities(input());
    expect(ftmProblems(entities)).toEqual([]);
    expect(find(entities, caseEntityId(CASE_A))).toEqual({
      id: `cordon-case-${CASE_A}`,
      schema: 'Event',
      properties: { name: ['Birgunj recruitment ring'], recordId: [CASE_A], startDate: ['2023-10-16'], country: ['np'], involved: [personEntityId(SITA), personEntityId(THAPA)] },
    });
    expect(find(entities, caseEntityId(CASE_B))?.properties.endDate).toEqual(['2024-02-01']);
    expect(find(entities, personEntityId(SITA))?.properties).toEqual({
      name: ['Sita Tamang'], alias: ['सीता तामाङ'], birthDate: ['2001-04-03'], gender: ['female'], nationality: ['np'], keywords: ['victim'],
    });
    // 'unknown' is not an FtM gender: it is left out rather than guessed.
    expect(find(entities, personEntityId(THAPA))?.properties.gender).toBeUndefined();
    expect(find(entities, personEntityId(RAJ))?.properties.nationality).toEqual(['np', 'in']);
  });

  it('puts phones, e-mail and web addresses on the person, and on the case when no person holds them', () => {
    const entities = ftmEntities(input({
      mentions: [
        mention(CASE_A, THAPA, 'phone', '+9779841234567'),
        mention(CASE_A, THAPA, 'email', 'jobs@example.com'),
        mention(CASE_A, THAPA, 'url', 'https://jobs.example.com/nepal'),
        mention(CASE_A, null, 'phone', '+919876543210'),
        mention(CASE_A, null, 'email', 'hr@agency.example'),
        mention(CASE_A, null, 'domain', 'agency.example'),
      ],
    }));
    expect(ftmProblems(entities)).toEqual([]);
    expect(find(entities, personEntityId(THAPA))?.properties).toMatchObject({ phone: ['+9779841234567'], email: ['jobs@example.com'], website: ['https://jobs.example.com/nepal'] });
    expect(find(entities, caseEntityId(CASE_A))?.properties).toMatchObject({ phoneMentioned: ['+919876543210'], emailMentioned: ['hr@agency.example'] });
    expect(ofSchema(entities, 'HyperText')[0]?.properties).toEqual({ title: ['agency.example'], sourceUrl: ['agency.example'] });
    expect(ofSchema(entities, 'Documentation')[0]?.properties.entity).toEqual([caseEntityId(CASE_A)]);
  });

  it('makes one CryptoWallet of the same address in two cases, held by both cases\' persons', () => {
    const entities = ftmEntities(input({
      mentions: [
        mention(CASE_A, THAPA, 'crypto_wallet', WALLET, { chain: 'ethereum', checksum: 'eip55' }),
        mention(CASE_B, RAJ, 'crypto_wallet', WALLET, { chain: 'ethereum' }),
        mention(CASE_B, null, 'crypto_wallet', 'TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL', { chain: 'tron' }),
      ],
    }));
    expect(ftmProblems(entities)).toEqual([]);
    const wallets = ofSchema(entities, 'CryptoWallet');
    expect(wallets).toHaveLength(2);
    const shared = wallets.find((w) => w.properties.publicKey?.[0] === WALLET);
    expect(shared?.properties).toEqual({ publicKey: [WALLET], currency: ['ETH'], keywords: ['ethereum'], holder: [personEntityId(THAPA), personEntityId(RAJ)] });
    // A wallet no person holds is tied to its case.
    const tron = wallets.find((w) => w !== shared);
    expect(ofSchema(entities, 'UnknownLink').map((l) => l.properties)).toEqual([
      { subject: [caseEntityId(CASE_B)], object: [tron?.id], role: ['named in the case'] },
    ]);
  });

  it('writes documents as Passport or Identification held by their person, the passport kept when both are seen', () => {
    const passport = { number: 'PA1234567', issuingCountry: 'NP', documentType: 'passport' };
    const entities = ftmEntities(input({
      mentions: [
        mention(CASE_A, SITA, 'document', 'NP:PA1234567', passport),
        mention(CASE_B, RAJ, 'document', 'NP:PA1234567', { ...passport, documentType: 'other' }),
        mention(CASE_A, THAPA, 'document', 'IN:AB12345', { number: 'AB12345', issuingCountry: 'IN', documentType: 'identity_card' }),
        // Identification needs a holder: a document that belongs to no person is not written.
        mention(CASE_A, null, 'document', 'IN:ZZ99999', { number: 'ZZ99999', issuingCountry: 'IN' }),
      ],
    }));
    expect(ftmProblems(entities)).toEqual([]);
    expect(ofSchema(entities, 'Passport').map((e) => e.properties)).toEqual([
      { holder: [personEntityId(SITA), personEntityId(RAJ)], number: ['PA1234567'], country: ['np'], type: ['passport', 'other'] },
    ]);
    expect(ofSchema(entities, 'Identification').map((e) => e.properties)).toEqual([
      { holder: [personEntityId(THAPA)], number: ['AB12345'], country: ['in'], type: ['identity_card'] },
    ]);
    expect(JSON.stringify(entities)).not.toContain('ZZ99999');
  });

  it('writes handles as UserAccount and bank accounts as BankAccount owned through Ownership', () => {
    const entities = ftmEntities(input({
      mentions: [
        mention(CASE_A, THAPA, 'handle', 'job_offers_kh', { platform: 'telegram' }),
        mention(CASE_A, THAPA, 'bank_account', 'GB82WEST12345698765432', { format: 'iban', country: 'GB' }),
        mention(CASE_B, null, 'bank_account', '123456789', { format: 'national' }),
        mention(CASE_B, null, 'handle', 'recruiter.kh', { platform: 'other', platformName: 'zalo' }),
      ],
    }));
    expect(ftmProblems(entities)).toEqual([]);
    expect(ofSchema(entities, 'UserAccount').map((e) => e.properties)).toEqual([
      { username: ['job_offers_kh'], service: ['telegram'], owner: [personEntityId(THAPA)] },
      { username: ['recruiter.kh'], service: ['zalo'] },
    ]);
    const accounts = ofSchema(entities, 'BankAccount');
    expect(accounts.map((e) => e.properties)).toEqual([{ iban: ['GB82WEST12345698765432'], country: ['gb'] }, { accountNumber: ['123456789'] }]);
    expect(ofSchema(entities, 'Ownership').map((e) => e.properties)).toEqual([{ owner: [personEntityId(THAPA)], asset: [accounts[0]?.id], role: ['account holder'] }]);
  });

  it('writes companies as Company involved in the case, job ads as Article, scam compounds as Address', () => {
    const entities = ftmEntities(input({
      mentions: [
        mention(CASE_B, null, 'company', 'maju jaya', { legalForm: 'PT Tbk', country: 'ID' }),
        mention(CASE_A, THAPA, 'company', 'golden fortune', {}),
        mention(CASE_B, null, 'job_ad', 'Customer service in Bangkok, USD 1,500 a month, no experience', { title: 'Customer service (Thailand)', url: 'https://fb.example/ad/1', country: 'TH' }),
        mention(CASE_A, SITA, 'job_ad', 'Hotel work in Dubai'),
        mention(CASE_B, null, 'scam_compound', 'KK Park', { place: 'Myawaddy', country: 'MM', lat: 16.631, lon: '98.557' }),
        mention(CASE_A, SITA, 'scam_compound', 'Shwe Kokko', { address: 'Shwe Kokko, Myawaddy township' }),
      ],
    }));
    expect(ftmProblems(entities)).toEqual([]);
    const companies = ofSchema(entities, 'Company');
    expect(companies.map((e) => e.properties)).toEqual([{ name: ['maju jaya'], legalForm: ['PT Tbk'], country: ['id'] }, { name: ['golden fortune'] }]);
    expect(find(entities, caseEntityId(CASE_B))?.properties.involved).toEqual([personEntityId(RAJ), companies[0]?.id]);
    expect(ofSchema(entities, 'UnknownLink')[0]?.properties).toMatchObject({ subject: [personEntityId(THAPA)], object: [companies[1]?.id] });
    const ads = ofSchema(entities, 'Article');
    expect(ads[0]?.properties).toEqual({
      title: ['Customer service (Thailand)'],
      bodyText: ['Customer service in Bangkok, USD 1,500 a month, no experience'],
      sourceUrl: ['https://fb.example/ad/1'],
      country: ['th'],
    });
    expect(ads[1]?.properties.title).toEqual(['Hotel work in Dubai']);
    expect(ofSchema(entities, 'Documentation').map((e) => e.properties.entity)).toEqual([[caseEntityId(CASE_B)], [personEntityId(SITA)]]);
    const places = ofSchema(entities, 'Address');
    expect(places[0]?.properties).toEqual({ name: ['KK Park'], full: ['KK Park, Myawaddy'], country: ['mm'], latitude: ['16.631'], longitude: ['98.557'] });
    expect(places[1]?.properties.full).toEqual(['Shwe Kokko, Myawaddy township']);
    expect(find(entities, caseEntityId(CASE_B))?.properties.addressEntity).toEqual([places[0]?.id]);
    expect(find(entities, personEntityId(SITA))?.properties.addressEntity).toEqual([places[1]?.id]);
  });

  it('keys valid identifiers by value and invalid ones by mention, which never link', () => {
    const bad = mention(CASE_A, THAPA, 'crypto_wallet', '0x123', {}, false);
    const again = mention(CASE_B, RAJ, 'crypto_wallet', '0x123', {}, false);
    expect(identifierEntityId(bad)).toBe(`cordon-mention-${bad.id}`);
    expect(identifierEntityId(mention(CASE_A, null, 'crypto_wallet', WALLET))).toBe(identifierEntityId(mention(CASE_B, RAJ, 'crypto_wallet', WALLET)));
    expect(identifierEntityId(mention(CASE_A, null, 'crypto_wallet', WALLET))).toMatch(/^cordon-crypto-wallet-[0-9a-f]{32}$/);
    const entities = ftmEntities(input({ mentions: [bad, again] }));
    expect(ftmProblems(entities)).toEqual([]);
    expect(ofSchema(entities, 'CryptoWallet')).toHaveLength(2);
  });

  it('writes confirmed matches as Similar, only between persons in the export', () => {
    const hidden = '00000000-0000-4000-8000-0000000000ff';
    const entities = ftmEntities(input({
      matches: [
        { id: '00000000-0000-4000-a000-000000000001', leftPersonId: THAPA, rightPersonId: RAJ, score: 0.97 },
        { id: '00000000-0000-4000-a000-000000000002', leftPersonId: SITA, rightPersonId: hidden, score: 0.91 },
      ],
    }));
    expect(ftmProblems(entities)).toEqual([]);
    expect(ofSchema(entities, 'Similar').map((e) => e.properties)).toEqual([
      { candidate: [personEntityId(THAPA)], match: [personEntityId(RAJ)], confidenceScore: ['0.97'], criteria: ['person linkage, confirmed by an analyst'], matcher: ['cordon'] },
    ]);
    expect(JSON.stringify(entities)).not.toContain(hidden);
  });

  it('drops the identifiers of persons and cases left out of the input, so nothing points outside the export', () => {
    const hiddenChild = '00000000-0000-4000-8000-0000000000cc';
    const hiddenCase = '00000000-0000-4000-8000-0000000000dd';
    const entities = ftmEntities(input({
      mentions: [
        mention(CASE_A, hiddenChild, 'phone', '+9779800000001'),
        mention(CASE_A, hiddenChild, 'crypto_wallet', WALLET),
        mention(hiddenCase, null, 'company', 'secret co'),
        mention(CASE_A, null, 'vehicle', 'BA 1 KHA 2345'),
      ],
    }));
    expect(ftmProblems(entities)).toEqual([]);
    expect(JSON.stringify(entities)).not.toMatch(/9800000001|secret co|BA 1 KHA|0x5aAe/);
    expect(entities).toHaveLength(2 + 3);
  });
});

describe('ftmProblems', () => {
  it('catches what FtM would drop: unknown schema or property, missing holder, dangling reference', () => {
    expect(ftmProblems([
      { id: 'a', schema: 'Wallet', properties: {} },
      { id: 'b', schema: 'Person', properties: { name: ['X'], wallet: ['w'] } },
      { id: 'c', schema: 'Passport', properties: { number: ['1'] } },
      { id: 'd', schema: 'UserAccount', properties: { username: ['u'], owner: ['nobody'] } },
    ])).toEqual([
      'a: no schema Wallet',
      'b: Person has no property wallet',
      'c: Passport needs holder',
      'd: UserAccount.owner points at nobody, which is not in the export',
    ]);
  });
});
