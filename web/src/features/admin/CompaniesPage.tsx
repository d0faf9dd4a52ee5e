import { Empty } from 'antd';

// Placeholder until the admin screen lands.
export function CompaniesPage() {
  return <Empty />;
}
