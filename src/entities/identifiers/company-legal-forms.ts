// Legal forms of companies as they are written in the operation's countries, each with the canonical
// label it folds to. Patterns match the folded name (lower case, no diacritics, dots of
// abbreviations joined, other punctuation as spaces), longest first.

export interface LegalForm {
  /** Canonical label kept in details.legalForm. */
  form: string;
  /** Variants as they appear in the folded name. */
  variants: string[];
  /** Where the form is written: after the name (most), before it (PT, CV, Vietnamese forms) or either. */
  position: 'suffix' | 'prefix' | 'either';
}

export const LEGAL_FORMS: LegalForm[] = [
  { form: '股份有限公司', variants: ['股份有限公司'], position: 'suffix' },
  { form: '有限责任公司', variants: ['有限责任公司', '有限責任公司'], position: 'suffix' },
  { form: '有限公司', variants: ['有限公司'], position: 'suffix' },
  { form: '株式会社', variants: ['株式会社'], position: 'either' },
  { form: 'บริษัท', variants: ['บริษัท'], position: 'prefix' },
  { form: 'จำกัด (มหาชน)', variants: ['จำกัด มหาชน', 'จำกัด(มหาชน)'], position: 'suffix' },
  { form: 'จำกัด', variants: ['จำกัด'], position: 'suffix' },
  {
    form: 'Co., Ltd.',
    variants: ['company limited', 'company ltd', 'co limited', 'co ltd', 'coltd'],
    position: 'suffix',
  },
  {
    form: 'Pvt Ltd',
    variants: ['private limited', 'private ltd', 'pvt limited', 'pvt ltd'],
    position: 'suffix',
  },
  { form: 'Sdn Bhd', variants: ['sendirian berhad', 'sdn bhd'], position: 'suffix' },
  { form: 'PLC', variants: ['public limited company', 'plc'], position: 'suffix' },
  { form: 'S.A. de C.V.', variants: ['sa de cv'], position: 'suffix' },
  { form: 'FZ-LLC', variants: ['fz llc', 'fzllc'], position: 'suffix' },
  { form: 'JSC', variants: ['joint stock company', 'jsc'], position: 'suffix' },
  { form: 'Công ty TNHH', variants: ['cong ty trach nhiem huu han', 'cong ty tnhh'], position: 'prefix' },
  { form: 'Công ty Cổ phần', variants: ['cong ty co phan', 'ctcp'], position: 'prefix' },
  { form: 'LLC', variants: ['limited liability company', 'llc'], position: 'suffix' },
  { form: 'LLP', variants: ['limited liability partnership', 'llp'], position: 'suffix' },
  { form: 'Ltd', variants: ['limited', 'ltd'], position: 'suffix' },
  { form: 'Inc.', variants: ['incorporated', 'inc'], position: 'suffix' },
  { form: 'Corp.', variants: ['corporation', 'corp'], position: 'suffix' },
  { form: 'Co.', variants: ['company', 'co'], position: 'suffix' },
  { form: 'Bhd', variants: ['berhad', 'bhd'], position: 'suffix' },
  { form: 'S.A.C.', variants: ['sac'], position: 'suffix' },
  { form: 'S.A.', variants: ['sa'], position: 'suffix' },
  { form: 'S.R.L.', variants: ['srl'], position: 'suffix' },
  { form: 'GmbH', variants: ['gmbh'], position: 'suffix' },
  { form: 'AG', variants: ['ag'], position: 'suffix' },
  { form: 'FZE', variants: ['fze'], position: 'suffix' },
  { form: 'FZCO', variants: ['fzco'], position: 'suffix' },
  { form: 'Tbk', variants: ['tbk'], position: 'suffix' },
  { form: 'PT', variants: ['pt'], position: 'prefix' },
  { form: 'CV', variants: ['cv'], position: 'prefix' },
];
