/**
 * The configuration as one file (config-import.ts): export, preview and
 * apply, each for a manager only — the file holds the whole set-up.
 */
import type { Handlers } from '../handler.js';
import type { ConfigTransfer } from './config-import.js';

export function configTransferHandlers(
  transfer: ConfigTransfer,
): Handlers<'config:export' | 'config:import-preview' | 'config:import-apply'> {
  return {
    'config:export': (ctx) => {
      ctx.manager();
      return transfer.exportFile();
    },
    'config:import-preview': (ctx, { file }) => {
      ctx.manager();
      return transfer.preview(file);
    },
    'config:import-apply': (ctx, { file, basisHash }) =>
      transfer.apply(ctx.manager().id, file, basisHash),
  };
}
