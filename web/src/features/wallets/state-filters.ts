import { useMemo } from 'react';
import { useI18n } from '../../i18n';
import type { FilterSpec } from '../../ui/DataTable';
import { useLabel } from '../../ui/widgets';

/** A top-up list's filters: its own lifecycle's states and the date range. */
export function useStateDateFilters(states: readonly string[]): FilterSpec[] {
  const { t } = useI18n();
  const label = useLabel();
  return useMemo<FilterSpec[]>(
    () => [
      {
        kind: 'select',
        key: 'state',
        placeholder: t('lists.allStates'),
        options: states.map((s) => ({ value: s, label: label('state', s) })),
      },
      { kind: 'dates' },
    ],
    [t, label, states],
  );
}
