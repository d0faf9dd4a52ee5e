import { Alert, type FormItemProps } from 'antd';
import { useState } from 'react';
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

/** Form.Item props for one field path; `edited` tells it which fields the user changed since the refusal. */
export interface FieldStatus {
  (path: string): Pick<FormItemProps, 'validateStatus' | 'help'>;
  /** a path (`reason`) or antd's changed values (`{lines: [, {seats: 3}]}`): their errors leave the screen */
  edited: (changed: string | Record<string, unknown>) => void;
}

const plain = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;

/** The field paths of antd's changed values; a list of plain values (a multi-select) is one field. */
function changedPaths(v: unknown, at: string): string[] {
  const under = (k: string) => (at ? `${at}.${k}` : k);
  if (plain(v)) return Object.entries(v).flatMap(([k, x]) => changedPaths(x, under(k)));
  if (Array.isArray(v) && v.some((x) => plain(x) || Array.isArray(x)))
    return v.flatMap((x, i) => (x === undefined ? [] : changedPaths(x, under(String(i)))));
  return at ? [at] : [];
}

/**
 * Form.Item props that put the server's message for `path` (e.g. `lines.0.seats`) under that field,
 * until the user changes that field (or one inside it): a message about a value no longer there misleads.
 * The next refusal starts afresh.
 */
export function useFieldStatus(error: unknown): FieldStatus {
  const { pick } = useI18n();
  const [edited, setEdited] = useState<{ error: unknown; paths: string[] }>({ error: null, paths: [] });
  const gone = edited.error === error ? edited.paths : [];
  const status = (path: string): Pick<FormItemProps, 'validateStatus' | 'help'> => {
    if (gone.some((e) => path === e || path.startsWith(`${e}.`))) return {};
    const f = error instanceof ApiProblem ? error.fieldError(path) : undefined;
    return f ? { validateStatus: 'error', help: <span data-field-error={path}>{pick(f.message)}</span> } : {};
  };
  status.edited = (changed: string | Record<string, unknown>) => {
    const paths = typeof changed === 'string' ? [changed] : changedPaths(changed, '');
    if (!error || paths.length === 0) return;
    setEdited((prev) => ({ error, paths: [...(prev.error === error ? prev.paths : []), ...paths] }));
  };
  return status;
}
