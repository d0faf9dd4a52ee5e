import { Empty } from 'antd';

// Placeholder until the admin screen lands.
export function PartnersPage() {
  return <Empty />;
}
