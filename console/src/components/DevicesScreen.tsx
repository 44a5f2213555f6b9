import { useEffect, useState } from 'react';
import { formatTime } from '../../../shared/i18n/calendar.js';
import { t } from '../../../shared/i18n/index.js';
import type { DeviceView } from '../../../shared/protocol.js';
import { loadDevices, renameDevice, revokeDevice, useDevicesStore } from '../device-actions.js';
import { useCanEdit, useConsoleStore } from '../store.js';
import { PairDeviceCard } from './PairDeviceCard.js';

/** The list refreshes this often while it is on screen: who is connected changes by itself. */
const REFRESH_MS = 10_000;

function LastSeen({ device }: { device: DeviceView }) {
  const lang = useConsoleStore((s) => s.lang);
  const timeZone = useConsoleStore((s) => s.config?.centre.timeZone ?? 'Asia/Vientiane');
  if (device.lastSeenAt === null) return <>{t(lang, 'console.devices.neverSeen')}</>;
  const where = device.lastAddress ? ` · ${device.lastAddress}` : '';
  return <>{`${formatTime(device.lastSeenAt, timeZone)}${where}`}</>;
}

function RenameForm({ device }: { device: DeviceView }) {
  const lang = useConsoleStore((s) => s.lang);
  const [name, setName] = useState(device.name);
  return (
    <form
      className="device-rename"
      onSubmit={(e) => {
        e.preventDefault();
        void renameDevice(device, name);
      }}
    >
      <input name="device.rename" value={name} onChange={(e) => setName(e.target.value)} />
      <button type="submit" className="button button--primary">
        {t(lang, 'console.save')}
      </button>
      <button
        type="button"
        className="button"
        onClick={() => useDevicesStore.setState({ renaming: null })}
      >
        {t(lang, 'console.cancel')}
      </button>
    </form>
  );
}

function DeviceActions({ device }: { device: DeviceView }) {
  const lang = useConsoleStore((s) => s.lang);
  const canEdit = useCanEdit();
  if (!canEdit || device.revokedAt !== null) return null;
  return (
    <span className="device-actions">
      <button
        type="button"
        className="button"
        onClick={() => useDevicesStore.setState({ renaming: device.id })}
      >
        {t(lang, 'console.devices.rename')}
      </button>
      <button
        type="button"
        className="button button--danger"
        onClick={() => {
          if (window.confirm(t(lang, 'console.devices.revokeAsk', { name: device.name }))) {
            void revokeDevice(device);
          }
        }}
      >
        {t(lang, 'console.devices.revoke')}
      </button>
    </span>
  );
}

function DeviceRow({ device }: { device: DeviceView }) {
  const lang = useConsoleStore((s) => s.lang);
  const renaming = useDevicesStore((s) => s.renaming === device.id);
  const state = device.revokedAt !== null ? 'revoked' : device.connected ? 'connected' : 'offline';
  return (
    <tr data-testid={`device-${device.id}`} data-state={state}>
      <td>{renaming ? <RenameForm device={device} /> : device.name}</td>
      <td>{t(lang, `role.${device.role}`)}</td>
      <td>
        <span className={`mark mark--${state}`}>{t(lang, `console.devices.${state}`)}</span>
      </td>
      <td>
        <LastSeen device={device} />
      </td>
      <td>{device.appVersion ?? '—'}</td>
      <td>{renaming ? null : <DeviceActions device={device} />}</td>
    </tr>
  );
}

export function DevicesScreen() {
  const lang = useConsoleStore((s) => s.lang);
  const devices = useDevicesStore((s) => s.devices);
  useEffect(() => {
    void loadDevices();
    const timer = setInterval(() => void loadDevices(), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  return (
    <div className="devices">
      <PairDeviceCard />
      <section className="card">
        <h2>{t(lang, 'console.nav.devices')}</h2>
        <table className="table devices__table" data-testid="device-list">
          <thead>
            <tr>
              <th>{t(lang, 'console.devices.name')}</th>
              <th>{t(lang, 'console.devices.role')}</th>
              <th>{t(lang, 'console.devices.state')}</th>
              <th>{t(lang, 'console.devices.lastSeen')}</th>
              <th>{t(lang, 'console.devices.version')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(devices ?? []).map((d) => (
              <DeviceRow key={d.id} device={d} />
            ))}
          </tbody>
        </table>
        {devices?.length === 0 ? <p className="hint">{t(lang, 'console.devices.none')}</p> : null}
      </section>
    </div>
  );
}
