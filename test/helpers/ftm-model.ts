// Checks FollowTheMoney entities against the model shipped in @opensanctions/followthemoney, the
// one Aleph and the ftm tools use: a misspelt schema or property would be dropped on import.
import { defaultModel, Model } from '@opensanctions/followthemoney';
import type { FtmEntity } from '../../src/modules/exports/ftm.ts';

export const model = new Model(defaultModel);

const COUNTRIES = model.getType('country').values;
const GENDERS = model.getType('gender').values;

/**
 * Every way the entities break the model: unknown or abstract schema, unknown property, missing
 * required property, a value of the wrong shape, or a reference to an id not in the export or
 * of a schema outside the property's range. Empty when all is well.
 * @example expect(ftmProblems(entities)).toEqual([])
 */
export function ftmProblems(entities: readonly FtmEntity[]): string[] {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const problems: string[] = [];
  if (byId.size !== entities.length) problems.push('duplicate ids');
  for (const entity of entities) {
    const schema = model.schemata[entity.schema];
    if (!schema) {
      problems.push(`${entity.id}: no schema ${entity.schema}`);
      continue;
    }
    if (schema.abstract) problems.push(`${entity.id}: ${entity.schema} is abstract`);
    for (const required of schema.required) {
      if (!entity.properties[required]?.length) problems.push(`${entity.id}: ${entity.schema} needs ${required}`);
    }
    for (const [name, values] of Object.entries(entity.properties)) {
      if (!schema.hasProperty(name)) {
        problems.push(`${entity.id}: ${entity.schema} has no property ${name}`);
        continue;
      }
      const property = schema.getProperty(name);
      for (const value of values) {
        const problem = valueProblem(property.type.name, value, property.hasRange ? property.getRange().name : null, byId);
        if (problem) problems.push(`${entity.id}: ${entity.schema}.${name} ${problem}`);
      }
    }
  }
  return problems;
}

function valueProblem(type: string, value: unknown, range: string | null, byId: Map<string, FtmEntity>): string | null {
  if (typeof value !== 'string' || value === '') return `has a value that is not a non-empty string: ${JSON.stringify(value)}`;
  if (type === 'country' && !COUNTRIES.has(value)) return `has an unknown country "${value}"`;
  if (type === 'gender' && !GENDERS.has(value)) return `has an unknown gender "${value}"`;
  if (type === 'date' && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) return `has a date not in ISO form "${value}"`;
  if (type === 'number' && !Number.isFinite(Number(value))) return `has a value that is not a number "${value}"`;
  if (type !== 'entity') return null;
  const target = byId.get(value);
  if (!target) return `points at ${value}, which is not in the export`;
  if (range && !model.getSchema(target.schema).isA(range)) return `points at a ${target.schema}, not a ${range}`;
  return null;
}
