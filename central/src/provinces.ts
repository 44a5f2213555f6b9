/** The 17 provinces of Lao PDR and Vientiane Capital, by the codes central's centres carry. */
export const PROVINCES = {
  VTE: { lo: 'ນະຄອນຫຼວງວຽງຈັນ', en: 'Vientiane Capital' },
  PSL: { lo: 'ຜົ້ງສາລີ', en: 'Phongsaly' },
  LNT: { lo: 'ຫຼວງນ້ຳທາ', en: 'Luang Namtha' },
  ODX: { lo: 'ອຸດົມໄຊ', en: 'Oudomxay' },
  BKO: { lo: 'ບໍ່ແກ້ວ', en: 'Bokeo' },
  LPB: { lo: 'ຫຼວງພະບາງ', en: 'Luang Prabang' },
  HPN: { lo: 'ຫົວພັນ', en: 'Houaphanh' },
  XYB: { lo: 'ໄຊຍະບູລີ', en: 'Xayaboury' },
  XKH: { lo: 'ຊຽງຂວາງ', en: 'Xiengkhouang' },
  VTP: { lo: 'ວຽງຈັນ', en: 'Vientiane' },
  BKX: { lo: 'ບໍລິຄຳໄຊ', en: 'Borikhamxay' },
  KHM: { lo: 'ຄຳມ່ວນ', en: 'Khammouane' },
  SVK: { lo: 'ສະຫວັນນະເຂດ', en: 'Savannakhet' },
  SLV: { lo: 'ສາລະວັນ', en: 'Saravane' },
  SEK: { lo: 'ເຊກອງ', en: 'Sekong' },
  CPS: { lo: 'ຈຳປາສັກ', en: 'Champasak' },
  ATP: { lo: 'ອັດຕະປື', en: 'Attapeu' },
  XSB: { lo: 'ໄຊສົມບູນ', en: 'Xaisomboun' },
} as const;

export type Province = keyof typeof PROVINCES;
export const PROVINCE_CODES = Object.keys(PROVINCES) as Province[];
export const isProvince = (code: string): code is Province => code in PROVINCES;
