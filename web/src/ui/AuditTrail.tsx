import { Table } from 'antd';
import type { AuditEntry } from '../api/types';
import { useI18n } from '../i18n';
import { DateText, useLabel } from './widgets';

/** R40: who did what, when, through which channel, with the state before and after and the reason. */
export function AuditTrail({ trail }: { trail: AuditEntry[] }) {
  const { t } = useI18n();
  const label = useLabel();
  const state = (s: string | null) => (s ? label('state', s) : '∅');
  return (
    <Table<AuditEntry>
      size="small"
      pagination={false}
      rowKey={(r, i) => `${r.at}-${i}`}
      dataSource={trail}
      data-testid="audit-trail"
      columns={[
        { title: t('audit.at'), dataIndex: 'at', render: (v: string) => <DateText value={v} />, width: 150 },
        {
          title: t('audit.action'),
          dataIndex: 'action',
          render: (a: string) => <span style={{ whiteSpace: 'nowrap' }}>{label('desk.action', a)}</span>,
        },
        {
          title: t('audit.actor'),
          render: (_, r) => {
            const who = r.actorName ?? r.actorId;
            return `${label('desk.actor', r.actorKind)}${who ? ` · ${who}` : ''}`;
          },
        },
        { title: t('audit.channel'), dataIndex: 'channel', render: (c: string) => label('desk.via', c) },
        {
          title: t('audit.state'),
          render: (_, r) =>
            r.stateBefore || r.stateAfter ? `${state(r.stateBefore)} → ${state(r.stateAfter)}` : '',
        },
        { title: t('common.reason'), dataIndex: 'reason' },
      ]}
    />
  );
}
