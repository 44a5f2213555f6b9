/**
 * The side bar's sections, in order. A later screen (devices, printers, hall
 * and voice, export, floor, reports) is one more line here and one more
 * entry in components/SectionScreen.tsx's table; the type keeps the two in step.
 */
import type { MessageKey } from '../../shared/i18n/index.js';

export const SECTIONS = [
  'floor',
  'centre',
  'ministries',
  'services',
  'counters',
  'staff',
  'holidays',
  'devices',
  'printers',
  'integrations',
  'hall',
  'transfer',
  'reports',
  'national',
] as const;
export type SectionId = (typeof SECTIONS)[number];

export const sectionLabel = (id: SectionId): MessageKey => `console.nav.${id}`;
