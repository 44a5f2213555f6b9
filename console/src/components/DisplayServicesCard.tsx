/**
 * Which services each paired hall display shows: ticked ones only, or every
 * service when none is ticked. Its calls and counters follow (display
 * shown.ts). Only a manager changes it.
 */
import { useEffect, useState } from 'react';
import { t } from '../../../shared/i18n/index.js';
import type { DeviceView } from '../../../shared/protocol.js';
import { loadDevices, useDevicesStore } from '../device-actions.js';
import { saveDisplayServices } from '../hall-actions.js';
import { useCanEdit, useConsoleStore } from '../store.js';
import { FieldMessage } from './Field.js';

function DisplayForm({ device }: { device: DeviceView }) {
  const lang = useConsoleStore((s) => s.lang);
  const services = useConsoleStore((s) => s.config?.services ?? []);
  const canEdit = useCanEdit();
  const [chosen, setChosen] = useState(new Set(device.serviceIds));
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (!next.delete(id)) next.add(id);
    setChosen(next);
  };
  return (
    <form
      className="display-services"
      data-testid={`display-${device.id}`}
      onSubmit={(e) => {
        e.preventDefault();
        void saveDisplayServices(
          device,
          services.map((s) => s.id).filter((id) => chosen.has(id)),
        );
      }}
    >
      <h3>
        {device.name}{' '}
        <span className="hint">
          {chosen.size === 0
            ? t(lang, 'console.hall.allServices')
            : t(lang, 'console.hall.someServices', { count: chosen.size })}
        </span>
      </h3>
      <fieldset disabled={!canEdit} className="display-services__list">
        {services.map((s) => (
          <label key={s.id} className="check">
            <input
              type="checkbox"
              name={`shows.${s.id}`}
              checked={chosen.has(s.id)}
              onChange={() => toggle(s.id)}
            />
            <span>{`${s.prefix} · ${s.name[lang]}`}</span>
          </label>
        ))}
      </fieldset>
      <FieldMessage path="serviceIds" />
      {canEdit ? (
        <button type="submit" className="button button--primary">
          {t(lang, 'console.save')}
        </button>
      ) : null}
    </form>
  );
}

export function DisplayServicesCard() {
  const lang = useConsoleStore((s) => s.lang);
  const devices = useDevicesStore((s) => s.devices);
  useEffect(() => void loadDevices(), []);
  const displays = (devices ?? []).filter((d) => d.role === 'display' && d.revokedAt === null);
  return (
    <section className="card" data-testid="display-services">
      <h2>{t(lang, 'console.hall.displays')}</h2>
      <p className="hint">{t(lang, 'console.hall.displaysHint')}</p>
      {devices !== null && displays.length === 0 ? (
        <p className="hint">{t(lang, 'console.hall.noDisplays')}</p>
      ) : null}
      {displays.map((d) => (
        <DisplayForm key={`${d.id}-${d.version}`} device={d} />
      ))}
    </section>
  );
}
