// Lists come from the API a page at a time (`{ items, next }`, `next` being the cursor of the
// following page); the screens show what has come and a button for more.
import { type InfiniteData, useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Page } from './api.ts';

/**
 * Pages of `path?search&limit&cursor`, cached under `key` and the search.
 * @example const cases = usePaged<CaseSummary>(['cases', operationId], `/api/operations/${operationId}/cases`, filter)
 */
export function usePaged<T>(key: readonly unknown[], path: string, search: URLSearchParams = new URLSearchParams(), limit = 50) {
  return useInfiniteQuery({
    queryKey: [...key, search.toString(), limit],
    queryFn: ({ pageParam, signal }) => {
      const query = new URLSearchParams(search);
      query.set('limit', String(limit));
      if (pageParam) query.set('cursor', pageParam);
      return api<Page<T>>(`${path}?${query}`, { signal });
    },
    initialPageParam: '',
    getNextPageParam: (last) => last.next ?? undefined,
  });
}

/** Every item of the pages fetched so far. */
export function pagedItems<T>(data: InfiniteData<Page<T>> | undefined): T[] {
  return data?.pages.flatMap((p) => p.items) ?? [];
}

/** The "show more" button under a list, while the API has more. */
export function ShowMore({ query, label }: { query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown }; label: string }) {
  const { t } = useTranslation();
  if (!query.hasNextPage) return null;
  return (
    <p className="more">
      <button type="button" className="primary" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
        {query.isFetchingNextPage ? t('states.loadingMore') : label}
      </button>
    </p>
  );
}
