import { HallDisplay } from './HallDisplay.js';
import { startHallConnection } from './connection.js';
import { readHallSettings } from './settings.js';
import { useHallStore } from './store.js';
import './hall.css';
import './hall-board.css';
import './hall-footer.css';

export function startHall(fonts: Promise<void>) {
  const settings = readHallSettings();
  void fonts.then(() => useHallStore.setState({ fontsReady: true }));
  void startHallConnection(settings);
  return <HallDisplay settings={settings} />;
}
