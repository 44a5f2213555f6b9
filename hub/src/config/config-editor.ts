/**
 * Editing the centre's configuration from the console. Each save checks the
 * domain's rules the schema cannot (a unique prefix or counter number, a
 * ministry or service that exists, a real time zone, the version it was made
 * on), then writes in ONE transaction through `Commits`: the row with its
 * version bumped, its `config_audit` row, a fee-history row when the fee or
 * its reference changed. The configuration in force is reloaded inside that
 * transaction, so the `config-changed` it publishes carries the new state to
 * every kiosk and display.
 */
import type { Commits } from '../changes/commits.js';
import { changeOf, type Change } from '../changes/change.js';
import { duplicate, HubError, notFound } from '../hub-error.js';
import type { Audit } from './audit.js';
import type { CentreConfig as ConfigInForce, ConfigSource } from './config.js';
import type { ConfigStore } from './config-store.js';
import type { FeeHistory } from './fee-history.js';
import type { CheckedLogo } from './logo-image.js';
import { assertTimeZone } from '../../../shared/domain/numbering.js';
import type {
  CentreConfig,
  CentreInput,
  CounterConfig,
  CounterInput,
  FeeChange,
  MinistryConfig,
  ServiceConfig,
  ServiceInput,
} from '../../../shared/protocol.js';

export interface ConfigEditor {
  saveMinistry(byId: number, m: MinistryConfigInput, version: number | null): MinistryConfig;
  saveService(byId: number, s: ServiceInput, version: number | null): ServiceConfig;
  saveCounter(byId: number, c: CounterInput, version: number | null): CounterConfig;
  saveCentre(byId: number, c: CentreInput, version: number): CentreConfig;
  /** Sets (a checked picture) or removes (null) the logo; the centre's version moves on. */
  saveCentreLogo(byId: number, logo: CheckedLogo | null, version: number): CentreConfig;
  feeHistory(serviceId: string): FeeChange[];
  /** Re-reads the configuration and tells every client (after a change made elsewhere). */
  reload(): void;
}

type MinistryConfigInput = Omit<MinistryConfig, 'version'>;

export interface EditorDeps {
  commits: Commits;
  config: ConfigSource;
  store: ConfigStore;
  audit: Audit;
  fees: FeeHistory;
}

/** Everything changed: the lists in a `config-changed` are complete (apply-event.ts). */
export const configChanged = (c: ConfigInForce): Change =>
  changeOf('config-changed', {
    serviceIds: [...c.services.keys()],
    counterIds: [...c.counters.keys()],
  });

const missing = (path: string, what: string) =>
  new HubError('not-found', `${what} does not exist`, undefined, {
    fields: [{ path, issue: 'not-found' }],
  });

/**
 * Create (version null: the id must be new) or update (the row must exist at `version`).
 * `idPath` names the id's field for a duplicate.
 */
function checkVersioned(
  audit: Audit,
  target: { entity: string; id: string; idPath: string },
  before: { version: number } | null,
  version: number | null,
) {
  if (version === null) {
    if (before) throw duplicate(target.idPath, `The ${target.entity} id ${target.id}`);
    return;
  }
  if (!before) throw notFound(`The ${target.entity} ${target.id}`);
  audit.checkVersion(target.entity, target.id, before.version, version);
}

function checkService(store: ConfigStore, s: ServiceInput) {
  if (!store.ministry(s.ministryId)) throw missing('service.ministryId', 'That ministry');
  const holder = store.serviceWithPrefix(s.prefix);
  if (holder !== null && holder !== s.id) throw duplicate('service.prefix', 'That prefix');
}

function checkCounter(store: ConfigStore, c: CounterInput) {
  const holder = store.counterWithNumber(c.number);
  if (holder !== null && holder !== c.id) throw duplicate('counter.number', 'That counter number');
  c.services.forEach((id, i) => {
    if (!store.service(id)) throw missing(`counter.services.${i}`, `The service ${id}`);
    if (c.services.indexOf(id) !== i) throw duplicate(`counter.services.${i}`, `The service ${id}`);
  });
}

function checkCentre(c: CentreInput) {
  try {
    assertTimeZone(c.timeZone);
  } catch {
    throw new HubError('invalid-request', `${c.timeZone} is not a time zone`, undefined, {
      fields: [{ path: 'centre.timeZone', issue: 'invalid-time-zone' }],
    });
  }
}

/** One transaction: the write, then the configuration in force, published as one change. */
export function editInForce<T>(
  { commits, config }: Pick<EditorDeps, 'commits' | 'config'>,
  work: () => T,
): T {
  try {
    return commits.run(() => {
      const data = work();
      return { data, changes: [configChanged(config.reload())] };
    });
  } catch (err) {
    config.reload(); // a rolled-back edit must not stay in force
    throw err;
  }
}

export function createConfigEditor(deps: EditorDeps): ConfigEditor {
  const { commits, config, store, audit, fees } = deps;
  const edit = <T>(work: () => T): T => editInForce(deps, work);
  const record = (byId: number, entity: string, id: string, before: unknown, after: unknown) =>
    audit.record({
      staffId: byId,
      entity,
      entityId: id,
      action: before === null ? 'create' : 'update',
      before,
      after,
    });
  const found = <T>(row: T | null): T => {
    if (row === null) throw new Error('a row just written is missing');
    return row;
  };

  return {
    ...ministryAndService({ ...deps, edit, record, found }),
    ...counterAndCentre({ ...deps, edit, record, found }),
    feeHistory: (serviceId) => {
      if (!store.service(serviceId)) throw notFound(`The service ${serviceId}`);
      return fees.list(serviceId);
    },
    reload: () => commits.announce([configChanged(config.reload())]),
  };
}

interface SaveDeps extends EditorDeps {
  edit: <T>(work: () => T) => T;
  record: (byId: number, entity: string, id: string, before: unknown, after: unknown) => void;
  found: <T>(row: T | null) => T;
}

function ministryAndService(deps: SaveDeps): Pick<ConfigEditor, 'saveMinistry' | 'saveService'> {
  const { store, audit, fees, edit, record, found } = deps;
  return {
    saveMinistry: (byId, m, version) =>
      edit(() => {
        const before = store.ministry(m.id);
        checkVersioned(
          audit,
          { entity: 'ministry', id: m.id, idPath: 'ministry.id' },
          before,
          version,
        );
        store.writeMinistry(m);
        const after = found(store.ministry(m.id));
        record(byId, 'ministry', m.id, before, after);
        return after;
      }),
    saveService: (byId, s, version) =>
      edit(() => {
        const before = store.service(s.id);
        checkVersioned(
          audit,
          { entity: 'service', id: s.id, idPath: 'service.id' },
          before,
          version,
        );
        checkService(store, s);
        store.writeService(s);
        fees.record(byId, before, s);
        const after = found(store.service(s.id));
        record(byId, 'service', s.id, before, after);
        return after;
      }),
  };
}

function counterAndCentre(
  deps: SaveDeps,
): Pick<ConfigEditor, 'saveCounter' | 'saveCentre' | 'saveCentreLogo'> {
  const { store, audit, edit, record, found } = deps;
  const centreEdit = (byId: number, version: number, write: () => void) =>
    edit(() => {
      const before = store.centre();
      if (!before) throw notFound('The centre');
      audit.checkVersion('centre', '1', before.version, version);
      write();
      const after = found(store.centre());
      record(byId, 'centre', '1', before, after);
      return after;
    });
  return {
    saveCounter: (byId, c, version) =>
      edit(() => {
        const before = c.id === undefined ? null : store.counter(c.id);
        if (c.id !== undefined && !before) throw notFound(`Counter ${c.id}`);
        const target = { entity: 'counter', id: String(c.id ?? ''), idPath: 'counter.id' };
        checkVersioned(audit, target, before, before ? (version ?? 0) : null);
        checkCounter(store, c);
        const id = store.writeCounter(c);
        const after = found(store.counter(id));
        record(byId, 'counter', String(id), before, after);
        return after;
      }),
    saveCentre: (byId, c, version) =>
      centreEdit(byId, version, () => {
        checkCentre(c);
        store.writeCentre(c);
      }),
    // The audit row names the picture by its address (its hash), not by its bytes.
    saveCentreLogo: (byId, logo, version) => centreEdit(byId, version, () => store.writeLogo(logo)),
  };
}
