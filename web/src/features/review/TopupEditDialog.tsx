import { Form, Input, Select } from 'antd';
import { api } from '../../api/client';
import type { ReviewRequest } from '../../api/types';
import { useI18n } from '../../i18n';
import { FormModal } from '../admin/form-kit';

interface Values {
  payer: string;
  currency: 'CNY' | 'USD';
  amount: string;
  bankRef: string;
}

/**
 * R25: the filer corrects a draft or returned top-up in place (PATCH /topups/{id}); resubmitting is a
 * separate step, so the corrected application can be read once more before it goes back to finance.
 */
export function TopupEditDialog({
  request,
  onClose,
  onSaved,
}: {
  request: ReviewRequest & { topup: NonNullable<ReviewRequest['topup']> };
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const { topup } = request;
  return (
    <FormModal<Values, undefined>
      title={t('requestFiler.editTopup')}
      testId="topup-edit"
      okText={t('requestFiler.save')}
      initialValues={{
        payer: topup.payer,
        currency: topup.currency === 'USD' ? 'USD' : 'CNY',
        amount: topup.amount,
        bankRef: topup.bankRef,
      }}
      shownFields={['payer', 'currency', 'amount', 'bankRef']}
      submit={(v) =>
        api.patch<undefined>(`/topups/${request.id}`, {
          payer: v.payer,
          currency: v.currency,
          amount: v.amount.trim(),
          bankRef: v.bankRef,
        })
      }
      onDone={onSaved}
      onClose={onClose}
    >
      {(status) => (
        <>
          <Form.Item name="payer" label={t('topups.payer')} required {...status('payer')}>
            <Input data-testid="topup-edit-payer" />
          </Form.Item>
          <Form.Item name="currency" label={t('common.currency')} required {...status('currency')}>
            <Select options={[{ value: 'CNY' }, { value: 'USD' }]} />
          </Form.Item>
          <Form.Item name="amount" label={t('common.amount')} required {...status('amount')}>
            <Input inputMode="decimal" data-testid="topup-edit-amount" />
          </Form.Item>
          <Form.Item name="bankRef" label={t('topups.bankRef')} required {...status('bankRef')}>
            <Input data-testid="topup-edit-bankref" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
