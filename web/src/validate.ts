// Forms are checked with the API's own TypeBox schemas before they are sent, so a person sees the
// same rule the server applies, next to the field, in their language, without a round trip.
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** One message per field (the first rule it breaks), keyed by the field's path: `title`, `to`, `places.2`. */
export type FieldErrors = Record<string, string>;

function message(t: Translate, keyword: string, params: Record<string, unknown>): string {
  switch (keyword) {
    case 'minLength':
      return Number(params.limit) === 1 ? t('validation.required') : t('validation.minLength', { limit: params.limit });
    case 'maxLength':
      return t('validation.maxLength', { limit: params.limit });
    case 'minItems':
      return t('validation.minItems', { limit: params.limit });
    case 'maxItems':
      return t('validation.maxItems', { limit: params.limit });
    case 'minimum':
      return t('validation.minimum', { limit: params.limit });
    case 'maximum':
      return t('validation.maximum', { limit: params.limit });
    case 'type':
      return params.type === 'integer' || params.type === 'number' ? t('validation.number') : t('validation.invalid');
    case 'format':
    case 'pattern':
      return params.format === 'date' || String(params.pattern ?? '').startsWith('^(19|20)') ? t('validation.date') : t('validation.invalid');
    case 'enum':
      return t('validation.choose');
    default:
      return t('validation.invalid');
  }
}

function valueAt(value: unknown, path: string): unknown {
  let here = value;
  for (const key of path.split('.')) here = here && typeof here === 'object' ? (here as Record<string, unknown>)[key] : undefined;
  return here;
}

/**
 * Checks a value against an API schema; an empty object means the server will accept its shape.
 * @example const errors = fieldErrors(CampaignCreate, draft, t); if (errors.title) …
 */
export function fieldErrors(schema: TSchema, value: unknown, t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  for (const error of Value.Errors(schema, value)) {
    const params = (error.params ?? {}) as Record<string, unknown>;
    const fields =
      error.keyword === 'required'
        ? ((params.requiredProperties as string[] | undefined) ?? []).map((p) => [error.instancePath.slice(1), p].filter(Boolean).join('.'))
        : [error.instancePath.slice(1).replaceAll('/', '.')];
    for (const field of fields) {
      // An empty field breaks its format or pattern too; what the person must hear is "fill it in".
      const blank = valueAt(value, field) === '' || error.keyword === 'required';
      errors[field] ??= blank ? t('validation.required') : message(t, error.keyword, params);
    }
  }
  return errors;
}
