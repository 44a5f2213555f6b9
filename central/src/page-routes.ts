/**
 * The ministry's pages: log in, the national page with its downloads, the fee
 * table (edit a row, import CSV) and the centres (add one, make its
 * enrolment code). Every page but the log-in needs a staff session.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Lang } from '../../shared/i18n/index.js';
import { t } from '../../shared/i18n/index.js';
import type { Centres } from './centres.js';
import { CentreInputSchema } from './centres.js';
import { CentralError } from './central-error.js';
import type { Fees } from './fees.js';
import { NationalFeeSchema } from './fees.js';
import { cookie, readBody, readForm, redirect } from './http-io.js';
import type { National, Range } from './national.js';
import type { Staff, StaffMember } from './staff.js';
import { SESSION_TTL_MS } from './staff.js';
import { addDays, isDay, todayAt } from './days.js';
import { nationalBody, type NationalView } from './national-page.js';
import { nationalCsv, nationalXlsx } from './exports.js';
import { centresBody, feesBody, loginBody, type Flash } from './admin-pages.js';
import { page, type Html } from './page-layout.js';

const SESSION_COOKIE = 'khiu_central';
const require = createRequire(import.meta.url);
const FONTS: Record<string, string> = {
  '/fonts/lao.woff2': '@fontsource/noto-sans-lao/files/noto-sans-lao-lao-400-normal.woff2',
  '/fonts/latin.woff2': '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2',
};

interface Deps {
  centres: Centres;
  fees: Fees;
  national: National;
  staff: Staff;
  now: () => number;
}

const langOf = (url: URL): Lang => (url.searchParams.get('lang') === 'en' ? 'en' : 'lo');

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  extra = {},
) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...extra });
  res.end(body);
}

const HTML = 'text/html; charset=utf-8';

function rangeOf(now: () => number, url: URL): Range {
  const today = todayAt(now());
  const to = isDay(url.searchParams.get('to')) ? (url.searchParams.get('to') ?? today) : today;
  const from = isDay(url.searchParams.get('from'))
    ? (url.searchParams.get('from') ?? addDays(to, -364))
    : addDays(to, -364);
  return from <= to ? { from, to } : { from: to, to: from };
}

async function view({ national, now }: Deps, range: Range): Promise<NationalView> {
  const today = todayAt(now());
  const [c, p, m, s] = await Promise.all([
    national.byCentre(range, today),
    national.byProvince(range, today),
    national.monthly(range),
    national.silent(today),
  ]);
  return { range, centres: c, provinces: p, months: m, silent: s };
}

function render(
  res: ServerResponse,
  url: URL,
  who: StaffMember | null,
  title: Parameters<typeof page>[0]['title'],
  body: Html,
  status = 200,
) {
  const lang = langOf(url);
  send(
    res,
    status,
    HTML,
    page(
      {
        lang,
        title,
        path: url.pathname,
        query: url.searchParams,
        ...(who ? { staffName: who.name } : {}),
      },
      body,
    ),
  );
}

async function login({ staff }: Deps, req: IncomingMessage, res: ServerResponse, url: URL) {
  const lang = langOf(url);
  if (req.method !== 'POST')
    return render(res, url, null, 'central.login.title', loginBody(lang, {}));
  const form = await readForm(req);
  const token = await staff.login(form.get('username') ?? '', form.get('password') ?? '');
  if (!token)
    return render(
      res,
      url,
      null,
      'central.login.title',
      loginBody(lang, { error: t(lang, 'central.login.wrong') }),
      401,
    );
  redirect(res, `/?lang=${lang}`, {
    'set-cookie': `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${SESSION_TTL_MS / 1000}`,
  });
}

async function feesPage(
  { fees, now }: Deps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  who: StaffMember,
  path: string,
) {
  const lang = langOf(url);
  const f: Flash = {};
  if (req.method === 'POST' && path === '/fees') {
    const draft = Object.fromEntries(await readForm(req));
    const parsed = NationalFeeSchema.safeParse(draft);
    if (parsed.success) {
      const version = await fees.save(parsed.data, who.id);
      f.notice = t(lang, 'central.fees.saved', { code: parsed.data.code, version });
    } else {
      f.error = t(lang, 'central.fees.invalid');
      f.fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0])))];
      f.draft = draft;
    }
  } else if (req.method === 'POST' && path === '/fees/import') {
    const body = await readBody(req);
    const csv = (req.headers['content-type'] ?? '').startsWith('text/csv')
      ? body
      : (new URLSearchParams(body).get('csv') ?? '');
    try {
      const done = await fees.importCsv(csv, who.id);
      f.notice = t(lang, 'central.fees.imported', { rows: done.rows, version: done.version });
    } catch (err) {
      if (!(err instanceof CentralError)) throw err;
      f.error = t(lang, 'central.fees.importFailed', { reason: err.message });
    }
  }
  const today = todayAt(now());
  render(
    res,
    url,
    who,
    'central.nav.fees',
    feesBody(lang, await fees.table(), today, f),
    f.error ? 400 : 200,
  );
}

async function centresPage(
  { centres }: Deps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  who: StaffMember,
  path: string,
) {
  const lang = langOf(url);
  const f: Flash & { code?: string; codeFor?: string } = {};
  const codeFor = /^\/centres\/(\d+)\/code$/.exec(path);
  if (req.method === 'POST' && codeFor) {
    const id = Number(codeFor[1]);
    const made = await centres.makeCode(id);
    const centre = (await centres.list()).find((c) => c.id === id);
    f.code = made.code;
    f.codeFor = centre ? (lang === 'lo' ? centre.nameLo : centre.nameEn) : '';
  } else if (req.method === 'POST' && path === '/centres') {
    const parsed = CentreInputSchema.safeParse(Object.fromEntries(await readForm(req)));
    if (!parsed.success) f.error = t(lang, 'central.centres.invalid');
    else {
      try {
        await centres.add(parsed.data);
        f.notice = t(lang, 'central.centres.added', { code: parsed.data.code });
      } catch (err) {
        if (!(err instanceof CentralError)) throw err;
        f.error = t(lang, 'central.centres.exists', { code: parsed.data.code });
      }
    }
  }
  render(
    res,
    url,
    who,
    'central.nav.centres',
    centresBody(lang, await centres.list(), f),
    f.error ? 400 : 200,
  );
}

export function createPageRoutes(deps: Deps) {
  const { staff, now } = deps;
  async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const path = url.pathname;
    const font = FONTS[path];
    if (font) {
      send(res, 200, 'font/woff2', readFileSync(require.resolve(font)), {
        'cache-control': 'max-age=86400',
      });
      return true;
    }
    if (path === '/login') return login(deps, req, res, url).then(() => true);
    const session = cookie(req, SESSION_COOKIE);
    const who = session ? await staff.bySession(session) : null;
    if (!who) {
      redirect(res, `/login?lang=${langOf(url)}`);
      return true;
    }
    const lang = langOf(url);
    if (path === '/logout' && req.method === 'POST') {
      if (session) await staff.logout(session);
      redirect(res, `/login?lang=${lang}`, {
        'set-cookie': `${SESSION_COOKIE}=; Path=/; Max-Age=0`,
      });
    } else if (path === '/' && req.method === 'GET') {
      render(
        res,
        url,
        who,
        'central.nav.national',
        nationalBody(await view(deps, rangeOf(now, url)), lang),
      );
    } else if (path === '/national.csv') {
      const range = rangeOf(now, url);
      send(res, 200, 'text/csv; charset=utf-8', nationalCsv(await view(deps, range), lang), {
        'content-disposition': `attachment; filename="khiu-national-${range.from}-${range.to}.csv"`,
      });
    } else if (path === '/national.xlsx') {
      const range = rangeOf(now, url);
      send(
        res,
        200,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        await nationalXlsx(await view(deps, range), lang),
        {
          'content-disposition': `attachment; filename="khiu-national-${range.from}-${range.to}.xlsx"`,
        },
      );
    } else if (path === '/fees' || path === '/fees/import')
      await feesPage(deps, req, res, url, who, path);
    else if (path === '/centres' || /^\/centres\/\d+\/code$/.test(path))
      await centresPage(deps, req, res, url, who, path);
    else return false;
    return true;
  }

  return { handle };
}
