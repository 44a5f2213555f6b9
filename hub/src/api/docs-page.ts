/**
 * `GET /api/v1/docs`: the OpenAPI document as a page a person reads, drawn
 * on the hub from the document itself (no script, nothing from the
 * internet: the centre is offline). The page's own words are in Lao and
 * English (`?lang=en`); the operations' summaries are the document's.
 */
import { en } from '../../../shared/i18n/en.js';
import { t, type MessageKey } from '../../../shared/i18n/index.js';
import type { Lang } from '../../../shared/protocol.js';
import { API_DOCS_PATH, OPENAPI_PATH } from './paths.js';

interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; description?: string }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
}

interface Document {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
  webhooks?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const REF = /^#\/components\/schemas\/(\w+)$/;

/** A schema: a link to its shape when it is one of the named ones, else the JSON itself. */
function code(v: unknown): string {
  const ref = typeof v === 'object' && v !== null && '$ref' in v ? String(v.$ref) : '';
  const name = REF.exec(ref)?.[1];
  if (name) return ` → <a href="#schema-${name}"><code>${name}</code></a>`;
  return `<pre>${escape(JSON.stringify(v, null, 2))}</pre>`;
}

function who(op: Operation, lang: Lang): string {
  const needs = op.security?.flatMap((s) => Object.values(s).flat()) ?? [];
  const open = op.security?.some((s) => Object.keys(s).length === 0) ?? false;
  if (needs.length === 0) return t(lang, 'api.docs.noToken');
  const scope = needs.join(', ');
  return t(lang, open ? 'api.docs.openOrScope' : 'api.docs.scope', { scope });
}

/** The page says what an operation does in the reader's language; the document, in English. */
function titleOf(op: Operation, key: string, lang: Lang): string {
  return Object.hasOwn(en, key) ? t(lang, key as MessageKey) : (op.summary ?? '');
}

function operation(method: string, path: string, op: Operation, lang: Lang, key: string): string {
  const body = op.requestBody?.content['application/json']?.schema;
  const params = (op.parameters ?? [])
    .map(
      (p) =>
        `<li><code>${escape(p.name)}</code> (${escape(p.in)}) ${escape(p.description ?? '')}</li>`,
    )
    .join('');
  const answers = Object.entries(op.responses)
    .map(([status, r]) => {
      const schema = r.content?.['application/json']?.schema;
      return `<li><b>${escape(status)}</b> ${escape(r.description)}${schema ? code(schema) : ''}</li>`;
    })
    .join('');
  return `<section class="op">
<h3><span class="method">${method.toUpperCase()}</span> <code>${escape(path)}</code></h3>
<p>${escape(titleOf(op, key, lang))}</p>${op.description ? `<p>${escape(op.description)}</p>` : ''}
<p class="who">${escape(who(op, lang))}</p>
${params ? `<h4>${t(lang, 'api.docs.parameters')}</h4><ul>${params}</ul>` : ''}
${body ? `<h4>${t(lang, 'api.docs.body')}</h4>${code(body)}` : ''}
<h4>${t(lang, 'api.docs.answers')}</h4><ul>${answers}</ul>
</section>`;
}

const STYLE = `body{font-family:"Noto Sans Lao","Noto Sans",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b2430;line-height:1.5}
pre{background:#f2f4f7;padding:.6rem;overflow:auto;font-size:.8rem;max-height:24rem}
.op{border-top:1px solid #ccd3dc;padding-top:.5rem}.method{background:#1d4f91;color:#fff;padding:0 .4rem;border-radius:.2rem}
.who{color:#5a6472}nav a{margin-right:1rem}`;

/** `document` is what openapi.ts built: only the parts read here are named. */
export function apiDocsPage(document: unknown, lang: Lang): string {
  const doc = document as Document;
  const ops = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) =>
      operation(method, `/api/v1${path}`, op, lang, `api.op.${op.operationId ?? ''}`),
    ),
  );
  const hooks = Object.entries(doc.webhooks ?? {}).flatMap(([name, item]) =>
    Object.entries(item).map(([method, op]) =>
      operation(method, name, op, lang, `console.webhooks.event.${name}`),
    ),
  );
  const schemas = Object.entries(doc.components?.schemas ?? {})
    .map(([name, s]) => `<h3 id="schema-${escape(name)}">${escape(name)}</h3>${code(s)}`)
    .join('');
  const other: Lang = lang === 'lo' ? 'en' : 'lo';
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escape(t(lang, 'api.docs.title'))}</title><style>${STYLE}</style></head>
<body data-testid="api-docs">
<nav><a href="${API_DOCS_PATH}?lang=${other}" lang="${other}">${t(other, `lang.${other}`)}</a>
<a href="${OPENAPI_PATH}">${t(lang, 'api.docs.document')}</a></nav>
<h1>${escape(t(lang, 'api.docs.title'))} <small>${escape(doc.info.version)}</small></h1>
<p>${escape(t(lang, 'api.docs.intro'))}</p>
<h2>${t(lang, 'api.docs.operations')}</h2>${ops.join('\n')}
<h2>${t(lang, 'api.docs.webhooks')}</h2><p>${escape(t(lang, 'api.docs.webhooksIntro'))}</p>${hooks.join('\n')}
<h2>${t(lang, 'api.docs.schemas')}</h2>${schemas}
</body></html>`;
}
