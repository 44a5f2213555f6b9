import '../../shared/ui/base.css';
import './counter.css';
import { loadFontsOrLog, renderRoot } from '../../shared/ui/mount.js';
import { App } from './App.js';
import { restoreSession, takenOver } from './clerk-session.js';
import { startConnection } from './connection.js';
import { useCounterStore } from './store.js';

void loadFontsOrLog().then((ready) => ready && useCounterStore.setState({ fontsReady: true }));
void startConnection({ onConnect: () => void restoreSession(), onTakenOver: takenOver });
renderRoot(<App />);
