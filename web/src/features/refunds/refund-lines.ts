import type { RequestDetail } from '../../api/types';

/** A refund line as the request detail and the preview answer it. */
export type RefundLineNamed = RequestDetail['refundLines'][number];

/** The plan's name in the user's language, else its id (answers from before names were added). */
export const planLabel = (
  l: RefundLineNamed,
  pick: (text: { zh: string; en: string | null }) => string,
): string => (l.planName ? pick(l.planName) : (l.planId ?? ''));
