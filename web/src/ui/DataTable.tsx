import { useInfiniteQuery } from '@tanstack/react-query';
import { type GetRef, Table, type TableProps, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { type UIEvent, useEffect, useMemo, useRef } from 'react';
import { api } from '../api/client';
import type { Page } from '../api/types';
import { useI18n } from '../i18n';
import { DataTableFilters, type FilterSpec } from './DataTableFilters';
import { ProblemAlert } from './problem';
import { type ListParams, useListSearch } from './use-list-search';

export type { FilterSpec } from './DataTableFilters';
/** A column; `sortKey` names the server sort (`sort=key` / `sort=-key`) the header toggles. */
export type DataColumn<T> = ColumnType<T> & { sortKey?: string; width: number };

export interface DataTableProps<T> {
  /** the list endpoint under /api/v1, answering `{items, nextCursor}` */
  resource: string;
  /** its CSV/XLSX export endpoint; it takes the same filters and sort */
  exportResource?: string | undefined;
  queryKey: readonly unknown[];
  columns: DataColumn<T>[];
  rowKey: (row: T) => string;
  filters?: FilterSpec[];
  /** URL key prefix when two lists share a screen */
  ns?: string;
  /** values used while the URL names none (the default sort, the queue's "submitted") */
  defaults?: ListParams;
  /** sent with every request but not kept in the URL (the team, the wallet) */
  fixed?: ListParams;
  height?: number;
  pageSize?: number;
  /**
   * Virtual rows keep 10,000 loaded rows fast; a short work list may render plain rows instead
   * (it still loads page by page as the user scrolls).
   */
  virtual?: boolean;
  testId: string;
  onRow?: TableProps<T>['onRow'];
  /** rows that open below themselves (a company's contacts or components) */
  expandable?: TableProps<T>['expandable'];
  /** shown when no row matches */
  emptyText?: string;
  /** checkboxes for an action on chosen rows (devices: bind, value-added) */
  rowSelection?: TableProps<T>['rowSelection'];
}

const ROW_HEIGHT = 39;

// The one list of the console (issue #3): filters and sort in the URL, server keyset pages fetched as the
// user scrolls, antd's virtual body so only the visible rows are in the DOM, and exports of the same list.
export function DataTable<T extends object>(props: DataTableProps<T>) {
  const { t } = useI18n();
  const { ns = '', height = 560, pageSize = 100, virtual = true, testId } = props;
  const defaults = useMemo(() => props.defaults ?? {}, [props.defaults]);
  const { params, set } = useListSearch(ns, defaults);
  const { filters, fixed } = props;
  // Only this list's own keys reach the server: another widget on the screen may keep its own in the URL.
  const query = useMemo(() => {
    const own = new Set(['sort', ...Object.keys(defaults)]);
    for (const f of filters ?? []) {
      if (f.kind === 'dates') own.add('from').add('to');
      else own.add(f.key);
    }
    return { ...Object.fromEntries(Object.entries(params).filter(([k]) => own.has(k))), ...fixed };
  }, [params, defaults, filters, fixed]);
  const list = useInfiniteQuery({
    queryKey: [...props.queryKey, 'list', query],
    queryFn: ({ pageParam }) =>
      api.get<Page<T>>(props.resource, { ...query, limit: pageSize, after: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const more = () => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  };
  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    if (el.scrollHeight - el.scrollTop - el.clientHeight < ROW_HEIGHT * 10) more();
  };
  // A first page shorter than the viewport gives nothing to scroll; fetch on until it is full.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `more` reads the same flags
  useEffect(() => {
    if (rows.length * ROW_HEIGHT < height) more();
  }, [rows.length, height, hasNextPage, isFetchingNextPage]);
  const table = useRef<GetRef<typeof Table>>(null);
  const key = JSON.stringify(query);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter or sort starts at the top
  useEffect(() => table.current?.scrollTo?.({ top: 0 }), [key]);

  const sort = params.sort;
  const columns = props.columns.map(({ sortKey, ...c }) =>
    sortKey
      ? {
          ...c,
          key: sortKey,
          sorter: true,
          // Repeating 'descend' keeps a header click from dropping back to an unsorted state.
          sortDirections: ['descend', 'ascend', 'descend'] as ('descend' | 'ascend')[],
          sortOrder:
            sort === sortKey ? ('ascend' as const) : sort === `-${sortKey}` ? ('descend' as const) : null,
        }
      : c,
  );
  const exportHref = props.exportResource
    ? `/api/v1${props.exportResource}?${new URLSearchParams(
        Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined),
      ).toString()}`
    : undefined;
  const status = list.isPending
    ? t('lists.loading')
    : `${t('lists.loaded', { n: rows.length })} · ${
        isFetchingNextPage ? t('lists.loading') : hasNextPage ? t('lists.more') : t('lists.all')
      }`;

  return (
    <div>
      {filters && (
        <DataTableFilters
          filters={filters}
          params={params}
          set={set}
          exportHref={exportHref}
          testId={testId}
        />
      )}
      <ProblemAlert error={list.error} />
      <Table<T>
        ref={table}
        size="small"
        rowKey={props.rowKey}
        loading={list.isPending}
        dataSource={rows}
        columns={columns}
        pagination={false}
        virtual={virtual}
        // The virtual body needs a numeric width; plain rows fit the card.
        scroll={virtual ? { x: props.columns.reduce((s, c) => s + c.width, 0), y: height } : { y: height }}
        onScroll={onScroll}
        onRow={props.onRow}
        expandable={props.expandable}
        rowSelection={props.rowSelection}
        locale={props.emptyText ? { emptyText: props.emptyText } : undefined}
        onChange={(_p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const k = typeof s?.columnKey === 'string' ? s.columnKey : undefined;
          set({ sort: s?.order && k ? (s.order === 'descend' ? `-${k}` : k) : defaults.sort });
        }}
        data-testid={testId}
        data-loaded={rows.length}
        data-complete={!list.isPending && !hasNextPage}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`${testId}-status`}>
        {status}
      </Typography.Text>
    </div>
  );
}
