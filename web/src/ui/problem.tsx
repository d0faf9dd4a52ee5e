import { Alert, type FormItemProps } from 'antd';
import { ApiProblem } from '../api/client';
import { useI18n } from '../i18n';

/**
 * A refusal in the user's language with the server's fixes (R13: the order desk's explanation). Field
 * errors are shown next to their fields by `fieldStatus`, so here we list only the fields no form shows.
 */
export function ProblemAlert({ error, shownFields = [] }: { error: unknown; shownFields?: string[] }) {
  const { t, pick } = useI18n();
  if (!error) return null;
  const p = error instanceof ApiProblem ? error : null;
  const message = p ? pick(p.text) : String(error);
  const other = p?.fields.filter((f) => !shownFields.includes(f.field)) ?? [];
  const fixes = p?.fixes ?? [];
  return (
    <Alert
      type="error"
      showIcon
      data-testid="problem"
      data-code={p?.code}
      message={message}
      description={
        other.length + fixes.length > 0 ? (
          <>
            {other.map((f) => (
              <div key={f.field}>
                {t('problem.field', { field: f.field })} — {pick(f.message)}
              </div>
            ))}
            {fixes.length > 0 && (
              <div data-testid="fixes">
                <strong>{t('problem.fixes')}</strong>
                <ol style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                  {fixes.map((f) => (
                    <li key={f.en}>{pick(f)}</li>
                  ))}
                </ol>
              </div>
            )}
          </>
        ) : undefined
      }
    />
  );
}

/** Form.Item props that put the server's message for `path` (e.g. `lines.0.seats`) under that field. */
export function useFieldStatus(error: unknown) {
  const { pick } = useI18n();
  return (path: string): Pick<FormItemProps, 'validateStatus' | 'help'> => {
    const f = error instanceof ApiProblem ? error.fieldError(path) : undefined;
    return f ? { validateStatus: 'error', help: <span data-field-error={path}>{pick(f.message)}</span> } : {};
  };
}
