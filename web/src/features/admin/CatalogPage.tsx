import { Empty } from 'antd';

// Placeholder until the admin screen lands.
export function CatalogPage() {
  return <Empty />;
}
