/**
 * A field's message: the hub's `fields` (or the same schema checked here
 * first, so a mistake is shown before the request leaves) name a path and an
 * issue; `field.<issue>` in shared/i18n/ says it in words.
 */
import type { z } from 'zod';
import { en } from '../../shared/i18n/en.js';
import type { MessageKey } from '../../shared/i18n/index.js';
import type { FieldError } from '../../shared/protocol.js';

/** Zod's issues as the hub reports them: a rule's own word for a refinement, else zod's code. */
export function issuesToFields(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.join('.'),
    issue: issue.code === 'custom' ? issue.message : issue.code,
  }));
}

export function fieldMessageKey(issue: string): MessageKey {
  const key = `field.${issue}`;
  return Object.hasOwn(en, key) ? (key as MessageKey) : 'field.invalid';
}

/** The first error at `path` or inside it (`service.feeRef` also catches `service.feeRef.lo`). */
export function errorAt(errors: readonly FieldError[], path: string): FieldError | undefined {
  return errors.find((e) => e.path === path) ?? errors.find((e) => e.path.startsWith(`${path}.`));
}
