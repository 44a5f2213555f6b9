import '../../shared/ui/base.css';
import './kiosk.css';
import { loadFontsOrLog, renderRoot } from '../../shared/ui/mount.js';
import { App } from './App.js';
import { startConnection } from './connection.js';
import { useKioskStore } from './store.js';

void loadFontsOrLog().then((ready) => ready && useKioskStore.setState({ fontsReady: true }));
void startConnection();
renderRoot(<App />);
