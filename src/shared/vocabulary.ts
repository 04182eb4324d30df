// Controlled lists shared by the server's schemas and the web application, so the forms offer
// exactly what the API accepts. Plain constants: no imports, safe to bundle for the browser.

export const OFFENCES = [
  'human_trafficking',
  'migrant_smuggling',
  'document_forgery',
  'corruption',
  'telecom_fraud',
  'online_fraud',
  'sexual_exploitation',
  'forced_labour',
  'other',
] as const;
export type Offence = (typeof OFFENCES)[number];

export const INSPECTION_KINDS = ['premises_inspection', 'document_check', 'vehicle_check', 'traveller_check', 'patrol'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

/** The longest notes an inspection or outcome may carry, in characters (code points), by form, API or CSV. */
export const NOTES_MAX_LENGTH = 10_000;
