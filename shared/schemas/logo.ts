/**
 * The centre's logo: what the hub accepts (PNG or JPEG, told apart by their
 * first bytes, never by a name or a claimed type), the limits it holds
 * uploads to, and how every app finds the picture it serves. The picture
 * itself never rides in a snapshot or an event: they carry its address.
 */
import { z } from 'zod';

/** `PUT` (the image bytes as the body) and `DELETE` here change it; `GET` serves it. */
export const LOGO_PATH = '/api/v1/centre/logo';
/** Larger than any logo needs on a kiosk, a TV or a ticket; small enough to keep in the row. */
export const LOGO_MAX_BYTES = 256 * 1024;
/** Smaller is not a logo; larger is a photograph, or a picture built to exhaust memory. */
export const LOGO_MIN_SIDE_PX = 16;
export const LOGO_MAX_SIDE_PX = 4096;
/** Wider (or taller) than this is a strip, not a mark a header or a ticket can show. */
export const LOGO_MAX_ASPECT = 10;

export const LOGO_TYPES = ['image/png', 'image/jpeg'] as const;
export const LogoTypeSchema = z.enum(LOGO_TYPES);
export type LogoType = z.infer<typeof LogoTypeSchema>;

export const CentreLogoSchema = z.object({
  /** Same-origin path; changes with the picture (`?v=`), so a new logo is fetched at once. */
  url: z.string(),
  type: LogoTypeSchema,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  bytes: z.number().int().positive(),
});
export type CentreLogo = z.infer<typeof CentreLogoSchema>;

/** The query of a `PUT` or `DELETE`: the centre's version the change was made on. */
export const LogoChangeSchema = z.strictObject({ version: z.number().int().positive() });

/** Why a picture was refused, as `fields[].issue` at `centre.logo` (`field.<issue>` says it). */
export const LOGO_ISSUES = [
  'logo-too-large',
  'logo-svg',
  'logo-not-image',
  'logo-dimensions',
  'logo-damaged',
] as const;
export type LogoIssue = (typeof LOGO_ISSUES)[number];
export const LOGO_FIELD = 'centre.logo';
