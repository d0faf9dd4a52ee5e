import { Empty } from 'antd';

// Placeholder until the dashboard screen lands.
export function DashboardPage() {
  return <Empty />;
}
