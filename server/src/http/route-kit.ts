import { z } from '@hono/zod-openapi';
import type { ZodType } from 'zod';

// Shared pieces of every module's route table: error answers, id params, JSON bodies and answers.
export const Problem = z
  .object({ code: z.string(), message: z.object({ zh: z.string(), en: z.string() }) })
  .passthrough();
const problemOf = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: Problem } },
});

export const errors = {
  401: problemOf('Not signed in'),
  403: problemOf('Role not allowed'),
  404: problemOf('Not found or out of scope'),
  409: problemOf('State conflict'),
  422: problemOf('Invalid or refused, with field errors and fixes'),
};

export const IdParam = z.object({ id: z.string().min(3).max(64) });

export const jsonBody = <T extends ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

export const ok = <T extends ZodType>(schema: T, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});

/** A list export takes the list's own filters plus `format` (R39): `Filters.extend(FORMAT)`. */
export const FORMAT = { format: z.enum(['csv', 'xlsx']).default('csv') };

export const fileAnswer = {
  200: {
    description: 'CSV (UTF-8 with BOM) or XLSX file',
    content: {
      'text/csv': { schema: z.string() },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() },
    },
  },
  ...errors,
};
