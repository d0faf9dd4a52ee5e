import { useParams } from '@tanstack/react-router';
import { DeviceOrderPage } from './DeviceOrderPage';

export function DeviceOrderRoute() {
  const { id } = useParams({ from: '/renewals/$id' });
  return id ? <DeviceOrderPage id={id} /> : null;
}
