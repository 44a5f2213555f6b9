/**
 * Lao messages (ພາສາລາວ), one for every key in `en.ts`. Lao separates
 * sentences with a space rather than a full stop.
 */
import type { MessageKey } from './en.js';

export const lo: Record<MessageKey, string> = {
  'app.name': 'ຄິວ',
  'app.tagline': 'ລະບົບຈັດຄິວ ສຳລັບສູນບໍລິການປະຕູດຽວ',

  'lang.lo': 'ພາສາລາວ',
  'lang.en': 'English',
  'lang.choose': 'ພາສາ',

  'priority.none': 'ບໍ່ມີບູລິມະສິດ',
  'priority.elderly': 'ຜູ້ສູງອາຍຸ (60 ປີຂຶ້ນໄປ)',
  'priority.disability': 'ຜູ້ພິການ',
  'priority.pregnant': 'ແມ່ຍິງຖືພາ',
  'priority.monk': 'ພະສົງ ຫຼື ສາມະເນນ',
  'priority.appointment': 'ມີນັດໝາຍລ່ວງໜ້າ',

  'status.waiting': 'ກຳລັງລໍຖ້າ',
  'status.called': 'ເອີ້ນແລ້ວ',
  'status.serving': 'ກຳລັງໃຫ້ບໍລິການ',
  'status.done': 'ສຳເລັດແລ້ວ',
  'status.parked': 'ພັກໄວ້ຊົ່ວຄາວ',
  'status.cancelled': 'ຍົກເລີກແລ້ວ',
  'status.no_show': 'ບໍ່ມາເມື່ອຖືກເອີ້ນ',
  'status.expired': 'ໝົດອາຍຸເມື່ອສິ້ນສຸດມື້ບໍລິການ',
  'status.transferred': 'ສົ່ງຕໍ່ໄປບໍລິການອື່ນແລ້ວ',

  'counterStatus.open': 'ເປີດ',
  'counterStatus.paused': 'ພັກຊົ່ວຄາວ',
  'counterStatus.closed': 'ປິດ',

  'pause.break': 'ພັກຜ່ອນ',
  'pause.meeting': 'ປະຊຸມ',
  'pause.other-task': 'ເຮັດວຽກອື່ນ',
  'pause.other': 'ເຫດຜົນອື່ນ',

  'error.invalid-request': 'ຂໍ້ມູນທີ່ສົ່ງມາບໍ່ຖືກຕ້ອງ ກະລຸນາກວດຄືນຂໍ້ມູນທີ່ປ້ອນ ແລ້ວລອງໃໝ່',
  'error.unauthorized': 'ທ່ານຍັງບໍ່ໄດ້ເຂົ້າສູ່ລະບົບ ກະລຸນາເຂົ້າສູ່ລະບົບ ແລ້ວລອງໃໝ່',
  'error.forbidden': 'ອຸປະກອນ ຫຼື ບັນຊີນີ້ ບໍ່ມີສິດເຮັດສິ່ງນີ້ ຖ້າຈຳເປັນ ກະລຸນາຕິດຕໍ່ຫົວໜ້າສູນ',
  'error.not-found': 'ບໍ່ພົບຂໍ້ມູນທີ່ຕ້ອງການ ກະລຸນາກວດຄືນບັດຄິວ ຫຼື ຂໍ້ມູນ ແລ້ວລອງໃໝ່ ຫຼື ສອບຖາມພະນັກງານ',
  'error.conflict': 'ລາຍການນີ້ຖືກປ່ຽນແປງແລ້ວ ອາດຈະຢູ່ປ່ອງບໍລິການອື່ນ ກະລຸນາກວດເບິ່ງສະຖານະລ່າສຸດ ແລ້ວລອງໃໝ່',
  'error.closed': 'ຂະນະນີ້ປິດຢູ່ ກະລຸນາສອບຖາມທີ່ໂຕະຕ້ອນຮັບ',
  'error.rate-limited': 'ລອງຫຼາຍເທື່ອເກີນໄປ ກະລຸນາລໍຖ້າບຶດໜຶ່ງ ແລ້ວລອງໃໝ່',
  'error.internal': 'ເກີດຂໍ້ຜິດພາດຢູ່ເຊີບເວີຂອງສູນ ກະລຸນາລອງໃໝ່ ຖ້າຍັງເກີດຂຶ້ນອີກ ກະລຸນາແຈ້ງພະນັກງານ',

  'reason.service-closed': 'ບໍລິການນີ້ຢຸດອອກບັດຄິວຊົ່ວຄາວ ກະລຸນາສອບຖາມທີ່ໂຕະຕ້ອນຮັບ',
  'reason.daily-cap-reached': 'ບັດຄິວຂອງບໍລິການນີ້ໝົດແລ້ວສຳລັບມື້ນີ້ ກະລຸນາກັບມາໃໝ່ໃນວັນລັດຖະການຖັດໄປ',
  'reason.counter-paused': 'ປ່ອງບໍລິການນີ້ພັກຊົ່ວຄາວຢູ່ ກະລຸນາເປີດຄືນກ່ອນເອີ້ນຄິວຕໍ່ໄປ',
  'reason.counter-closed': 'ປ່ອງບໍລິການນີ້ປິດຢູ່ ກະລຸນາເປີດປ່ອງບໍລິການກ່ອນເອີ້ນຄິວ',
  'reason.counter-not-open': 'ທ່ານຍັງບໍ່ໄດ້ເປີດປ່ອງບໍລິການ ກະລຸນາເປີດປ່ອງບໍລິການຂອງທ່ານ ແລ້ວລອງໃໝ່',
  'reason.wrong-counter': 'ບັດຄິວນີ້ກຳລັງດຳເນີນການຢູ່ປ່ອງບໍລິການອື່ນ ມີແຕ່ປ່ອງບໍລິການນັ້ນທີ່ປ່ຽນແປງໄດ້',
  'reason.not-allowed-at-counter':
    'ທ່ານບໍ່ສາມາດເຮັດສິ່ງນີ້ຢູ່ປ່ອງບໍລິການນີ້ໄດ້ ເພາະບໍ່ແມ່ນປ່ອງບໍລິການຂອງທ່ານ ຫຼື ປ່ອງນີ້ບໍ່ໄດ້ໃຫ້ບໍລິການນີ້ ກະລຸນາສອບຖາມຫົວໜ້າ',
  'reason.locked-out': 'ປ້ອນລະຫັດ PIN ຜິດຫຼາຍເທື່ອ ບັນຊີນີ້ຖືກລັອກໄວ້ຊົ່ວຄາວ ກະລຸນາລໍຖ້າສອງສາມນາທີ ຫຼື ຕິດຕໍ່ຫົວໜ້າ',
  'reason.bad-credentials': 'ຊື່ຜູ້ໃຊ້ ຫຼື ລະຫັດ PIN ບໍ່ຖືກຕ້ອງ ກະລຸນາລອງໃໝ່',
  'reason.login-required': 'ກະລຸນາເຂົ້າສູ່ລະບົບດ້ວຍຊື່ຜູ້ໃຊ້ ແລະ ລະຫັດ PIN ກ່ອນ',
  'reason.feedback-given': 'ຂອບໃຈ ພວກເຮົາໄດ້ຮັບການປະເມີນຂອງທ່ານສຳລັບຄັ້ງນີ້ແລ້ວ',
  'reason.not-finished': 'ທ່ານສາມາດປະເມີນການບໍລິການໄດ້ ເມື່ອການບໍລິການສຳເລັດແລ້ວ',
  'reason.status':
    'ສະຖານະຂອງບັດຄິວໄດ້ປ່ຽນໄປແລ້ວ (ອາດຈະຫາກໍ່ຖືກເອີ້ນ, ສຳເລັດ ຫຼື ຖືກຍົກເລີກ) ກະລຸນາກວດເບິ່ງສະຖານະລ່າສຸດ ແລ້ວລອງໃໝ່',

  'connection.connected': 'ເຊື່ອມຕໍ່ແລ້ວ',
  'connection.connecting': 'ກຳລັງເຊື່ອມຕໍ່…',
  'connection.offline': 'ບໍ່ສາມາດເຊື່ອມຕໍ່ກັບເຊີບເວີຂອງສູນໄດ້ — ກຳລັງລອງໃໝ່…',
  'connection.reconnected': 'ເຊື່ອມຕໍ່ໄດ້ຄືນແລ້ວ',

  'ticket.ticket': 'ບັດຄິວ',
  'ticket.number': 'ເລກຄິວ',
  'ticket.service': 'ບໍລິການ',
  'ticket.documents': 'ເອກະສານທີ່ຕ້ອງກະກຽມ',
  'ticket.peopleAhead': 'ມີ {count} ຄົນ ກ່ອນໜ້າທ່ານ',
  'ticket.onePersonAhead': 'ມີ 1 ຄົນ ກ່ອນໜ້າທ່ານ',
  'ticket.youAreNext': 'ຄິວຕໍ່ໄປແມ່ນທ່ານ',
  'ticket.estimatedWait': 'ເວລາລໍຖ້າໂດຍປະມານ',
  'ticket.fee': 'ຄ່າທຳນຽມ',
  'ticket.feeSample': 'ຄ່າທຳນຽມຕົວຢ່າງ — ບໍ່ແມ່ນຄ່າທຳນຽມທາງການ',
  'ticket.yourTurn': 'ຮອດຄິວຂອງທ່ານແລ້ວ',
  'ticket.goToCounter': 'ກະລຸນາໄປທີ່ປ່ອງບໍລິການ {number}',
  'ticket.scanQr': 'ສະແກນ QR ໂຄດ ເພື່ອຕິດຕາມຄິວຂອງທ່ານໃນໂທລະສັບ',

  'counter.name': 'ປ່ອງບໍລິການ {number}',

  'fee.kip': '{amount} ກີບ',
  'fee.free': 'ບໍ່ເສຍຄ່າ',

  'wait.about': 'ປະມານ {minutes} ນາທີ',
  'wait.unknown': 'ຍັງຄາດຄະເນບໍ່ໄດ້',
};
