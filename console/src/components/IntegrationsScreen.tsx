import { useEffect } from 'react';
import { loadDeliveries, loadTokens, loadWebhooks } from '../integration-actions.js';
import { ApiTokensCard, ShownOncePanel } from './ApiTokensCard.js';
import { DeliveryLog } from './DeliveryLog.js';
import { WebhooksCard } from './WebhooksCard.js';

/** The log, the webhooks' counts and the tokens' last use refresh this often while on screen. */
const REFRESH_MS = 5_000;

/**
 * Integrations: what other systems may do with this hub (API tokens) and what it tells them
 * (webhooks, with their delivery log). Its own section, not a card in Devices: devices are the
 * centre's own screens, paired by code into one role; these are outside systems with scopes,
 * and the log needs the room.
 */
export function IntegrationsScreen() {
  useEffect(() => {
    void loadTokens();
    void loadWebhooks();
    void loadDeliveries();
    const timer = setInterval(() => {
      void loadTokens();
      void loadWebhooks();
      void loadDeliveries();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  return (
    <div className="integrations">
      <ShownOncePanel />
      <ApiTokensCard />
      <WebhooksCard />
      <DeliveryLog />
    </div>
  );
}
