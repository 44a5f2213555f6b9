/**
 * What a manager does at the console, step by step, as a person would: open
 * a section, add, fill the fields, save, and wait for the list to show it.
 */
import type { StaffRole } from '../../shared/protocol.js';
import type { ConsolePage } from './console-page.js';

export interface ServiceStep {
  id: string;
  ministryId: string;
  prefix: string;
  lo: string;
  en: string;
  fee: string;
  ref: { lo: string; en: string; date: string };
  documents: { lo: string; en: string };
  /** Saturday morning opening, on top of the weekday default. */
  saturday?: boolean;
  /**
   * Open all day, every day: tickets are refused outside a service's hours,
   * so the one the kiosk takes a ticket for must be open whenever the test runs.
   */
  allDay?: boolean;
}

export const SERVICES = [
  {
    id: 'family-book',
    ministryId: 'moha',
    prefix: 'F',
    lo: 'ປຶ້ມສຳມະໂນຄົວ',
    en: 'Family book',
    fee: '20000',
    ref: { lo: 'ດຳລັດ ເລກທີ 123/ລບ', en: 'Decree No. 123/PM', date: '2024-03-15' },
    documents: { lo: 'ບັດປະຈຳຕົວ', en: 'ID card' },
  },
  {
    id: 'residence',
    ministryId: 'moha',
    prefix: 'R',
    lo: 'ໃບຢັ້ງຢືນທີ່ຢູ່',
    en: 'Residence certificate',
    fee: '10000',
    ref: { lo: 'ດຳລັດ ເລກທີ 123/ລບ', en: 'Decree No. 123/PM', date: '2024-03-15' },
    documents: { lo: 'ປຶ້ມສຳມະໂນຄົວ', en: 'Family book' },
    saturday: true,
  },
  {
    id: 'id-card',
    ministryId: 'mops',
    prefix: 'ID',
    lo: 'ບັດປະຈຳຕົວ',
    en: 'National ID card',
    fee: '35000',
    ref: { lo: 'ແຈ້ງການ ເລກທີ 45/ປກສ', en: 'Notice No. 45/MPS', date: '2025-01-10' },
    documents: { lo: 'ຮູບຖ່າຍ 3x4', en: 'Photo 3x4' },
    allDay: true,
  },
] as const satisfies readonly ServiceStep[];

async function saveAndWait(c: ConsolePage, rowTestId: string) {
  await c.button('console.save').click();
  await c.page.getByTestId(rowTestId).waitFor();
  await c.page.locator('.notice-bar--info').waitFor();
}

export async function addMinistry(
  c: ConsolePage,
  id: string,
  lo: string,
  en: string,
  sort: number,
) {
  await c.openSection('ministries');
  await c.page.getByTestId('add').click();
  await c.fill({ 'ministry.id': id, 'ministry.sort': String(sort) });
  await c.fill({ 'ministry.name.lo': lo, 'ministry.name.en': en });
  await saveAndWait(c, `ministry-${id}`);
}

export async function addService(c: ConsolePage, s: ServiceStep) {
  await c.openSection('services');
  await c.page.getByTestId('add').click();
  await c.fill({ 'service.id': s.id, 'service.prefix': s.prefix });
  await c.field('service.ministryId').selectOption(s.ministryId);
  await c.fill({ 'service.name.lo': s.lo, 'service.name.en': s.en, 'service.feeLak': s.fee });
  await c.fill({ 'service.feeRef.lo': s.ref.lo, 'service.feeRef.en': s.ref.en });
  await c.fill({ 'service.feeRef': s.ref.date });
  for (const lang of ['lo', 'en'] as const) {
    await c.page.getByTestId(`documents-${lang}`).getByRole('button').last().click();
    await c.field(`service.documents.${lang}.0`).fill(s.documents[lang]);
  }
  if (s.saturday) {
    await c.page.locator('.hours__row[data-weekday="6"] input[type="checkbox"]').check();
    await c.fill({ 'hours.6.opens': '08:00', 'hours.6.closes': '11:30' });
    await c.fill({ 'hours.6.lunchFrom': '', 'hours.6.lunchTo': '' });
  }
  if (s.allDay) {
    for (let day = 0; day < 7; day++) {
      await c.page.locator(`.hours__row[data-weekday="${day}"] input[type="checkbox"]`).check();
      await c.fill({ [`hours.${day}.opens`]: '00:00', [`hours.${day}.closes`]: '24:00' });
      await c.fill({ [`hours.${day}.lunchFrom`]: '', [`hours.${day}.lunchTo`]: '' });
    }
  }
  await saveAndWait(c, `service-${s.id}`);
}

export async function addCounter(c: ConsolePage, number: number, services: readonly string[]) {
  await c.openSection('counters');
  await c.page.getByTestId('add').click();
  await c.fill({ 'counter.number': String(number) });
  await c.fill({ 'counter.name.lo': `ປ່ອງ ${number}`, 'counter.name.en': `Counter ${number}` });
  for (const id of services) {
    await c.field('addService').selectOption(id);
    await c.button('console.counter.addService').click();
  }
  await saveAndWait(c, `counter-${number}`);
}

/** Adds a person and returns the temporary PIN the console shows once. */
export async function addStaff(
  c: ConsolePage,
  username: string,
  name: string,
  role: StaffRole,
  counters: number[],
): Promise<string> {
  await c.openSection('staff');
  await c.page.getByTestId('add').click();
  await c.fill({ 'staff.username': username, 'staff.name': name });
  await c.field('staff.role').selectOption(role);
  for (const n of counters) await c.field(`staff.counter.${n}`).check();
  await c.button('console.save').click();
  const pin = c.page.getByTestId('temporary-pin-value');
  await pin.waitFor();
  await c.page.getByTestId(`staff-${username}`).waitFor();
  return (await pin.textContent())?.trim() ?? '';
}
