// The options of a select, and a list filter kept in the address as a labelled select whose first
// option means "any".
import type { useFilters } from '../filters.ts';

export interface Choice {
  value: string;
  label: string;
}

export function Options({ choices }: { choices: readonly Choice[] }) {
  return (
    <>
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </>
  );
}

/**
 * A filter of a list: the address parameter `name`, empty for "any".
 * @example <FilterSelect filters={filters} name="country" label={t('cases.country')} any={t('cases.anyCountry')} choices={countries} />
 */
export function FilterSelect(props: { filters: ReturnType<typeof useFilters>; name: string; label: string; any: string; choices: readonly Choice[] }) {
  const [params, setFilter] = props.filters;
  return (
    <label>
      {props.label}
      <select name={props.name} value={params.get(props.name) ?? ''} onChange={(e) => setFilter(props.name, e.target.value)}>
        <option value="">{props.any}</option>
        <Options choices={props.choices} />
      </select>
    </label>
  );
}
