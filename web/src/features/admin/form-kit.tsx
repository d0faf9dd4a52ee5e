import { useMutation } from '@tanstack/react-query';
import { Form, type FormInstance, Modal } from 'antd';
import type { ReactNode } from 'react';
import { ApiProblem } from '../../api/client';
import { useI18n } from '../../i18n';
import { type FieldStatus, ProblemAlert, useFieldStatus } from '../../ui/problem';

export type { FieldStatus };

interface FormModalProps<V, R> {
  title: string;
  testId: string;
  initialValues?: Partial<V>;
  /** Field paths the form shows; the server's errors for any other path are listed in the alert. */
  shownFields: string[] | ((values: V) => string[]);
  submit: (values: V) => Promise<R>;
  onDone: (result: R) => void;
  onClose: () => void;
  okText?: string;
  width?: number;
  children: (status: FieldStatus, values: V, form: FormInstance<V>) => ReactNode;
}

/**
 * A modal form whose refusals come from the server: each field error under its field (R6) until that field
 * is changed, the rest and the fixes in one alert. No client-side rules, so the user reads the server's own
 * words; fields the server requires carry antd's `required` mark.
 */
export function FormModal<V extends object, R>(p: FormModalProps<V, R>) {
  const { t } = useI18n();
  const [form] = Form.useForm<V>();
  const save = useMutation({ mutationFn: p.submit, onSuccess: p.onDone });
  const status = useFieldStatus(save.error);
  const values = (Form.useWatch([], form) ?? {}) as V;
  const shown = typeof p.shownFields === 'function' ? p.shownFields(values) : p.shownFields;
  // When every refusal already sits under its field and there is no fix to offer, a summary only repeats it.
  const e = save.error;
  const onlyFields =
    e instanceof ApiProblem &&
    e.fields.length > 0 &&
    e.fixes.length === 0 &&
    e.fields.every((f) => shown.includes(f.field));
  return (
    <Modal
      open
      title={p.title}
      width={p.width ?? 560}
      onCancel={p.onClose}
      onOk={() => form.submit()}
      okText={p.okText ?? t('common.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': `${p.testId}-submit` } as Record<string, string>}
      destroyOnHidden
    >
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={p.initialValues}
        onFinish={(v) => save.mutate({ ...(p.initialValues ?? {}), ...v } as V)}
        onValuesChange={(changed: Record<string, unknown>) => status.edited(changed)}
        data-testid={p.testId}
      >
        {p.children(status, values, form)}
        {!onlyFields && <ProblemAlert error={save.error} shownFields={shown} />}
      </Form>
    </Modal>
  );
}

/** Optional text as the server reads it: blank means "none". */
export const orNull = (v: string | null | undefined): string | null => (v?.trim() ? v.trim() : null);
