import '../../shared/ui/base.css';
import './console.css';
import './devices.css';
import './printers.css';
import './transfer.css';
import './central.css';
import { loadFontsOrLog, renderRoot } from '../../shared/ui/mount.js';
import { App } from './App.js';
import { loadConfig } from './config-actions.js';
import { startConnection } from './connection.js';
import { restoreSession } from './session.js';
import { useConsoleStore } from './store.js';

void loadFontsOrLog().then((ready) => ready && useConsoleStore.setState({ fontsReady: true }));
void startConnection({
  onConnect: () => void restoreSession(),
  onConfigChanged: () => {
    if (useConsoleStore.getState().phase === 'app') void loadConfig();
  },
});
renderRoot(<App />);
