/**
 * English messages. This file defines the keys: `lo.ts` must have exactly
 * the same ones. `{name}` marks a value `t()` fills in; keep each one in the
 * Lao string too.
 */
export const en = {
  'app.name': 'Khiu',
  'app.tagline': 'Queue management for One-Door Service Centres',

  // Each language is named in its own script, so a reader finds their own.
  'lang.lo': 'ພາສາລາວ',
  'lang.en': 'English',
  'lang.choose': 'Language',

  'priority.none': 'No priority',
  'priority.elderly': 'Elderly (60+)',
  'priority.disability': 'Person with a disability',
  'priority.pregnant': 'Pregnant woman',
  'priority.monk': 'Monk or novice',
  'priority.appointment': 'Appointment',

  'status.waiting': 'Waiting',
  'status.called': 'Called',
  'status.serving': 'Being served',
  'status.done': 'Finished',
  'status.parked': 'On hold',
  'status.cancelled': 'Cancelled',
  'status.no_show': 'Did not come when called',
  'status.expired': 'Expired at the end of the day',
  'status.transferred': 'Sent to another service',

  'counterStatus.open': 'Open',
  'counterStatus.paused': 'Paused',
  'counterStatus.closed': 'Closed',

  'pause.break': 'Break',
  'pause.meeting': 'Meeting',
  'pause.other-task': 'Other work',
  'pause.other': 'Other reason',

  'error.invalid-request': 'The request was not accepted. Check what you entered and try again.',
  'error.unauthorized': 'You are not logged in. Please log in and try again.',
  'error.forbidden':
    'This device or account may not do that. Ask the centre manager if you need it.',
  'error.not-found':
    'We could not find that. Check the ticket or the details and try again, or ask a staff member.',
  'error.conflict':
    'This was already changed, perhaps at another counter. Check the latest state and try again.',
  'error.closed': 'This is closed right now. Please ask at the reception desk.',
  'error.rate-limited': 'Too many attempts. Please wait a moment and try again.',
  'error.internal':
    "Something went wrong on the centre's server. Please try again; if it keeps happening, tell a staff member.",

  'reason.service-closed':
    'This service is not giving out tickets right now. Please ask at the reception desk.',
  'reason.daily-cap-reached':
    "Today's tickets for this service have all been given out. Please come back on the next working day.",
  'reason.counter-paused': 'This counter is paused. Resume it before calling the next ticket.',
  'reason.counter-closed': 'This counter is closed. Open it before calling tickets.',
  'reason.counter-not-open':
    'You have not opened a counter yet. Open your counter, then try again.',
  'reason.wrong-counter':
    'This ticket is being handled at another counter. Only that counter can change it.',
  'reason.not-allowed-at-counter':
    'You cannot do this at this counter: it is not one of your counters, or it does not serve this service. Ask the manager.',
  'reason.locked-out':
    'Too many wrong PINs, so this account is locked for a while. Wait a few minutes or ask the manager.',
  'reason.bad-credentials': 'Wrong username or PIN. Please try again.',
  'reason.login-required': 'Please log in with your username and PIN first.',
  'reason.feedback-given': 'Thank you: your rating for this visit has already been received.',
  'reason.not-finished': 'You can rate the service once it is finished.',
  'reason.status':
    'The ticket has moved on (it may have just been called, finished or cancelled). Check its latest state and try again.',

  'connection.connected': 'Connected',
  'connection.connecting': 'Connecting…',
  'connection.offline': "Cannot reach the centre's server — trying again…",
  'connection.reconnected': 'Connected again',

  'ticket.ticket': 'Ticket',
  'ticket.number': 'Ticket number',
  'ticket.service': 'Service',
  'ticket.documents': 'Documents to bring',
  'ticket.peopleAhead': '{count} people ahead',
  'ticket.onePersonAhead': '1 person ahead',
  'ticket.youAreNext': 'You are next',
  'ticket.estimatedWait': 'Estimated wait',
  'ticket.fee': 'Fee',
  'ticket.feeSample': 'Sample fee — not the official fee',
  'ticket.yourTurn': 'It is your turn',
  'ticket.goToCounter': 'Please go to counter {number}',
  'ticket.scanQr': 'Scan the QR code to follow your turn on your phone',

  'counter.name': 'Counter {number}',

  'fee.kip': '{amount} kip',
  'fee.free': 'Free',

  'wait.about': 'about {minutes} min',
  'wait.unknown': 'not known yet',
} as const;

export type MessageKey = keyof typeof en;
