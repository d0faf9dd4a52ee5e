import { useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback } from 'react';

/** The request whose drawer is open lives in the URL (`?request=req_…`), so a link or a reload opens it. */
export const REQUEST_PARAM = 'request';

export function useOpenRequest(): [string | null, (id: string | null) => void] {
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const navigate = useNavigate();
  const raw = search[REQUEST_PARAM];
  const open = typeof raw === 'string' && raw !== '' ? raw : null;
  const set = useCallback(
    (id: string | null) => {
      void navigate({
        to: '.',
        search: (prev: Record<string, unknown>) => {
          const next = { ...prev };
          if (id) next[REQUEST_PARAM] = id;
          else delete next[REQUEST_PARAM];
          return next;
        },
      });
    },
    [navigate],
  );
  return [open, set];
}
