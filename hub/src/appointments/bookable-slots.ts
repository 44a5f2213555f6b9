/**
 * What can be booked: the bookable services and a day's slots as the
 * citizen sees them, and the one slot a booking or a move asks for, refused
 * with the reason when it cannot be had.
 */
import type { Clock } from '../clock.js';
import { serviceIn, type ConfigSource, type ServiceConfig } from '../config/config.js';
import type { ServiceDay } from '../day/service-day.js';
import { HubError, notFound } from '../hub-error.js';
import type { BookingRow, BookingStore } from './booking-store.js';
import { clockMinute, daySlots } from '../../../shared/domain/slots.js';
import type { BookableAnswer, SlotsAnswer } from '../../../shared/protocol.js';

export interface BookableSlotsDeps {
  clock: Clock;
  config: ConfigSource;
  day: ServiceDay;
  store: BookingStore;
}

export function createBookableSlots(deps: BookableSlotsDeps) {
  const { store, clock } = deps;

  /** The day's slots as the citizen sees them; `except` does not count against its own slot. */
  function slotsOf(svc: ServiceConfig, day: string, except: BookingRow | null = null) {
    const config = deps.config.current();
    const taken = store.takenOnDay(svc.id, day);
    return daySlots({
      day,
      today: deps.day.current(),
      now: clock.now(),
      timeZone: config.timeZone,
      settings: store.settings(svc.id),
      hours: svc.hours,
      holidays: new Set(config.holidays.map((h) => h.day)),
      taken: (min) =>
        (taken.get(min) ?? 0) - (except?.day === day && except.start_min === min ? 1 : 0),
    });
  }

  /** The slot asked for, when it can be booked; else the reason it cannot. */
  function freeSlot(svc: ServiceConfig, day: string, start: string, except: BookingRow | null) {
    const { slots, closed } = slotsOf(svc, day, except);
    const slot = slots.find((s) => s.start === start);
    if (!slot || slot.startsAt <= clock.now()) {
      throw new HubError('conflict', 'That slot cannot be booked', 'slot-unavailable', {
        params: { closed: closed ?? 'no-slot' },
      });
    }
    if (slot.left === 0) throw new HubError('conflict', 'That slot is full', 'slot-full');
    return { startMin: clockMinute(start), startsAt: slot.startsAt };
  }

  function bookableService(serviceId: string) {
    const svc = serviceIn(deps.config.current(), serviceId);
    if (!store.settings(svc.id).bookable) throw notFound(`A bookable service ${serviceId}`);
    return svc;
  }

  return {
    bookable(): BookableAnswer {
      const services = [...deps.config.current().services.values()].flatMap((svc) => {
        const s = store.settings(svc.id);
        if (!s.bookable) return [];
        return [
          {
            serviceId: svc.id,
            name: svc.name,
            ministry: svc.ministry.name,
            slotMinutes: s.slotMinutes,
            daysAhead: s.daysAhead,
            ...(svc.feeIsSample ? {} : { fee: svc.feeLak }),
          },
        ];
      });
      return { services };
    },
    slots(serviceId: string, day: string): SlotsAnswer {
      const svc = serviceIn(deps.config.current(), serviceId);
      return { serviceId: svc.id, day, ...slotsOf(svc, day) };
    },
    freeSlot,
    bookableService,
  };
}
export type BookableSlots = ReturnType<typeof createBookableSlots>;
