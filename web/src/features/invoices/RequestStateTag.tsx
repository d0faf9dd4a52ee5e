import { Tag } from 'antd';
import { useLabel } from '../../ui/widgets';

const COLOR: Record<string, string> = {
  requested: 'processing',
  issued: 'success',
  withdrawn: 'default',
  refused: 'error',
};

/** An invoice request's state (R29), the same tag in the list and in its drawer. */
export function RequestStateTag({ state, testId }: { state: string; testId?: string }) {
  const label = useLabel();
  return (
    <Tag color={COLOR[state]} data-testid={testId}>
      {label('invoices.state', state)}
    </Tag>
  );
}
