// List filters live in the address, so a filtered list can be bookmarked, sent or reloaded.
import { useSearchParams } from 'react-router';

/**
 * The address's search parameters and a setter for one of them. The setter starts from the
 * address as it is now, not as it was at the last render: two filters changed in quick
 * succession both stay.
 * @example const [params, setFilter, clearFilters] = useFilters(); setFilter('country', 'NP');
 */
export function useFilters() {
  const [params, setParams] = useSearchParams();
  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(window.location.search);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const clearFilters = () => setParams(new URLSearchParams(), { replace: true });
  return [params, setFilter, clearFilters] as const;
}

/** The named filters that are set in the address, as the API's query (in a stable order). */
export function pickFilters(params: URLSearchParams, names: readonly string[]): URLSearchParams {
  const picked = new URLSearchParams();
  for (const name of names) {
    const value = params.get(name);
    if (value) picked.set(name, value);
  }
  return picked;
}
