// Request validation with two Ajv instances: JSON bodies are checked as sent (`null`, `true` or
// `[3]` for a number is a wrong type, not 0, 1 or 3); query strings and path parameters arrive
// as text, so they may still coerce to numbers and booleans, and a single value to an array.
import { AjvCompiler } from '@fastify/ajv-compiler';
import type { FastifyServerOptions } from 'fastify';

/** The Ajv options every part shares (Fastify's defaults add ajv-formats: uuid, date-time, email…). */
const SHARED = { allErrors: false, removeAdditional: false } as const;

/** Fastify's `ajv` option: the query and params settings (the body compiler overrides coercion). */
export const ajvOptions: FastifyServerOptions['ajv'] = { customOptions: { ...SHARED, coerceTypes: 'array' } };

/**
 * Fastify's `schemaController`: `httpPart === 'body'` compiles without coercion, every other part
 * with `coerceTypes: 'array'`.
 * @example Fastify({ ajv: ajvOptions, schemaController: validationController })
 */
export const validationController: FastifyServerOptions['schemaController'] = {
  compilersFactory: {
    buildValidator(externalSchemas, ajvServerOptions) {
      const options = (ajvServerOptions ?? {}) as { customOptions?: object; plugins?: never[] };
      const coercing = AjvCompiler()(externalSchemas as never, { ...options, customOptions: { ...options.customOptions, ...SHARED, coerceTypes: 'array' } });
      const strict = AjvCompiler()(externalSchemas as never, { ...options, customOptions: { ...options.customOptions, ...SHARED, coerceTypes: false } });
      return (route) => (route.httpPart === 'body' ? strict(route) : coercing(route));
    },
  },
};
