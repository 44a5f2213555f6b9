import type { CentreInput } from '../../../shared/protocol.js';
import { NameFields, TextField } from './Field.js';

export const DEFAULT_TIME_ZONE = 'Asia/Vientiane';

/** A blank centre for the wizard: the address phones reach the hub by is where this page came from. */
export function blankCentre(): CentreInput {
  const empty = { lo: '', en: '' };
  return {
    name: empty,
    province: empty,
    district: empty,
    address: empty,
    timeZone: DEFAULT_TIME_ZONE,
    publicUrl: window.location.origin,
  };
}

/** The centre's names, place, time zone and public address; in the wizard and on the Centre screen. */
export function CentreFields({
  value,
  onChange,
}: {
  value: CentreInput;
  onChange: (value: CentreInput) => void;
}) {
  const set =
    <K extends keyof CentreInput>(key: K) =>
    (v: CentreInput[K]) =>
      onChange({ ...value, [key]: v });
  return (
    <div className="fields">
      <NameFields
        label={{ lo: 'console.centre.nameLo', en: 'console.centre.nameEn' }}
        path="centre.name"
        value={value.name}
        onChange={set('name')}
      />
      <NameFields
        label={{ lo: 'console.centre.provinceLo', en: 'console.centre.provinceEn' }}
        path="centre.province"
        value={value.province}
        onChange={set('province')}
      />
      <NameFields
        label={{ lo: 'console.centre.districtLo', en: 'console.centre.districtEn' }}
        path="centre.district"
        value={value.district}
        onChange={set('district')}
      />
      <NameFields
        label={{ lo: 'console.centre.addressLo', en: 'console.centre.addressEn' }}
        path="centre.address"
        value={value.address}
        onChange={set('address')}
      />
      <div className="field-pair">
        <TextField
          label="console.centre.timeZone"
          path="centre.timeZone"
          value={value.timeZone}
          onChange={set('timeZone')}
        />
        <TextField
          label="console.centre.publicUrl"
          hint="console.centre.publicUrlHint"
          path="centre.publicUrl"
          type="url"
          value={value.publicUrl ?? ''}
          onChange={(v) => set('publicUrl')(v.trim() === '' ? null : v.trim())}
        />
      </div>
    </div>
  );
}
