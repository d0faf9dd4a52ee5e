import { useParams } from '@tanstack/react-router';
import { OrderDetailPage } from './OrderDetailPage';

export function OrderDetailRoute() {
  const { id } = useParams({ from: '/orders/$id' });
  return id ? <OrderDetailPage id={id} /> : null;
}
