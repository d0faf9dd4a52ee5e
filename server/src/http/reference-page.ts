// A self-contained API reference (no CDN: the console may run offline): every operation grouped by tag,
// with its summary, parameters and request body fields, generated from the same OpenAPI document.
interface Op {
  summary?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: {
    content?: Record<string, { schema?: { properties?: Record<string, unknown>; required?: string[] } }>;
  };
}
interface Doc {
  info: { title: string; version: string };
  paths?: object;
}

const esc = (s: string) => s.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);

export function referencePage(doc: Doc): string {
  const byTag = new Map<string, string[]>();
  for (const [path, ops] of Object.entries(doc.paths ?? {}) as [string, Record<string, Op>][]) {
    for (const [method, op] of Object.entries(ops)) {
      const schema = op.requestBody?.content?.['application/json']?.schema;
      const fields = Object.keys(schema?.properties ?? {}).map((f) =>
        schema?.required?.includes(f) ? `<b>${esc(f)}</b>` : esc(f),
      );
      const params = (op.parameters ?? []).map((p) => `${esc(p.name)} <i>(${esc(p.in)})</i>`);
      const row =
        `<tr><td class="m ${method}">${method.toUpperCase()}</td><td><code>${esc(path)}</code></td><td>${esc(op.summary ?? '')}</td>` +
        `<td>${[...params, ...fields].join(', ')}</td></tr>`;
      const tag = op.tags?.[0] ?? 'platform';
      byTag.set(tag, [...(byTag.get(tag) ?? []), row]);
    }
  }
  const sections = [...byTag].map(
    ([tag, rows]) =>
      `<h2>${esc(tag)}</h2><table><tr><th></th><th>path</th><th>summary</th><th>parameters / body (<b>required</b>)</th></tr>${rows.join('')}</table>`,
  );
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>${esc(doc.info.title)}</title>
<style>body{font:14px system-ui,sans-serif;margin:2em;max-width:1200px}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}.m{font-weight:600}.get{color:#1677ff}
.post{color:#389e0d}.put,.patch{color:#d48806}.delete{color:#cf1322}</style>
<h1>Kaidan API / 开单接口 <small>${esc(doc.info.version)}</small></h1>
<p>REST under <code>/api/v1</code>. Every POST takes an <code>Idempotency-Key</code>. Errors are
<code>application/problem+json</code> with <code>code</code>, <code>message.zh</code>/<code>message.en</code>, <code>fields</code> and <code>fixes</code>.
Machine-readable: <a href="/openapi.json">OpenAPI 3.1</a>.</p>${sections.join('')}</html>`;
}
