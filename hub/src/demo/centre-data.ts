/**
 * The demo centre the hub seeds when run with `--demo`: a district ODSC with
 * the ministries, services, counters and staff a real one has.
 *
 * The fees below are SAMPLE figures, round amounts chosen to look plausible.
 * They are NOT the official fees of any ministry and must never be shown as
 * such (the hub marks them `feeIsSample`). A real centre enters its official
 * fee schedule in the console.
 */
import type { Localized, LocalizedList, StaffRole } from '../../../shared/protocol.js';

export interface DemoMinistry {
  id: string;
  name: Localized;
}

export interface DemoService {
  id: string;
  /** One or two capital ASCII letters; the ticket label is prefix + number, e.g. `ID023`. */
  prefix: string;
  ministryId: string;
  name: Localized;
  feeLak: number;
  /** The same documents in the same order in both languages. */
  documents: LocalizedList;
  targetMinutes: number;
  /** Most tickets a day for this service; null for no limit. */
  dailyCap: number | null;
}

export interface DemoCounter {
  number: number;
  name: Localized;
  /** Service ids, best-ranked first. */
  services: readonly string[];
}

export interface DemoStaff {
  username: string;
  name: string;
  role: StaffRole;
  pin: string;
}

export interface DemoCentre {
  name: Localized;
  timeZone: string;
  ministries: readonly DemoMinistry[];
  services: readonly DemoService[];
  counters: readonly DemoCounter[];
  staff: readonly DemoStaff[];
  notices: readonly Localized[];
}

const MINISTRIES: readonly DemoMinistry[] = [
  { id: 'moha', name: { lo: 'ກະຊວງພາຍໃນ', en: 'Ministry of Home Affairs' } },
  { id: 'mops', name: { lo: 'ກະຊວງປ້ອງກັນຄວາມສະຫງົບ', en: 'Ministry of Public Security' } },
  { id: 'moj', name: { lo: 'ກະຊວງຍຸຕິທຳ', en: 'Ministry of Justice' } },
  { id: 'mof', name: { lo: 'ກະຊວງການເງິນ', en: 'Ministry of Finance' } },
  {
    id: 'moic',
    name: { lo: 'ກະຊວງອຸດສາຫະກຳ ແລະ ການຄ້າ', en: 'Ministry of Industry and Commerce' },
  },
  {
    id: 'monre',
    name: {
      lo: 'ກະຊວງຊັບພະຍາກອນທຳມະຊາດ ແລະ ສິ່ງແວດລ້ອມ',
      en: 'Ministry of Natural Resources and Environment',
    },
  },
  {
    id: 'mpwt',
    name: { lo: 'ກະຊວງໂຍທາທິການ ແລະ ຂົນສົ່ງ', en: 'Ministry of Public Works and Transport' },
  },
];

const SERVICES: readonly DemoService[] = [
  // Ministry of Public Security: family book, residence, ID card.
  {
    id: 'family-book-entry',
    prefix: 'F',
    ministryId: 'mops',
    name: { lo: 'ແຈ້ງເຂົ້າສຳມະໂນຄົວ', en: 'Family book: new entry' },
    feeLak: 10_000,
    documents: {
      lo: ['ປຶ້ມສຳມະໂນຄົວ', 'ໃບແຈ້ງເກີດ ຫຼື ບັດປະຈຳຕົວ ຂອງຜູ້ທີ່ຈະແຈ້ງເຂົ້າ', 'ໃບຍ້າຍສຳມະໂນຄົວ (ຖ້າຍ້າຍມາຈາກບ່ອນອື່ນ)'],
      en: [
        'Family book',
        'Birth certificate or ID card of the person to be added',
        'Family book transfer slip (if moving from elsewhere)',
      ],
    },
    targetMinutes: 10,
    dailyCap: null,
  },
  {
    id: 'family-book-change',
    prefix: 'FC',
    ministryId: 'mops',
    name: { lo: 'ແກ້ໄຂ ແລະ ແຈ້ງອອກສຳມະໂນຄົວ', en: 'Family book: changes and removals' },
    feeLak: 10_000,
    documents: {
      lo: [
        'ປຶ້ມສຳມະໂນຄົວ',
        'ບັດປະຈຳຕົວ ຂອງເຈົ້າຂອງເຮືອນ',
        'ເອກະສານຢັ້ງຢືນການປ່ຽນແປງ (ໃບທະບຽນສົມລົດ, ໃບມໍລະນະບັດ ແລະ ອື່ນໆ)',
      ],
      en: [
        'Family book',
        'ID card of the head of household',
        'Proof of the change (marriage certificate, death certificate, etc.)',
      ],
    },
    targetMinutes: 10,
    dailyCap: null,
  },
  {
    id: 'residence-certificate',
    prefix: 'R',
    ministryId: 'mops',
    name: { lo: 'ໃບຢັ້ງຢືນທີ່ຢູ່', en: 'Residence certificate' },
    feeLak: 10_000,
    documents: {
      lo: ['ບັດປະຈຳຕົວ', 'ປຶ້ມສຳມະໂນຄົວ', 'ໜັງສືຢັ້ງຢືນຈາກນາຍບ້ານ'],
      en: ['ID card', 'Family book', 'Letter from the village chief'],
    },
    targetMinutes: 5,
    dailyCap: null,
  },
  {
    id: 'national-id-card',
    prefix: 'ID',
    ministryId: 'mops',
    name: { lo: 'ບັດປະຈຳຕົວພົນລະເມືອງລາວ', en: 'National ID card (new or renewal)' },
    feeLak: 50_000,
    documents: {
      lo: ['ປຶ້ມສຳມະໂນຄົວ', 'ໃບແຈ້ງເກີດ (ສຳລັບເຮັດບັດຄັ້ງທຳອິດ)', 'ບັດປະຈຳຕົວເກົ່າ (ສຳລັບຕໍ່ອາຍຸ)'],
      en: ['Family book', 'Birth certificate (first card)', 'Old ID card (renewal)'],
    },
    targetMinutes: 10,
    dailyCap: null,
  },

  // Ministry of Home Affairs: civil status registration.
  {
    id: 'birth-certificate',
    prefix: 'B',
    ministryId: 'moha',
    name: { lo: 'ໃບແຈ້ງເກີດ', en: 'Birth certificate' },
    feeLak: 0,
    documents: {
      lo: [
        'ໃບຢັ້ງຢືນການເກີດ ຈາກໂຮງໝໍ',
        'ປຶ້ມສຳມະໂນຄົວ ຂອງພໍ່ແມ່',
        'ບັດປະຈຳຕົວ ຂອງພໍ່ ແລະ ແມ່',
        'ໃບທະບຽນສົມລົດ ຂອງພໍ່ແມ່ (ຖ້າມີ)',
      ],
      en: [
        'Hospital record of the birth',
        "Parents' family book",
        'ID cards of both parents',
        "Parents' marriage certificate (if any)",
      ],
    },
    targetMinutes: 10,
    dailyCap: null,
  },
  {
    id: 'marriage-registration',
    prefix: 'M',
    ministryId: 'moha',
    name: { lo: 'ຈົດທະບຽນສົມລົດ', en: 'Marriage registration' },
    feeLak: 50_000,
    documents: {
      lo: ['ບັດປະຈຳຕົວ ຂອງທັງສອງຝ່າຍ', 'ປຶ້ມສຳມະໂນຄົວ ຂອງທັງສອງຝ່າຍ', 'ໃບຢັ້ງຢືນສະຖານະພາບໂສດ', 'ໃບຢັ້ງຢືນສຸຂະພາບ'],
      en: [
        'ID cards of both partners',
        'Family books of both partners',
        'Certificate of single status',
        'Health certificate',
      ],
    },
    targetMinutes: 20,
    dailyCap: null,
  },

  // Ministry of Justice.
  {
    id: 'certified-copies',
    prefix: 'N',
    ministryId: 'moj',
    name: { lo: 'ຢັ້ງຢືນສຳເນົາເອກະສານ', en: 'Certified copies of documents' },
    feeLak: 5_000,
    documents: {
      lo: ['ເອກະສານສະບັບຕົ້ນ', 'ສຳເນົາທີ່ຕ້ອງການຢັ້ງຢືນ', 'ບັດປະຈຳຕົວ'],
      en: ['The original document', 'The copies to be certified', 'ID card'],
    },
    targetMinutes: 5,
    dailyCap: null,
  },
  {
    id: 'criminal-record',
    prefix: 'C',
    ministryId: 'moj',
    name: { lo: 'ໃບຢັ້ງຢືນປະຫວັດອາຊະຍາກຳ', en: 'Criminal record certificate' },
    feeLak: 30_000,
    documents: {
      lo: ['ບັດປະຈຳຕົວ', 'ປຶ້ມສຳມະໂນຄົວ', 'ຮູບຖ່າຍ ຂະໜາດ 3×4 ຊມ ຈຳນວນ 2 ໃບ'],
      en: ['ID card', 'Family book', 'Two 3×4 cm photos'],
    },
    targetMinutes: 10,
    dailyCap: null,
  },

  // Ministry of Industry and Commerce.
  {
    id: 'enterprise-registration',
    prefix: 'E',
    ministryId: 'moic',
    name: { lo: 'ຂຶ້ນທະບຽນວິສາຫະກິດ', en: 'Enterprise registration' },
    feeLak: 100_000,
    documents: {
      lo: [
        'ແບບຟອມຄຳຮ້ອງຂໍຂຶ້ນທະບຽນວິສາຫະກິດ',
        'ບັດປະຈຳຕົວ ຂອງຜູ້ກໍ່ຕັ້ງ',
        'ສັນຍາເຊົ່າ ຫຼື ໃບຕາດິນ ຂອງສະຖານທີ່',
        'ກົດລະບຽບວິສາຫະກິດ (ສຳລັບບໍລິສັດ)',
      ],
      en: [
        'Enterprise registration application form',
        'ID card of each founder',
        'Lease or land title of the premises',
        'Articles of association (for companies)',
      ],
    },
    targetMinutes: 30,
    dailyCap: null,
  },
  {
    id: 'business-licence-renewal',
    prefix: 'BL',
    ministryId: 'moic',
    name: { lo: 'ຕໍ່ອາຍຸໃບອະນຸຍາດດຳເນີນທຸລະກິດ', en: 'Business licence renewal' },
    feeLak: 100_000,
    documents: {
      lo: ['ໃບທະບຽນວິສາຫະກິດ', 'ໃບອະນຸຍາດດຳເນີນທຸລະກິດ ສະບັບເກົ່າ', 'ໃບຢັ້ງຢືນການເສຍອາກອນ'],
      en: [
        'Enterprise registration certificate',
        'The current business licence',
        'Tax clearance certificate',
      ],
    },
    targetMinutes: 15,
    dailyCap: null,
  },

  // Ministry of Finance.
  {
    id: 'tax-registration',
    prefix: 'T',
    ministryId: 'mof',
    name: { lo: 'ຂຶ້ນທະບຽນອາກອນ (ເລກປະຈຳຕົວຜູ້ເສຍອາກອນ)', en: 'Tax registration (TIN)' },
    feeLak: 20_000,
    documents: {
      lo: ['ໃບທະບຽນວິສາຫະກິດ ຫຼື ບັດປະຈຳຕົວ', 'ແບບຟອມຂຶ້ນທະບຽນອາກອນ', 'ແຜນທີ່ສະຖານທີ່ດຳເນີນທຸລະກິດ'],
      en: [
        'Enterprise registration certificate or ID card',
        'Tax registration form',
        'Map of the business location',
      ],
    },
    targetMinutes: 15,
    dailyCap: null,
  },
  {
    id: 'tax-payment',
    prefix: 'TP',
    ministryId: 'mof',
    name: { lo: 'ຊຳລະອາກອນ', en: 'Tax payment' },
    // The tax itself is paid at the counter; the service carries no fee of its own.
    feeLak: 0,
    documents: {
      lo: ['ເລກປະຈຳຕົວຜູ້ເສຍອາກອນ (TIN)', 'ແບບຟອມແຈ້ງອາກອນ', 'ໃບຮັບເງິນຄັ້ງກ່ອນ (ຖ້າມີ)'],
      en: ['Taxpayer identification number (TIN)', 'Tax return form', 'Previous receipt (if any)'],
    },
    targetMinutes: 10,
    dailyCap: null,
  },

  // Ministry of Natural Resources and Environment: land.
  {
    id: 'land-title',
    prefix: 'L',
    ministryId: 'monre',
    name: { lo: 'ອອກໃບຕາດິນ', en: 'Land title certificate' },
    feeLak: 200_000,
    documents: {
      lo: ['ໜັງສືຢັ້ງຢືນການນຳໃຊ້ທີ່ດິນ ຈາກບ້ານ', 'ບັດປະຈຳຕົວ ແລະ ປຶ້ມສຳມະໂນຄົວ', 'ແຜນຜັງທີ່ດິນ', 'ໃບຮັບເງິນອາກອນທີ່ດິນ'],
      en: [
        'Village certificate of land use',
        'ID card and family book',
        'Plan of the land plot',
        'Land tax receipts',
      ],
    },
    targetMinutes: 30,
    // Each title needs a surveyor's check, so the land office takes a fixed number a day.
    dailyCap: 40,
  },
  {
    id: 'land-transfer',
    prefix: 'LT',
    ministryId: 'monre',
    name: { lo: 'ໂອນສິດນຳໃຊ້ທີ່ດິນ', en: 'Land use right transfer' },
    feeLak: 150_000,
    documents: {
      lo: [
        'ໃບຕາດິນ ສະບັບຕົ້ນ',
        'ສັນຍາຊື້-ຂາຍ ຫຼື ໜັງສືມອບມູນມໍລະດົກ',
        'ບັດປະຈຳຕົວ ແລະ ປຶ້ມສຳມະໂນຄົວ ຂອງທັງສອງຝ່າຍ',
        'ໃບຮັບເງິນອາກອນການໂອນ',
      ],
      en: [
        'The original land title',
        'Sale contract or inheritance deed',
        'ID cards and family books of both parties',
        'Receipt for the transfer tax',
      ],
    },
    targetMinutes: 30,
    dailyCap: 30,
  },

  // Ministry of Public Works and Transport.
  {
    id: 'vehicle-registration',
    prefix: 'V',
    ministryId: 'mpwt',
    name: { lo: 'ຂຶ້ນທະບຽນລົດ', en: 'Vehicle registration' },
    feeLak: 150_000,
    documents: {
      lo: ['ໃບເກັບເງິນ ຫຼື ສັນຍາຊື້-ຂາຍລົດ', 'ໃບຢັ້ງຢືນການເສຍພາສີ', 'ບັດປະຈຳຕົວ', 'ໃບຢັ້ງຢືນການກວດກາເຕັກນິກລົດ'],
      en: [
        'Invoice or vehicle sale contract',
        'Customs clearance certificate',
        'ID card',
        'Technical inspection certificate',
      ],
    },
    targetMinutes: 20,
    dailyCap: null,
  },
  {
    id: 'driving-licence',
    prefix: 'D',
    ministryId: 'mpwt',
    name: { lo: 'ໃບຂັບຂີ່ (ອອກໃໝ່ ແລະ ຕໍ່ອາຍຸ)', en: 'Driving licence (new or renewal)' },
    feeLak: 100_000,
    documents: {
      lo: ['ບັດປະຈຳຕົວ', 'ໃບຢັ້ງຢືນສຸຂະພາບ', 'ໃບຂັບຂີ່ເກົ່າ (ສຳລັບຕໍ່ອາຍຸ)', 'ໃບຢັ້ງຢືນການສອບເສັງຜ່ານ (ສຳລັບອອກໃໝ່)'],
      en: [
        'ID card',
        'Medical certificate',
        'Old licence (renewal)',
        'Driving test pass certificate (new licence)',
      ],
    },
    targetMinutes: 15,
    dailyCap: null,
  },
  {
    id: 'construction-permit',
    prefix: 'P',
    ministryId: 'mpwt',
    name: { lo: 'ໃບອະນຸຍາດປຸກສ້າງ', en: 'Construction permit' },
    feeLak: 200_000,
    documents: {
      lo: ['ໃບຕາດິນ', 'ແບບແຜນການກໍ່ສ້າງ', 'ບັດປະຈຳຕົວ', 'ໜັງສືເຫັນດີຈາກບ້ານ'],
      en: ['Land title', 'Building plans', 'ID card', 'Letter of consent from the village'],
    },
    targetMinutes: 25,
    dailyCap: null,
  },
];

/**
 * Counters 1–6 work in pairs, one ministry group each, ranked in opposite
 * orders so both ends of the group move; land (7) and transport (8) have one
 * counter each and share construction permits, which need a land title.
 */
const COUNTER_SERVICES: readonly (readonly string[])[] = [
  ['national-id-card', 'family-book-entry', 'family-book-change', 'residence-certificate'],
  ['family-book-entry', 'family-book-change', 'residence-certificate', 'national-id-card'],
  ['birth-certificate', 'marriage-registration', 'certified-copies', 'criminal-record'],
  ['certified-copies', 'criminal-record', 'birth-certificate', 'marriage-registration'],
  ['enterprise-registration', 'business-licence-renewal', 'tax-registration', 'tax-payment'],
  ['tax-payment', 'tax-registration', 'business-licence-renewal', 'enterprise-registration'],
  ['land-title', 'land-transfer', 'construction-permit'],
  ['vehicle-registration', 'driving-licence', 'construction-permit'],
];

const COUNTERS: readonly DemoCounter[] = COUNTER_SERVICES.map((services, i) => ({
  number: i + 1,
  name: { lo: `ປ່ອງບໍລິການ ${i + 1}`, en: `Counter ${i + 1}` },
  services,
}));

const CLERK_NAMES = [
  'Souksavanh Phommachanh',
  'Khamphet Sisouphanh',
  'Vilayvanh Keomany',
  'Bounmy Inthavong',
  'Phonesavanh Vongphachanh',
  'Manivanh Sengdara',
  'Thongsavath Luangrath',
  'Chanthaly Douangmala',
] as const;

const STAFF: readonly DemoStaff[] = [
  ...CLERK_NAMES.map(
    (name, i) =>
      ({ username: `clerk${i + 1}`, name, role: 'clerk', pin: '1234' }) satisfies DemoStaff,
  ),
  { username: 'supervisor', name: 'Vilayvanh Phommachanh', role: 'supervisor', pin: '5555' },
  { username: 'manager', name: 'Khamla Sayavong', role: 'manager', pin: '9999' },
];

const NOTICES: readonly Localized[] = [
  {
    lo: 'ຄ່າທຳນຽມຂອງທຸກບໍລິການ ສະແດງໄວ້ໃຫ້ເຫັນ ກະລຸນາຈ່າຍສະເພາະຄ່າທຳນຽມທີ່ຖືກຕ້ອງ ແລະ ຂໍໃບຮັບເງິນທຸກຄັ້ງ',
    en: 'Every fee is posted. Pay only the official fee and always ask for a receipt.',
  },
  {
    lo: 'ເປີດບໍລິການ ວັນຈັນ ຫາ ວັນສຸກ ເວລາ 8:00–16:00 ໂມງ',
    en: 'Open Monday to Friday, 8:00–16:00.',
  },
  {
    lo: 'ກະລຸນາເກັບບັດຄິວໄວ້ ຈົນກວ່າຈະໄດ້ຮັບບໍລິການສຳເລັດ',
    en: 'Keep your ticket until your service is finished.',
  },
  {
    lo: 'ສະແກນ QR ໂຄດ ເທິງບັດຄິວ ເພື່ອຕິດຕາມຄິວຂອງທ່ານໃນໂທລະສັບ',
    en: 'Scan the QR code on your ticket to follow your turn on your phone.',
  },
];

export const DEMO_CENTRE: DemoCentre = {
  name: {
    lo: 'ສູນບໍລິການປະຕູດຽວ ເມືອງຈັນທະບູລີ ນະຄອນຫຼວງວຽງຈັນ',
    en: 'Chanthabouly District One-Door Service Centre, Vientiane Capital',
  },
  timeZone: 'Asia/Vientiane',
  ministries: MINISTRIES,
  services: SERVICES,
  counters: COUNTERS,
  staff: STAFF,
  notices: NOTICES,
};
