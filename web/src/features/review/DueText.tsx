import { Tag, Tooltip } from 'antd';
import type { ReviewRequest } from '../../api/types';
import { useI18n } from '../../i18n';
import { DateText } from '../../ui/widgets';

/**
 * R34: a request's deadline with what it means — provisional when it counts days of a year the business
 * calendar does not cover (estimated Monday–Friday), overdue once passed while the request is open.
 */
export function DueText({ r }: { r: Pick<ReviewRequest, 'dueAt' | 'dueProvisional' | 'overdue'> }) {
  const { t } = useI18n();
  return (
    <>
      <DateText value={r.dueAt} />{' '}
      {r.dueAt && r.dueProvisional && (
        <Tooltip title={t('queue.provisionalHint')}>
          <Tag color="orange" data-testid="due-provisional">
            {t('queue.provisional')}
          </Tag>
        </Tooltip>
      )}
      {r.overdue && <Tag color="red">{t('queue.overdue')}</Tag>}
    </>
  );
}
