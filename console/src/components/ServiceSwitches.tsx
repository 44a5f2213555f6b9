import type { ServiceDraft } from '../service-draft.js';
import { CheckField, TextField } from './Field.js';

/** The queue's rules: target wait, daily cap, order, priority question, open or not. */
export function ServiceSwitches({
  draft,
  set,
}: {
  draft: ServiceDraft;
  set: (patch: Partial<ServiceDraft>) => void;
}) {
  const numeric = (v: string) => v.replace(/\D/g, '');
  return (
    <fieldset className="fields fieldset">
      <div className="field-trio">
        <TextField
          label="console.service.targetMinutes"
          path="service.targetMinutes"
          inputMode="numeric"
          value={draft.targetMinutes}
          onChange={(v) => set({ targetMinutes: numeric(v) })}
        />
        <TextField
          label="console.service.dailyCap"
          hint="console.service.dailyCapHint"
          path="service.dailyCap"
          inputMode="numeric"
          value={draft.dailyCap}
          onChange={(v) => set({ dailyCap: numeric(v) })}
        />
        <TextField
          label="console.sort"
          path="service.sort"
          inputMode="numeric"
          value={draft.sort}
          onChange={(v) => set({ sort: numeric(v) })}
        />
      </div>
      <div className="checks">
        <CheckField
          label="console.service.asksPriority"
          path="service.asksPriority"
          checked={draft.asksPriority}
          onChange={(asksPriority) => set({ asksPriority })}
        />
        <CheckField
          label="console.service.open"
          path="service.open"
          checked={draft.open}
          onChange={(open) => set({ open })}
        />
      </div>
    </fieldset>
  );
}
