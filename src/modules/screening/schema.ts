// The ad screener, the public job-offer checker and the reports it sends, as the API gives and
// takes them.
import { type Static, Type } from 'typebox';
import { FLAG_IDS } from '../../screening/types.ts';
import { CountryCode, Id, PageQuery, StringEnum, Timestamp } from '../../server/schemas/common.ts';

const Field = (description: string, maxLength: number) => Type.Optional(Type.String({ maxLength, description }));

export const AdBody = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: 20_000, description: 'the body of the job ad or offer, as written' }),
    title: Field('the job title', 300),
    pay: Field('pay as written, e.g. "USD 1,500/month"', 200),
    location: Field('where the work is', 300),
    contact: Field('how to apply or get in touch', 300),
    url: Field('where the ad was seen', 2000),
    company: Field("the employer's name or profile", 5000),
  },
  { additionalProperties: false },
);
export type AdBodyT = Static<typeof AdBody>;

export const AdField = StringEnum(['text', 'title', 'pay', 'location', 'contact', 'url', 'company'] as const);

export const Evidence = Type.Object({
  field: AdField,
  start: Type.Integer({ minimum: 0, description: 'offset of the first character (UTF-16 code units) in the field' }),
  end: Type.Integer({ minimum: 0, description: 'offset just past the last character' }),
  text: Type.String({ description: 'the words that raised the flag, as written' }),
});

const PublicFlag = Type.Object({
  flag: StringEnum(FLAG_IDS),
  language: Type.String({ description: "language of the pattern that matched; 'any' for checks that read no words" }),
  evidence: Type.Array(Evidence),
});

const Level = StringEnum(['low', 'medium', 'high'] as const);

/** What the public checker answers: the verdict and the flags, without the model's internals. */
export const PublicCheck = Type.Object({
  score: Type.Number({ minimum: 0, maximum: 1 }),
  level: Level,
  language: Type.String({ description: "ISO 639-1 code of the offer's language, 'und' when unknown" }),
  flags: Type.Array(PublicFlag),
});

/** What officers get: the same, with each flag's weight and label and the trained model's part. */
export const AdScreening = Type.Object({
  score: Type.Number({ minimum: 0, maximum: 1, description: 'risk that the ad is a recruitment scam: 1 − (1 − model weight · model probability) · Π (1 − flag weight)' }),
  level: Level,
  language: Type.String(),
  flags: Type.Array(
    Type.Object({
      flag: StringEnum(FLAG_IDS),
      label: Type.String({ description: 'in English; clients translate by `flag`' }),
      weight: Type.Number({ minimum: 0, maximum: 1 }),
      language: Type.String(),
      evidence: Type.Array(Evidence),
    }),
  ),
  model: Type.Union([
    Type.Object({
      probability: Type.Number({ minimum: 0, maximum: 1, description: 'calibrated probability from the text model' }),
      weight: Type.Number({ minimum: 0, maximum: 1, description: 'how much the score relies on the model: 0 under 20 words, 1 from 150' }),
    }),
    Type.Null({ description: 'the ad is not in a language the model was trained on' }),
  ]),
});

export const Helpline = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    phone: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    url: Type.Optional(Type.String({ minLength: 1, maxLength: 500, pattern: '^https?://' })),
    hours: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type HelplineT = Static<typeof Helpline>;

export const CountryHelplines = Type.Object({ country: CountryCode, helplines: Type.Array(Helpline) });
export const HelplinesBody = Type.Object({ countries: Type.Array(CountryHelplines, { maxItems: 300 }) }, { additionalProperties: false });
export type HelplinesBodyT = Static<typeof HelplinesBody>;

export const CheckSetup = Type.Object({
  countries: Type.Array(
    Type.Object({
      country: CountryCode,
      helplines: Type.Array(Helpline, { description: 'empty when the operation has set none: show a placeholder' }),
      takesReports: Type.Boolean({ description: 'a bureau of this country receives reports' }),
    }),
  ),
});

export const PublicReportBody = Type.Object(
  {
    ad: AdBody,
    country: CountryCode,
    language: Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$', description: 'the language the page was in' }),
    contact: Type.Optional(Type.String({ maxLength: 200, description: 'only if the person wants to be contacted' })),
  },
  { additionalProperties: false },
);
export type PublicReportBodyT = Static<typeof PublicReportBody>;

export const PublicReportCreated = Type.Object({ reference: Type.String({ description: 'a short reference the person may quote' }) });

export const REPORT_STATUSES = ['new', 'reviewed', 'dismissed'] as const;

export const PublicReport = Type.Object({
  id: Id,
  reference: Type.String(),
  country: CountryCode,
  language: Type.String(),
  ad: AdBody,
  score: Type.Number(),
  level: Level,
  flags: Type.Array(StringEnum(FLAG_IDS)),
  contact: Type.Union([Type.String(), Type.Null()]),
  status: StringEnum(REPORT_STATUSES),
  createdAt: Timestamp,
  can: Type.Object({ review: Type.Boolean() }),
});
export type PublicReportT = Static<typeof PublicReport>;

export const PublicReportListQuery = Type.Object({ ...PageQuery, status: Type.Optional(StringEnum(REPORT_STATUSES)) }, { additionalProperties: false });
export type PublicReportListQueryT = Static<typeof PublicReportListQuery>;

export const PublicReportStatus = Type.Object({ status: StringEnum(REPORT_STATUSES) }, { additionalProperties: false });
