import { lazy, Suspense, type ComponentType } from 'react';
import type { SectionId } from '../sections.js';
import { t } from '../../../shared/i18n/index.js';
import { useCanEdit, useConsoleStore } from '../store.js';
import { CentralScreen } from './CentralScreen.js';
import { CentreScreen } from './CentreScreen.js';
import { CountersScreen } from './CountersScreen.js';
import { DevicesScreen } from './DevicesScreen.js';
import { FloorScreen } from './FloorScreen.js';
import { HallScreen } from './HallScreen.js';
import { HolidaysScreen } from './HolidaysScreen.js';
import { IntegrationsScreen } from './IntegrationsScreen.js';
import { MinistriesScreen } from './MinistriesScreen.js';
import { PrintersScreen } from './PrintersScreen.js';
import { ServicesScreen } from './ServicesScreen.js';
import { StaffScreen } from './StaffScreen.js';
import { TransferScreen } from './TransferScreen.js';

/** Reports bring the chart library: loaded when first opened, not with the console. */
const ReportsScreen = lazy(() =>
  import('./ReportsScreen.js').then((m) => ({ default: m.ReportsScreen })),
);

/** Every section has its screen: a section added to sections.ts without one does not compile. */
const SCREENS: Record<SectionId, ComponentType> = {
  floor: FloorScreen,
  centre: CentreScreen,
  ministries: MinistriesScreen,
  services: ServicesScreen,
  counters: CountersScreen,
  staff: StaffScreen,
  holidays: HolidaysScreen,
  devices: DevicesScreen,
  printers: PrintersScreen,
  integrations: IntegrationsScreen,
  transfer: TransferScreen,
  hall: HallScreen,
  reports: ReportsScreen,
  national: CentralScreen,
};

export function SectionScreen() {
  const lang = useConsoleStore((s) => s.lang);
  const section = useConsoleStore((s) => s.section);
  const canEdit = useCanEdit();
  const Screen = SCREENS[section];
  return (
    <main className="section" data-testid={`section-${section}`}>
      {/* The floor and the reports are a supervisor's own work, not someone else's settings. */}
      {canEdit || section === 'floor' || section === 'reports' ? null : (
        <p className="notice notice--read-only" role="note">
          {/* A supervisor may post notices, so the hall screen says what else is closed. */}
          {t(lang, section === 'hall' ? 'console.hall.supervisorNote' : 'console.managerOnly')}
        </p>
      )}
      <Suspense fallback={null}>
        <Screen />
      </Suspense>
    </main>
  );
}
