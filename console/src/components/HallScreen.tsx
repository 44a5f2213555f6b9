/** "Hall and voice": the notices, what each hall display shows, and the Lao voice pack. */
import { DisplayServicesCard } from './DisplayServicesCard.js';
import { NoticesCard } from './NoticesCard.js';
import { VoicePackCard } from './VoicePackCard.js';

export function HallScreen() {
  return (
    <div className="hall-voice">
      <NoticesCard />
      <DisplayServicesCard />
      <VoicePackCard />
    </div>
  );
}
