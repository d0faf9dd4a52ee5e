import { z } from 'zod';
import { IsoDate } from './common';

// The business calendar (R34, issue #12): the admins' overrides in front of chinese-days.
export const DayKind = z.enum(['workday', 'holiday']);

export const CalendarOverrideInput = z.object({
  kind: DayKind,
  /** why: e.g. "2027 国务院安排：春节调休" */
  note: z.string().trim().min(1).max(200),
});

export const CalendarOverride = z.object({
  day: IsoDate,
  kind: DayKind,
  note: z.string(),
  updatedBy: z.string().nullable(),
  updatedByName: z.string().nullable(),
  updatedAt: z.string(),
});

export const CalendarYear = z.object({
  year: z.number().int(),
  /** false: chinese-days has no arrangement for this year; its days count Monday–Friday, provisionally */
  covered: z.boolean(),
  items: z.array(CalendarOverride),
});

export const CalendarYearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const CalendarDayParam = z.object({ day: IsoDate });
