// Lists come from the API a page at a time (`{ items, next }`, `next` being the cursor of the
// following page); the screens show what has come and a button for more.
import { type InfiniteData, type UseInfiniteQueryResult, useInfiniteQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page } from './api.ts';
import { Empty, Failed, Loading } from './components/States.tsx';
import { TableScroll } from './components/TableScroll.tsx';

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

/** A column of a paged table: its heading, and what a row shows in it. */
export interface Column<T> {
  key: string;
  label: string;
  numeric?: boolean;
  className?: string;
  cell: (item: T) => ReactNode;
}

/**
 * A panel with a paged list as a table (cards at 360 px, each value labelled): its heading and how
 * many rows are shown, the loading, error and empty states in place, and "show more".
 * The first column names the row.
 * @example <PagedTable id="case-list" title={t('cases.list')} query={cases} columns={columns} … />
 */
export function PagedTable<T extends { id: string }>(props: {
  id: string;
  title: ReactNode;
  query: UseInfiniteQueryResult<InfiniteData<Page<T>>>;
  columns: readonly Column<T>[];
  empty: ReactNode;
  more: string;
  shown: (count: number) => string;
  rowProps?: (item: T) => Record<`data-${string}`, string>;
  tableClass?: string;
}) {
  const { id, query, columns } = props;
  const rows = pagedItems(query.data);
  return (
    <section className="panel" aria-labelledby={id}>
      <div className="panel-head">
        <h2 id={id}>{props.title}</h2>
        {rows.length > 0 && (
          <p className="muted" aria-live="polite">
            {props.shown(rows.length)}
          </p>
        )}
      </div>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <Failed error={query.error} retry={() => void query.refetch()} />
      ) : rows.length === 0 ? (
        <Empty>{props.empty}</Empty>
      ) : (
        <>
          <TableScroll labelledBy={id}>
            <table aria-labelledby={id} className={`case-table ${props.tableClass ?? ''}`.trim()}>
              <thead>
                <tr>
                  {columns.map((c) => (
                    <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((item) => (
                  <tr key={item.id} {...props.rowProps?.(item)}>
                    {columns.map((c, i) => {
                      const className = [c.numeric ? 'num' : '', c.className ?? ''].join(' ').trim() || undefined;
                      return i === 0 ? (
                        <th key={c.key} scope="row" className={className}>
                          {c.cell(item)}
                        </th>
                      ) : (
                        <td key={c.key} className={className} data-label={c.label}>
                          {c.cell(item)}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <ShowMore query={query} label={props.more} />
        </>
      )}
    </section>
  );
}
