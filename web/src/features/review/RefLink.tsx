import { Link } from '@tanstack/react-router';
import { useI18n } from '../../i18n';
import { useLabel } from '../../ui/widgets';
import { navFor, useMe } from '../auth/session';
import { REQUEST_PARAM } from './open-request';

interface Ref {
  refType: string;
  refId: string;
  refNumber: string | null;
}

/**
 * What a hold, ledger line or notification refers to, by its number and linked to it: an order to its
 * detail, a request to the queue with its drawer open. A screen the user does not have stays plain text,
 * and a reference without a number is named by its kind only (an id tells a person nothing).
 */
export function RefLink({ refType, refId, refNumber }: Ref) {
  const label = useLabel();
  const { t } = useI18n();
  const me = useMe();
  const nav = navFor(me.data?.roles ?? []);
  const kind = label('refType', refType);
  if (!refNumber) return <>{kind}</>;
  const title = `${kind} ${refNumber}`;
  if (refType === 'order' && nav.includes('orders'))
    return (
      <Link to="/orders/$id" params={{ id: refId }} title={title}>
        {refNumber}
      </Link>
    );
  if (refType === 'request' && nav.includes('queue'))
    return (
      <Link to="/queue" search={{ [REQUEST_PARAM]: refId }} title={title}>
        {refNumber}
      </Link>
    );
  return <span title={t('wallet.ref')}>{refNumber}</span>;
}
