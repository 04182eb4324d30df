// A case's entities as the API gives them: each identifier as written and normalised, whether it
// is valid, and where else in the operation it appears.
import { type Static, Type } from 'typebox';
import { CountryCode, Id } from '../../server/schemas/common.ts';

export const EntityLink = Type.Object({ caseId: Id, title: Type.String(), ownerCountry: CountryCode });

export const CaseEntity = Type.Object({
  id: Id,
  kind: Type.String({ description: 'phone, email, handle, url, domain, crypto_wallet, bank_account, document, company' }),
  personId: Type.Union([Id, Type.Null()]),
  source: Type.String({ description: 'contact, document or manual' }),
  masked: Type.Boolean({ description: "a child victim's identifier: only the owner bureau's officers see it" }),
  raw: Type.Union([Type.String(), Type.Null()], { description: 'as written; null when masked' }),
  value: Type.Union([Type.String(), Type.Null()], { description: 'normalised (E.164, checksummed address…); null when masked' }),
  valid: Type.Boolean(),
  problem: Type.Union([Type.String(), Type.Null()], { description: 'why it is not valid' }),
  details: Type.Record(Type.String(), Type.String()),
  links: Type.Array(EntityLink, { description: 'other cases you may see where the same identifier appears' }),
  hiddenMatch: Type.Boolean({
    description: 'the same identifier appears in a record you may not see; nothing more about it is told',
  }),
});
export type CaseEntityT = Static<typeof CaseEntity>;

export const CaseEntities = Type.Object({ caseId: Id, entities: Type.Array(CaseEntity) });
