/**
 * What importing a file would change, entity by entity and field by field,
 * against the configuration in force. The same plan is shown in the preview
 * and carried out by the import (config-import.ts), so what a manager reads
 * is what happens: services are matched by id, else by ticket letter;
 * ministries by id; counters by number; holidays by day. A service missing
 * from the file is closed (never deleted: tickets name it), a counter
 * deactivated, a holiday removed; a ministry missing from the file stays.
 */
import type { ConfigBody } from './config-file.js';
import type {
  CounterInput,
  DiffEntity,
  DiffField,
  DiffValue,
  EntityDiff,
  FieldDiff,
  FieldError,
  KhiuConfig,
  Localized,
  ServiceInput,
} from '../../../shared/protocol.js';

/** One difference and the key of its row here (a local service id, a counter number, a day). */
export interface Planned extends EntityDiff {
  key: string;
}

/** How an entity's references read: a ministry's name, a service's name by its id here. */
interface Names {
  ministry(id: string): Localized;
  service(id: string): Localized;
}

interface FieldSpec<T> {
  field: DiffField;
  raw: (x: T) => unknown;
  view: (x: T, names: Names) => DiffValue;
}

const text = (v: string | null): DiffValue =>
  v === null || v === '' ? { type: 'none' } : { type: 'text', value: v };
const spec = <T>(
  field: DiffField,
  raw: (x: T) => unknown,
  view: (x: T, names: Names) => DiffValue,
): FieldSpec<T> => ({ field, raw, view });
const textSpec = <T>(field: DiffField, get: (x: T) => string | null) =>
  spec<T>(field, get, (x) => text(get(x)));
const nameSpecs = <T extends { name: Localized }>(): FieldSpec<T>[] => [
  textSpec('name.lo', (x) => x.name.lo),
  textSpec('name.en', (x) => x.name.en),
];
const flag = <T>(field: DiffField, get: (x: T) => boolean) =>
  spec<T>(field, get, (x) => ({ type: 'flag', value: get(x) }));
const sortSpec = <T extends { sort: number }>() =>
  spec<T>(
    'sort',
    (x) => x.sort,
    (x) => ({ type: 'number', value: x.sort }),
  );

type Centre = ConfigBody['centre'];
const CENTRE: FieldSpec<Centre>[] = [
  ...nameSpecs<Centre>(),
  textSpec('province.lo', (c) => c.province.lo),
  textSpec('province.en', (c) => c.province.en),
  textSpec('district.lo', (c) => c.district.lo),
  textSpec('district.en', (c) => c.district.en),
  textSpec('address.lo', (c) => c.address.lo),
  textSpec('address.en', (c) => c.address.en),
  textSpec('timeZone', (c) => c.timeZone),
  textSpec('publicUrl', (c) => c.publicUrl),
  spec(
    'priorityEvery',
    (c) => c.priorityEvery,
    (c) => ({ type: 'number', value: c.priorityEvery }),
  ),
  spec(
    'notices',
    (c) => c.notices,
    // Each notice with the days it is up, so a change of dates shows too.
    (c) => ({
      type: 'names',
      value: c.notices.map(({ text, startsOn, endsOn }) => {
        const days = startsOn || endsOn ? ` (${startsOn ?? '…'} – ${endsOn ?? '…'})` : '';
        return { lo: `${text.lo}${days}`, en: `${text.en}${days}` };
      }),
    }),
  ),
];

type Ministry = ConfigBody['ministries'][number];
const MINISTRY: FieldSpec<Ministry>[] = [...nameSpecs<Ministry>(), sortSpec<Ministry>()];

const SERVICE: FieldSpec<ServiceInput>[] = [
  ...nameSpecs<ServiceInput>(),
  spec(
    'ministry',
    (s) => s.ministryId,
    (s, n) => ({ type: 'name', value: n.ministry(s.ministryId) }),
  ),
  textSpec('prefix', (s) => s.prefix),
  spec(
    'feeLak',
    (s) => s.feeLak,
    (s) => ({ type: 'kip', value: s.feeLak }),
  ),
  flag('feeIsSample', (s) => s.feeIsSample),
  spec(
    'feeRef',
    (s) => s.feeRef,
    (s) => (s.feeRef === null ? { type: 'none' } : { type: 'feeRef', value: s.feeRef }),
  ),
  spec(
    'documents.lo',
    (s) => s.documents.lo,
    (s) => ({ type: 'lines', value: s.documents.lo }),
  ),
  spec(
    'documents.en',
    (s) => s.documents.en,
    (s) => ({ type: 'lines', value: s.documents.en }),
  ),
  spec(
    'targetMinutes',
    (s) => s.targetMinutes,
    (s) => ({ type: 'minutes', value: s.targetMinutes }),
  ),
  spec(
    'dailyCap',
    (s) => s.dailyCap,
    (s) => ({ type: 'cap', value: s.dailyCap }),
  ),
  spec(
    'hours',
    (s) => s.hours,
    (s) => ({ type: 'hours', value: s.hours }),
  ),
  flag('asksPriority', (s) => s.asksPriority),
  flag('open', (s) => s.open),
  sortSpec<ServiceInput>(),
];

type Counter = Omit<CounterInput, 'id'>;
const COUNTER: FieldSpec<Counter>[] = [
  ...nameSpecs<Counter>(),
  spec(
    'services',
    (c) => c.services,
    (c, n) => ({ type: 'names', value: c.services.map((id) => n.service(id)) }),
  ),
  flag('active', (c) => c.active),
];

type Holiday = ConfigBody['holidays'][number];
const HOLIDAY: FieldSpec<Holiday>[] = nameSpecs<Holiday>();

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function fieldsOf<T>(specs: FieldSpec<T>[], old: T, oldNames: Names, next: T, newNames: Names) {
  return specs
    .filter((s) => !same(s.raw(old), s.raw(next)))
    .map((s): FieldDiff => ({
      field: s.field,
      old: s.view(old, oldNames),
      new: s.view(next, newNames),
    }));
}

/** File service id → the id it has here: the same id, else the unmatched service with its letter. */
export function matchServices(current: ConfigBody, file: KhiuConfig): Map<string, string> {
  const here = new Map(current.services.map((s) => [s.id, s]));
  const inFile = new Set(file.services.map((s) => s.id));
  const byPrefix = new Map(
    current.services.filter((s) => !inFile.has(s.id)).map((s) => [s.prefix, s.id]),
  );
  return new Map(
    file.services.map((s) => [s.id, here.has(s.id) ? s.id : (byPrefix.get(s.prefix) ?? s.id)]),
  );
}

/**
 * A letter the file gives one service that a service here, missing from the file, keeps (it is
 * closed, not deleted): the file cannot be applied as it is.
 */
export function heldPrefixes(
  current: ConfigBody,
  file: KhiuConfig,
  match: Map<string, string>,
): FieldError[] {
  const matched = new Set(match.values());
  const kept = new Set(current.services.filter((s) => !matched.has(s.id)).map((s) => s.prefix));
  return file.services.flatMap((s, i) =>
    kept.has(s.prefix) ? [{ path: `services.${i}.prefix`, issue: 'prefix-held' }] : [],
  );
}

interface Sides {
  current: ConfigBody;
  file: KhiuConfig;
  match: Map<string, string>;
}

function namesOf(body: Pick<ConfigBody, 'ministries' | 'services'>, ids: (id: string) => string) {
  const ministries = new Map(body.ministries.map((m) => [m.id, m.name]));
  const services = new Map(body.services.map((s) => [ids(s.id), s.name]));
  const unknown = (id: string): Localized => ({ lo: id, en: id });
  return {
    ministry: (id: string) => ministries.get(id) ?? unknown(id),
    service: (id: string) => services.get(id) ?? unknown(id),
  } satisfies Names;
}

/** Added and changed entries of one kind, then (with `removal`) those missing from the file. */
function diffList<T extends { name: Localized }>(
  entity: DiffEntity,
  specs: FieldSpec<T>[],
  lists: { here: T[]; file: T[]; key: (x: T) => string; tag: (x: T) => string },
  names: { old: Names; new: Names },
  removal?: (x: T) => T | null,
): Planned[] {
  const here = new Map(lists.here.map((x) => [lists.key(x), x]));
  const fileKeys = new Set(lists.file.map(lists.key));
  const out: Planned[] = [];
  for (const next of lists.file) {
    const key = lists.key(next);
    const old = here.get(key);
    const base = { entity, key, tag: lists.tag(next), name: next.name };
    if (!old) out.push({ ...base, change: 'added', fields: [] });
    else {
      const fields = fieldsOf(specs, old, names.old, next, names.new);
      if (fields.length > 0) out.push({ ...base, change: 'changed', fields });
    }
  }
  for (const old of lists.here) {
    const key = lists.key(old);
    if (fileKeys.has(key) || !removal) continue;
    const after = removal(old);
    if (after === null) continue;
    out.push({
      entity,
      key,
      tag: lists.tag(old),
      name: old.name,
      change: 'removed',
      fields: fieldsOf(specs, old, names.old, after, names.old),
    });
  }
  return out;
}

/** The file's counters and services with the ids they have here. */
export function localised({ file, match }: Pick<Sides, 'file' | 'match'>) {
  const id = (fileId: string) => match.get(fileId) ?? fileId;
  return {
    services: file.services.map((s) => ({ ...s, id: id(s.id) })),
    counters: file.counters.map((c) => ({ ...c, services: c.services.map(id) })),
  };
}

export function diffConfig(sides: Sides): Planned[] {
  const { current, file, match } = sides;
  const local = localised(sides);
  const n = { old: namesOf(current, (id) => id), new: namesOf(file, (id) => match.get(id) ?? id) };
  const centreFields = fieldsOf(CENTRE, current.centre, n.old, file.centre, n.new);
  const centre: Planned[] =
    centreFields.length === 0
      ? []
      : [
          {
            entity: 'centre',
            key: '1',
            tag: '',
            name: file.centre.name,
            change: 'changed',
            fields: centreFields,
          },
        ];
  const byId = (x: { id: string }) => x.id;
  return [
    ...centre,
    ...diffList(
      'ministry',
      MINISTRY,
      { here: current.ministries, file: file.ministries, key: byId, tag: byId },
      n,
    ),
    ...diffList(
      'service',
      SERVICE,
      { here: current.services, file: local.services, key: byId, tag: (s) => s.prefix },
      n,
      (s) => (s.open ? { ...s, open: false } : null),
    ),
    ...diffList(
      'counter',
      COUNTER,
      {
        here: current.counters,
        file: local.counters,
        key: (c) => String(c.number),
        tag: (c) => String(c.number),
      },
      n,
      (c) => (c.active ? { ...c, active: false } : null),
    ),
    ...diffList(
      'holiday',
      HOLIDAY,
      { here: current.holidays, file: file.holidays, key: (h) => h.day, tag: (h) => h.day },
      n,
      (h) => h,
    ),
  ];
}
