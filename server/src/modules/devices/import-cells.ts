import { Temporal } from 'temporal-polyfill';

// R21: what a spreadsheet cell holds, as Excel, WPS and LibreOffice save it. A date may arrive as a real
// date cell (exceljs gives a Date at UTC midnight), as the bare serial number when the file carries no
// date format, or as text typed in any of the ways people in China write a date. Pure; tested alone.

/** Day 0 of Excel's 1900 date system, counted so that serial 60 (the phantom 1900-02-29) is absorbed. */
const EPOCH = Temporal.PlainDate.from('1899-12-30');
/** Serials from 1900-03-01 to 9999-12-31; anything else is not a date someone meant. */
const SERIAL_MIN = 61;
const SERIAL_MAX = 2_958_465;

const TEXT_DATE = [
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/u,
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/u,
  /^(\d{4})(\d{2})(\d{2})$/u,
];

export type DateCell = { date: string } | { error: 'date_missing' | 'date_invalid' };

const dateOf = (y: number, m: number, d: number): string | null => {
  try {
    return Temporal.PlainDate.from({ year: y, month: m, day: d }, { overflow: 'reject' }).toString();
  } catch {
    return null;
  }
};

export function dateFromSerial(n: number): string | null {
  if (!Number.isFinite(n) || n < SERIAL_MIN || n > SERIAL_MAX) return null;
  return EPOCH.add({ days: Math.floor(n) }).toString();
}

export function dateFromText(raw: string): string | null {
  const s = raw.trim();
  for (const re of TEXT_DATE) {
    const m = re.exec(s);
    if (m) return dateOf(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  // Text that is a serial ("46053") comes from a sheet whose column was formatted as text.
  if (/^\d{5}(\.\d+)?$/u.test(s)) return dateFromSerial(Number(s));
  return null;
}

/** A cell's value reduced to the scalar it shows: formulas give their result, rich text its text. */
export function scalarOf(v: unknown): string | number | boolean | Date | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('result' in v) return scalarOf(v.result);
    if ('richText' in v && Array.isArray(v.richText))
      return v.richText
        .map((r: unknown) => (r && typeof r === 'object' && 'text' in r ? String(r.text) : ''))
        .join('');
    if ('text' in v) return scalarOf(v.text);
    if ('error' in v) return null;
  }
  return null;
}

export function parseDateCell(v: unknown): DateCell {
  const s = scalarOf(v);
  if (s === null || (typeof s === 'string' && s.trim() === '')) return { error: 'date_missing' };
  let date: string | null = null;
  if (s instanceof Date) {
    date = Number.isNaN(s.getTime()) ? null : dateOf(s.getUTCFullYear(), s.getUTCMonth() + 1, s.getUTCDate());
  } else if (typeof s === 'number') date = dateFromSerial(s);
  else if (typeof s === 'string') date = dateFromText(s);
  return date ? { date } : { error: 'date_invalid' };
}

/** What a cell showed, for the report: dates as ISO, numbers without exponent, text trimmed. */
export function textOf(v: unknown): string | null {
  const s = scalarOf(v);
  if (s === null) return null;
  if (s instanceof Date) return Number.isNaN(s.getTime()) ? null : s.toISOString().slice(0, 10);
  if (typeof s === 'number') return Number.isInteger(s) ? s.toFixed(0) : String(s);
  const t = String(s).trim();
  return t === '' ? null : t;
}
