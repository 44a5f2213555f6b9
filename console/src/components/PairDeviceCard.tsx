import { useState } from 'react';
import { formatTime } from '../../../shared/i18n/calendar.js';
import { t } from '../../../shared/i18n/index.js';
import { DEVICE_ROLES, DeviceRoleSchema, type DeviceRole } from '../../../shared/protocol.js';
import { makePairCode, useDevicesStore } from '../device-actions.js';
import { useCanEdit, useConsoleStore } from '../store.js';

/** The code just made: large, with where to type it and until when. */
function CodePanel() {
  const lang = useConsoleStore((s) => s.lang);
  const timeZone = useConsoleStore((s) => s.config?.centre.timeZone ?? 'Asia/Vientiane');
  const code = useDevicesStore((s) => s.code);
  if (!code) return null;
  return (
    <div className="pair-code" role="status" data-testid="pair-code">
      <p>
        {t(lang, 'console.devices.codeFor', {
          name: code.name,
          role: t(lang, `role.${code.role}`),
        })}
      </p>
      <p className="pair-code__digits" data-testid="pair-code-value">
        {code.code}
      </p>
      <p className="hint">
        {t(lang, 'console.devices.codeHint', { until: formatTime(code.expiresAt, timeZone) })}
      </p>
      <button
        type="button"
        className="button"
        onClick={() => useDevicesStore.setState({ code: null })}
      >
        {t(lang, 'console.devices.codeDone')}
      </button>
    </div>
  );
}

/** Pair a device: choose its role, name it, and get the code to type at /pair on it. */
export function PairDeviceCard() {
  const lang = useConsoleStore((s) => s.lang);
  const canEdit = useCanEdit();
  const [role, setRole] = useState<DeviceRole>('kiosk');
  const [name, setName] = useState('');
  if (!canEdit) return null;
  return (
    <section className="card pair-device" aria-labelledby="pair-device-title">
      <h2 id="pair-device-title">{t(lang, 'console.devices.pairTitle')}</h2>
      <form
        className="pair-device__form"
        onSubmit={(e) => {
          e.preventDefault();
          void makePairCode(role, name);
        }}
      >
        <label>
          {t(lang, 'console.devices.role')}
          <select
            name="device.role"
            value={role}
            onChange={(e) => setRole(DeviceRoleSchema.catch(role).parse(e.target.value))}
          >
            {DEVICE_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(lang, `role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t(lang, 'console.devices.name')}
          <input name="device.name" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit" className="button button--primary">
          {t(lang, 'console.devices.makeCode')}
        </button>
      </form>
      <CodePanel />
    </section>
  );
}
