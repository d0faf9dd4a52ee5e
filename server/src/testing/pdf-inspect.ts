import { inflateSync } from 'node:zlib';

// Just enough PDF reading for tests (no PDF library is installed): the objects and their streams, the
// embedded fonts, each font's ToUnicode map, and the text the content streams draw, decoded through it.

export interface PdfObject {
  num: number;
  dict: string;
  stream: Buffer | null;
}

export function pdfObjects(pdf: Buffer): PdfObject[] {
  const text = pdf.toString('latin1');
  const out: PdfObject[] = [];
  const re = /(\d+) 0 obj\s*(<<[\s\S]*?>>)?\s*(stream\r?\n)?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const dict = m[2] ?? '';
    let stream: Buffer | null = null;
    if (m[3]) {
      const start = m.index + m[0].length;
      const end = text.indexOf('endstream', start);
      let raw = pdf.subarray(start, end);
      while (raw.length > 0 && (raw[raw.length - 1] === 0x0a || raw[raw.length - 1] === 0x0d))
        raw = raw.subarray(0, raw.length - 1);
      stream = dict.includes('/FlateDecode') ? inflateSync(raw) : raw;
      re.lastIndex = end;
    }
    out.push({ num: Number(m[1]), dict, stream });
  }
  return out;
}

/** code (hex, as in the content stream) → Unicode text, from every ToUnicode CMap in the file. */
export function toUnicodeMaps(objects: readonly PdfObject[]): Map<string, string> {
  const map = new Map<string, string>();
  const hexText = (h: string) => {
    let s = '';
    for (let i = 0; i + 4 <= h.length; i += 4)
      s += String.fromCharCode(Number.parseInt(h.slice(i, i + 4), 16));
    return s;
  };
  for (const o of objects) {
    const cmap = o.stream?.toString('latin1') ?? '';
    if (!cmap.includes('begincmap')) continue;
    for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
      for (const m of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
        map.set((m[1] ?? '').toLowerCase(), hexText(m[2] ?? ''));
    for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const m of (block[1] ?? '').matchAll(
        /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g,
      )) {
        const lo = Number.parseInt(m[1] ?? '0', 16);
        const hi = Number.parseInt(m[2] ?? '0', 16);
        const width = (m[1] ?? '').length;
        const dst = m[3] ?? '';
        const list = dst.startsWith('[')
          ? [...dst.matchAll(/<([0-9a-fA-F]+)>/g)].map((x) => x[1] ?? '')
          : null;
        for (let c = lo; c <= hi; c++) {
          const key = c.toString(16).padStart(width, '0');
          if (list) map.set(key, hexText(list[c - lo] ?? ''));
          else {
            const base = Number.parseInt(dst.slice(1, -1), 16);
            map.set(key, String.fromCharCode(base + (c - lo)));
          }
        }
      }
    }
  }
  return map;
}

/** The text the page content streams draw: every hex string of a TJ/Tj decoded through the ToUnicode map. */
export function pdfText(pdf: Buffer): { text: string; fonts: string[]; embedded: boolean } {
  const objects = pdfObjects(pdf);
  const map = toUnicodeMaps(objects);
  let text = '';
  for (const o of objects) {
    const s = o.stream?.toString('latin1') ?? '';
    if (!/\bBT\b/.test(s)) continue;
    for (const op of s.matchAll(/(\[[^\]]*\]|<[0-9a-fA-F]*>)\s*(TJ|Tj)/g)) {
      for (const h of (op[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)) {
        const hex = (h[1] ?? '').toLowerCase();
        for (let i = 0; i + 4 <= hex.length; i += 4) text += map.get(hex.slice(i, i + 4)) ?? '\ufffd';
      }
    }
    text += '\n';
  }
  const fonts = objects.flatMap((o) =>
    [...o.dict.matchAll(/\/BaseFont\s*\/([^\s/>]+)/g)].map((m) => m[1] ?? ''),
  );
  const embedded = objects.some((o) => /\/FontFile[23]?\s+\d+ 0 R/.test(o.dict));
  return { text, fonts: [...new Set(fonts)], embedded };
}
