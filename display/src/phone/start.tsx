import { prepareAlertSound } from './alert.js';
import { startPhoneConnection } from './connection.js';
import { PhonePage } from './PhonePage.js';
import { usePhoneStore } from './store.js';
import './phone.css';

export function startPhone(code: string, fonts: Promise<void>) {
  void fonts.then(() => usePhoneStore.setState({ fontsReady: true }));
  prepareAlertSound();
  startPhoneConnection(code);
  return <PhonePage />;
}
