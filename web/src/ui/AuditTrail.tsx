import { Table } from 'antd';
import type { AuditEntry } from '../api/types';
import { useI18n } from '../i18n';
import { DateText } from './widgets';

/** R40: who did what, when, through which channel, with the state before and after and the reason. */
export function AuditTrail({ trail }: { trail: AuditEntry[] }) {
  const { t } = useI18n();
  return (
    <Table<AuditEntry>
      size="small"
      pagination={false}
      rowKey={(r, i) => `${r.at}-${i}`}
      dataSource={trail}
      data-testid="audit-trail"
      columns={[
        { title: t('audit.at'), dataIndex: 'at', render: (v: string) => <DateText value={v} />, width: 150 },
        { title: t('audit.action'), dataIndex: 'action' },
        { title: t('audit.actor'), render: (_, r) => `${r.actorKind}${r.actorId ? ` · ${r.actorId}` : ''}` },
        { title: t('audit.channel'), dataIndex: 'channel' },
        {
          title: t('audit.state'),
          render: (_, r) =>
            r.stateBefore || r.stateAfter ? `${r.stateBefore ?? '∅'} → ${r.stateAfter ?? '∅'}` : '',
        },
        { title: t('common.reason'), dataIndex: 'reason' },
      ]}
    />
  );
}
