/**
 * Exporting the whole configuration, and importing one: a preview that says
 * what would change against which configuration (its basis hash), and an
 * apply that does exactly that in ONE transaction — refused if the
 * configuration moved since the preview — with a fee-history row for every
 * fee change, one `config_audit` row (`import`) per entity changed, versions
 * bumped by the store's writes, and one `config-changed` for every app.
 */
import type { Clock } from '../clock.js';
import type { Commits } from '../changes/commits.js';
import type { Db } from '../db/open.js';
import { HubError } from '../hub-error.js';
import type { Audit } from './audit.js';
import type { ConfigSource } from './config.js';
import { configChanged } from './config-editor.js';
import { diffConfig, heldPrefixes, matchServices, type Planned } from './config-diff.js';
import { basisHashOf, currentBody, fileNameOf, readConfigFile, toFile } from './config-file.js';
import type { ConfigStore } from './config-store.js';
import { createPlanWriter, type Plan } from './config-import-writes.js';
import type { FeeHistory } from './fee-history.js';
import type {
  ConfigExport,
  ConfigImportResult,
  ConfigPreview,
  ConfigUpload,
} from '../../../shared/protocol.js';

export interface TransferDeps {
  db: Db;
  clock: Clock;
  commits: Commits;
  config: ConfigSource;
  store: ConfigStore;
  audit: Audit;
  fees: FeeHistory;
  /** Today's service day, for the file's name. */
  today: () => string;
}

function planOf(deps: TransferDeps, upload: ConfigUpload): Plan {
  const file = readConfigFile(upload);
  const body = currentBody(deps.db, deps.store);
  const match = matchServices(body, file);
  const held = heldPrefixes(body, file, match);
  if (held.length > 0) {
    throw new HubError(
      'conflict',
      'A service missing from the file keeps a ticket letter the file gives another',
      'config-file-invalid',
      { fields: held },
    );
  }
  return { body, file, match, differences: diffConfig({ current: body, file, match }) };
}

const publicDiff = ({ key: _key, ...d }: Planned) => d;

export function createConfigTransfer(deps: TransferDeps) {
  const { db, clock, commits, config, store } = deps;
  const applyPlan = createPlanWriter(deps);

  return {
    exportFile(): ConfigExport {
      const body = currentBody(db, store);
      return { fileName: fileNameOf(body, deps.today()), file: toFile(body, clock.now()) };
    },
    preview(upload: ConfigUpload): ConfigPreview {
      const plan = planOf(deps, upload);
      return {
        basisHash: basisHashOf(plan.body),
        from: { name: plan.file.centre.name, exportedAt: plan.file.exportedAt },
        differences: plan.differences.map(publicDiff),
      };
    },
    apply(staffId: number, upload: ConfigUpload, basisHash: string): ConfigImportResult {
      try {
        return commits.run(() => {
          const plan = planOf(deps, upload);
          if (basisHashOf(plan.body) !== basisHash) {
            throw new HubError(
              'conflict',
              'The configuration changed since this import was previewed: preview it again',
              'config-changed-since-preview',
            );
          }
          const count = (change: Planned['change']) =>
            plan.differences.filter((d) => d.change === change).length;
          const data = {
            added: count('added'),
            changed: count('changed'),
            removed: count('removed'),
          };
          if (plan.differences.length === 0) return { data, changes: [] };
          applyPlan(staffId, plan);
          return { data, changes: [configChanged(config.reload())] };
        });
      } catch (err) {
        config.reload(); // a rolled-back import must not stay in force
        throw err;
      }
    },
  };
}

export type ConfigTransfer = ReturnType<typeof createConfigTransfer>;
