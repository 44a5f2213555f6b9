/**
 * A hub for the console's browser test: started on an empty data directory
 * without --demo, so it is in setup (the wizard's REST route and the built
 * apps, no Socket.IO) until the first manager exists; then the hub serves on
 * the same port, as hub/src/main.ts does. The hub after setup lets this
 * machine's pages claim their role (the kiosk page has no paired token in a
 * test); the data it serves is only what the wizard and the console made.
 */
import { startInSetup, type SetupHub } from '../harness.js';
import { WEB_ROOT } from './browser.js';

export type { SetupHub };

export const startSetupForBrowser = () => startInSetup({ webRoot: WEB_ROOT, demoAfterSetup: true });
