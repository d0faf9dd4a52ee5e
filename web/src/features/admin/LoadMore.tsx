import { Button } from 'antd';
import { useI18n } from '../../i18n';

/** The "more" button under a keyset-paginated list. */
export function LoadMore({
  list,
}: {
  list: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> };
}) {
  const { t } = useI18n();
  if (!list.hasNextPage) return null;
  return (
    <Button
      block
      type="dashed"
      style={{ marginTop: 8 }}
      loading={list.isFetchingNextPage}
      onClick={() => void list.fetchNextPage()}
    >
      {t('admin.loadMore')}
    </Button>
  );
}
