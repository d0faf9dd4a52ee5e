import { Button, DatePicker, Input, Select, Space, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import type { ListParams } from './use-list-search';

export type FilterSpec =
  | { kind: 'text'; key: string; placeholder: string; width?: number }
  | {
      kind: 'select';
      key: string;
      placeholder: string;
      options: { value: string; label: string }[];
      width?: number;
    }
  /** business dates `from` and `to` (Asia/Shanghai), both inclusive */
  | { kind: 'dates' }
  | { kind: 'switch'; key: string; label: string };

interface Props {
  filters: FilterSpec[];
  params: ListParams;
  set: (patch: ListParams) => void;
  /** the file URL without `format`, or none when the list has no export */
  exportHref?: string | undefined;
  testId: string;
}

/** Search box, pickers and export buttons; every change goes to the URL through `set`. */
export function DataTableFilters({ filters, params, set, exportHref, testId }: Props) {
  const { t } = useI18n();
  const sep = exportHref?.includes('?') ? '&' : '?';
  const any = filters.some((f) =>
    f.kind === 'dates' ? params.from || params.to : f.kind !== 'switch' && params[f.key],
  );
  return (
    <Space wrap size={8} style={{ marginBottom: 8 }} data-testid={`${testId}-filters`}>
      {filters.map((f) => {
        if (f.kind === 'text') return <TextFilter key={f.key} spec={f} value={params[f.key]} set={set} />;
        if (f.kind === 'select')
          return (
            <Select
              key={f.key}
              allowClear
              size="small"
              style={{ width: f.width ?? 140 }}
              placeholder={f.placeholder}
              value={params[f.key] ?? null}
              options={f.options}
              onChange={(v: string | undefined) => set({ [f.key]: v ?? undefined })}
              data-testid={`filter-${f.key}`}
            />
          );
        if (f.kind === 'switch')
          return (
            <Space key={f.key} size={4}>
              <Switch
                size="small"
                checked={params[f.key] === 'true'}
                onChange={(on) => set({ [f.key]: on ? 'true' : undefined })}
                data-testid={`filter-${f.key}`}
              />
              <Typography.Text>{f.label}</Typography.Text>
            </Space>
          );
        return (
          <DatePicker.RangePicker
            key="dates"
            size="small"
            allowEmpty={[true, true]}
            placeholder={[t('lists.from'), t('lists.to')]}
            value={[params.from ? dayjs(params.from) : null, params.to ? dayjs(params.to) : null]}
            onChange={(v) => set({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
            data-testid="filter-dates"
          />
        );
      })}
      {any && (
        <Button
          size="small"
          type="link"
          onClick={() =>
            set(
              Object.fromEntries(
                filters
                  .flatMap((f) => (f.kind === 'dates' ? ['from', 'to'] : [f.key]))
                  .map((k) => [k, undefined]),
              ),
            )
          }
        >
          {t('lists.reset')}
        </Button>
      )}
      {exportHref && (
        <>
          <Button size="small" href={`${exportHref}${sep}format=csv`} download data-testid={`${testId}-csv`}>
            {t('lists.exportCsv')}
          </Button>
          <Button
            size="small"
            href={`${exportHref}${sep}format=xlsx`}
            download
            data-testid={`${testId}-xlsx`}
          >
            {t('lists.exportXlsx')}
          </Button>
        </>
      )}
    </Space>
  );
}

/** Typing updates the box at once and the URL (and so the query) once the user pauses. */
function TextFilter({
  spec,
  value,
  set,
}: {
  spec: Extract<FilterSpec, { kind: 'text' }>;
  value: string | undefined;
  set: (patch: ListParams) => void;
}) {
  const [text, setText] = useState(value ?? '');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // What we last wrote to the URL: only a change from elsewhere (reset, back button) replaces the box,
  // so a URL update arriving while the user keeps typing never eats their keystrokes.
  const pushed = useRef(value ?? '');
  useEffect(() => {
    if ((value ?? '') === pushed.current) return;
    pushed.current = value ?? '';
    setText(value ?? '');
  }, [value]);
  useEffect(() => () => clearTimeout(timer.current), []);
  const push = (v: string, delay: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      pushed.current = v.trim();
      set({ [spec.key]: v.trim() || undefined });
    }, delay);
  };
  return (
    <Input.Search
      allowClear
      size="small"
      style={{ width: spec.width ?? 240 }}
      placeholder={spec.placeholder}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        push(e.target.value, 350);
      }}
      onSearch={(v) => push(v, 0)}
      data-testid={`filter-${spec.key}`}
    />
  );
}
