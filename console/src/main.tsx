import '../../shared/ui/base.css';
import './console.css';
import './devices.css';
import './printers.css';
import './integrations.css';
import './transfer.css';
import './reports.css';
import './central.css';
import { loadFontsOrLog, renderRoot } from '../../shared/ui/mount.js';
import { App } from './App.js';
import { loadConfig } from './config-actions.js';
import { startConnection } from './connection.js';
import { floorChanged, useFloorStore } from './floor-actions.js';
import { restoreSession } from './session.js';
import { useConsoleStore } from './store.js';

void loadFontsOrLog().then((ready) => ready && useConsoleStore.setState({ fontsReady: true }));
void startConnection({
  onConnect: () => void restoreSession(),
  onConfigChanged: () => {
    if (useConsoleStore.getState().phase === 'app') void loadConfig();
  },
  onFloorChanged: floorChanged,
  onAlerts: (alerts) => {
    useFloorStore.setState({ alerts });
    floorChanged();
  },
});
renderRoot(<App />);
