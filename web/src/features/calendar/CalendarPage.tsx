import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import type { CalendarOverride, CalendarYear, DayKind } from '../../api/types';
import { useI18n } from '../../i18n';
import { ProblemAlert } from '../../ui/problem';
import { DateText } from '../../ui/widgets';
import { FormModal } from '../admin/form-kit';

const KINDS: DayKind[] = ['workday', 'holiday'];
const KIND_COLOR: Record<DayKind, string> = { workday: 'blue', holiday: 'green' };

/** The server's year (Asia/Shanghai), so a moved test clock opens on the year it lives in. */
function useServerYear(): number | undefined {
  const health = useQuery({
    queryKey: ['health'],
    queryFn: () => api.get<{ now: string }>('/health'),
    retry: false,
  });
  const now = health.data?.now;
  if (!now) return undefined;
  return Number(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date(now)),
  );
}

/**
 * R34 (issue #12): the admins' business-calendar overrides, a year at a time. They come before the
 * official arrangement (chinese-days); a year the package does not cover is said so, since its deadlines
 * are provisional estimates over Monday–Friday.
 */
export function CalendarPage() {
  const serverYear = useServerYear();
  const [picked, setPicked] = useState<number | undefined>();
  const year = picked ?? serverYear;
  if (year === undefined) return null;
  return <CalendarYearCard year={year} onYear={setPicked} />;
}

function CalendarYearCard({ year, onYear }: { year: number; onYear: (y: number) => void }) {
  const { t, locale } = useI18n();
  const qc = useQueryClient();
  const [adding, setAdding] = useState(false);
  const key = ['calendar', year] as const;
  const list = useQuery({
    queryKey: key,
    queryFn: () => api.get<CalendarYear>('/calendar/overrides', { year }),
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['calendar'] });
  const remove = useMutation({
    mutationFn: (day: string) => api.del<undefined>(`/calendar/overrides/${day}`),
    onSuccess: refresh,
  });
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const years = [year - 1, year, year + 1, year + 2];
  return (
    <Card
      size="small"
      title={t('calendar.title')}
      extra={
        <Space>
          <Select
            value={year}
            onChange={onYear}
            options={years.map((y) => ({ value: y, label: String(y) }))}
            aria-label={t('calendar.year')}
            data-testid="calendar-year"
            style={{ width: 100 }}
          />
          <Button type="primary" onClick={() => setAdding(true)} data-testid="calendar-add">
            {t('calendar.add')}
          </Button>
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }} size={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('calendar.hint')}
        </Typography.Paragraph>
        {list.data && !list.data.covered && (
          <Alert
            type="warning"
            showIcon
            message={t('calendar.uncovered', { year })}
            data-testid="calendar-uncovered"
          />
        )}
        <ProblemAlert error={list.error ?? remove.error} />
        <Table<CalendarOverride>
          size="small"
          rowKey={(o) => o.day}
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('calendar.empty') }}
          data-testid="calendar-list"
          columns={[
            { title: t('calendar.day'), dataIndex: 'day', width: 120 },
            {
              title: t('calendar.weekday'),
              width: 80,
              render: (_, o) => weekday.format(new Date(`${o.day}T00:00:00Z`)),
            },
            {
              title: t('calendar.kind'),
              width: 160,
              render: (_, o) => <Tag color={KIND_COLOR[o.kind]}>{t(`calendar.kind.${o.kind}`)}</Tag>,
            },
            { title: t('calendar.note'), dataIndex: 'note', ellipsis: true },
            { title: t('calendar.updatedBy'), width: 120, render: (_, o) => o.updatedByName ?? '—' },
            {
              title: t('calendar.updatedAt'),
              width: 150,
              render: (_, o) => <DateText value={o.updatedAt} />,
            },
            {
              title: t('common.actions'),
              width: 90,
              render: (_, o) => (
                <Popconfirm
                  title={t('calendar.removeConfirm', { day: o.day })}
                  onConfirm={() => remove.mutate(o.day)}
                  okText={t('calendar.remove')}
                  cancelText={t('common.cancel')}
                >
                  <Button type="link" size="small" danger data-testid={`calendar-remove-${o.day}`}>
                    {t('calendar.remove')}
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      </Space>
      {adding && <OverrideForm onClose={() => setAdding(false)} onDone={refresh} />}
    </Card>
  );
}

interface Values {
  day: string;
  kind: DayKind;
  note: string;
}

/** One day declared a workday or a holiday; a day already overridden is replaced (the server audits both). */
function OverrideForm({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <FormModal<Values, CalendarOverride>
      title={t('calendar.add')}
      testId="calendar-form"
      initialValues={{ kind: 'holiday' }}
      shownFields={['day', 'kind', 'note']}
      // An empty date would change the address itself; the server names the field either way.
      submit={(v) =>
        api.put<CalendarOverride>(`/calendar/overrides/${v.day || '-'}`, { kind: v.kind, note: v.note ?? '' })
      }
      onClose={onClose}
      onDone={() => {
        onDone();
        onClose();
      }}
    >
      {(status) => (
        <>
          <Form.Item name="day" label={t('calendar.day')} required {...status('day')}>
            <Input type="date" data-testid="calendar-day" />
          </Form.Item>
          <Form.Item name="kind" label={t('calendar.kind')} required {...status('kind')}>
            <Select
              data-testid="calendar-kind"
              options={KINDS.map((k) => ({ value: k, label: t(`calendar.kind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="note"
            label={t('calendar.note')}
            extra={t('calendar.noteHint')}
            required
            {...status('note')}
          >
            <Input data-testid="calendar-note" maxLength={200} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
