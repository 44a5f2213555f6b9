import type { ServiceDraft } from '../service-draft.js';
import { DateField } from './DateField.js';
import { CheckField, TextField } from './Field.js';

type Set = (patch: Partial<ServiceDraft>) => void;

/** The official fee in kip, whether it is only a sample, and the decree that sets it. */
export function FeeFields({ draft, set }: { draft: ServiceDraft; set: Set }) {
  const ref = draft.ref;
  return (
    <fieldset className="fields fieldset">
      <div className="field-pair">
        <TextField
          label="console.service.fee"
          path="service.feeLak"
          inputMode="numeric"
          value={draft.fee}
          onChange={(fee) => set({ fee: fee.replace(/[^\d,]/g, '') })}
        />
        <CheckField
          label="console.service.feeIsSample"
          path="service.feeIsSample"
          checked={draft.feeIsSample}
          onChange={(feeIsSample) => set({ feeIsSample })}
        />
      </div>
      <div className="field-pair">
        <TextField
          label="console.service.refLo"
          path="service.feeRef.lo"
          lang="lo"
          value={ref.lo}
          onChange={(lo) => set({ ref: { ...ref, lo } })}
        />
        <TextField
          label="console.service.refEn"
          path="service.feeRef.en"
          lang="en"
          value={ref.en}
          onChange={(en) => set({ ref: { ...ref, en } })}
        />
      </div>
      <DateField
        label="console.service.refDate"
        hint={draft.feeIsSample ? 'console.service.refOptional' : 'console.service.refRequired'}
        path="service.feeRef"
        value={ref.date}
        onChange={(date) => set({ ref: { ...ref, date } })}
      />
    </fieldset>
  );
}
