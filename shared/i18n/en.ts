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
  'connection.refused':
    "This screen may not connect to the centre's server. Please tell a staff member.",

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

  'kiosk.welcome': 'Welcome',
  'kiosk.chooseService': 'Choose the service you need',
  'kiosk.chooseServiceHint': 'Tap a service to see its fee and the documents to bring.',
  'kiosk.loading': 'Loading…',
  'kiosk.noServices':
    'No services are giving out tickets right now. Please ask at the reception desk.',
  'kiosk.waitingCount': '{count} waiting',
  'kiosk.nobodyWaiting': 'Nobody waiting',
  'kiosk.peopleWaiting': 'People waiting',
  'kiosk.officialFee': 'Official fee',
  'kiosk.feeSampleShort': 'sample fee',
  'kiosk.noDocuments': 'No documents needed',
  'kiosk.serviceClosed': 'Not giving out tickets now',
  'kiosk.dailyCapReached': "Today's tickets are all given out",
  'kiosk.takeTicket': 'Take a ticket',
  'kiosk.back': 'Back',
  'kiosk.priorityQuestion': 'Does one of these apply to you?',
  'kiosk.priorityHint': 'People in these groups are called sooner.',
  'kiosk.priorityNo': 'No, none of these',
  'kiosk.issuing': 'Getting your ticket…',
  'kiosk.issueUnreachable':
    "Your ticket could not be issued: the centre's server did not answer. Please tap again.",
  'kiosk.offlineNoTickets': 'Tickets cannot be given out until the connection is back.',
  'kiosk.yourNumber': 'Your ticket number',
  'kiosk.yourPlace': 'Your place in the queue',
  'kiosk.qrAlt': 'QR code to follow ticket {label} on a phone',
  'kiosk.returningIn': 'This screen goes back to the start in {seconds} s',
  'kiosk.done': 'Done',

  'counter.name': 'Counter {number}',

  'fee.kip': '{amount} kip',
  'fee.free': 'Free',

  'wait.about': 'about {minutes} min',
  'wait.unknown': 'not known yet',

  // The station's own pages (setup and offline), shown in Lao and English side by side.
  'station.setup.title': 'Set up this station',
  'station.setup.intro':
    "Tell this device where the centre's server is and what the device is for. To come back here later, press Ctrl+Alt+Shift+S.",
  'station.setup.savedUnreadable':
    'The saved settings could not be read. Please set this station up again.',
  'station.setup.hubAddress': "Address of the centre's server (hub)",
  'station.setup.hubAddressHint': 'For example 192.168.1.10:8470',
  'station.setup.search': 'Find servers on this network',
  'station.setup.searching': 'Searching…',
  'station.setup.noneFound':
    "No server answered. Check that the centre's server is on and on the same network, or type its address.",
  'station.setup.found': 'Servers found: tap one to use it',
  'station.setup.role': 'This device is',
  'station.role.kiosk': 'A ticket kiosk',
  'station.role.counter': "A counter (the clerk's screen)",
  'station.role.display': 'A waiting-room display',
  'station.role.feedback': 'A feedback tablet',
  'station.setup.token': 'Device token',
  'station.setup.tokenHint': 'The token the centre manager created for this device.',
  'station.setup.tokenKept': 'A token is saved. Leave this empty to keep it.',
  'station.setup.save': 'Save and start',
  'station.setup.checking': "Checking the centre's server…",
  'station.setup.saveAnyway': 'Save anyway',
  'station.setup.back': 'Back, without changes',
  'station.setup.quit': 'Close the station',
  'station.error.badAddress':
    'That is not a server address. Type it like 192.168.1.10:8470 or http://192.168.1.10:8470.',
  'station.error.chooseRole': 'Choose what this device is for.',
  'station.error.unreachable':
    'No server answered at {url}. Check the address and the network cable, or save anyway and the station will keep trying.',
  'station.error.saveFailed':
    'The settings could not be saved on this device ({detail}). Please tell the technician.',
  'station.offline.retryIn': 'Trying again in {seconds} s',
  'station.offline.trying': 'Trying now…',
  'station.offline.retryNow': 'Try now',
  'station.offline.help': 'If this lasts more than a few minutes, please tell a staff member.',

  // The counter app (clerks). Also the words for the hub's session-ended reason.
  'reason.session-ended': 'Your login has ended. Please log in again with your username and PIN.',
  'counter.offlineDetail': 'Calls and other actions wait until the connection is back.',
  'counter.login.title': 'Log in to your counter',
  'counter.login.username': 'Username',
  'counter.login.pin': 'PIN',
  'counter.login.hint':
    'You stay logged in on this screen for the working day, even after a restart, until you log out.',
  'counter.login.submit': 'Log in',
  'counter.login.busy': 'Checking…',
  'counter.login.restoring': 'Logging you back in…',
  'counter.choose.title': 'Choose your counter',
  'counter.choose.hint': "Press the counter's number, or click it.",
  'counter.choose.none': 'You may not work at any counter yet. Ask the centre manager.',
  'counter.choose.inUseBy': 'In use by {name}',
  'counter.current.title': 'At the counter',
  'counter.current.none': 'Nobody at the counter',
  'counter.current.noneHint': 'Call the next ticket when you are ready.',
  'counter.current.pausedHint': 'The counter is paused: resume it to call tickets.',
  'counter.current.waited': 'Waited',
  'counter.current.calledAgo': 'Called',
  'counter.current.serving': 'Being served',
  'counter.current.recalls': 'Called again',
  'counter.action.call-next': 'Call next',
  'counter.action.recall': 'Call again',
  'counter.action.start': 'Start serving',
  'counter.action.no-show': 'Did not come',
  'counter.action.complete': 'Complete',
  'counter.action.park': 'Put on hold',
  'counter.action.transfer': 'Transfer…',
  'counter.action.call-this': 'Call this ticket',
  'counter.action.cancel': 'Cancel ticket…',
  'counter.action.resume': 'Back to the queue',
  'counter.action.pause': 'Pause…',
  'counter.action.unpause': 'Resume counter',
  'counter.action.close': 'Close counter…',
  'counter.action.logout': 'Log out',
  'counter.controls.title': 'This counter',
  'counter.paused': 'Counter paused: {reason}. The waiting room sees it as paused.',
  'counter.queue.title': 'Waiting for this counter',
  'counter.queue.parked': 'On hold at this counter',
  'counter.queue.count': '{count} waiting',
  'counter.queue.longest': 'longest {duration}',
  'counter.queue.next': 'Next',
  'counter.queue.hint': '↑ ↓ choose a ticket, then L calls it out of turn',
  'counter.stats.title': 'Today',
  'counter.stats.counter': 'This counter',
  'counter.stats.staff': 'You',
  'counter.stats.served': 'Served',
  'counter.stats.noShows': 'Did not come',
  'counter.stats.average': 'Average service time',
  'counter.duration.seconds': '{seconds} s',
  'counter.duration.minutes': '{minutes} min',
  'counter.duration.hours': '{hours} h {minutes} min',
  'counter.dialog.back': 'Go back',
  'counter.transfer.title': 'Transfer {label} to another service',
  'counter.transfer.service': 'Service',
  'counter.transfer.position': 'Place in its queue',
  'counter.transfer.front': 'At the front',
  'counter.transfer.back': 'At the back',
  'counter.transfer.reason': 'Reason (optional)',
  'counter.transfer.confirm': 'Transfer {label}',
  'counter.cancel.title': 'Cancel ticket {label}?',
  'counter.cancel.body':
    'The ticket leaves the queue for good. The citizen needs a new ticket to be served.',
  'counter.cancel.confirm': 'Cancel {label}',
  'counter.pause.title': 'Pause the counter',
  'counter.pause.body': 'Why? The waiting room shows this counter as paused until you resume it.',
  'counter.close.title': 'Close counter {number}?',
  'counter.close.body': 'No tickets are called here until it is opened again.',
  'counter.close.confirm': 'Close counter {number}',
  'counter.notice.dismiss': 'OK',
  'counter.notice.nobody': "Nobody is waiting for this counter's services.",
  'counter.notice.taken':
    '{label} was just called at another counter. The list now shows who is still waiting.',
  'counter.notice.changed':
    '{label} was changed at another counter just now. The screen shows its latest state.',
  'counter.notice.elsewhere': '{label} is now at another counter; only that counter can change it.',
  'counter.notice.takenOver':
    'Counter {number} was opened on another screen. Choose it again here to carry on.',
  'counter.notice.closed': 'Counter {number} is closed.',
  'counter.notice.unreachable':
    "The centre's server did not answer, so nothing was changed. Try again.",
} as const;

export type MessageKey = keyof typeof en;
