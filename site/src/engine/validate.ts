import type { z } from 'zod';
import { fieldErrors, type FieldError } from '../../../templates/domain/validation/field-errors.ts';

/**
 * Parses `input` with a domain schema; errors come back as field errors with `prefix` in front of
 * their paths (`creditor` + `address.city` → `creditor.address.city`), as the forms name fields.
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown, prefix: string): { data?: z.output<S>; errors: FieldError[] } {
  const result = schema.safeParse(input);
  if (result.success) return { data: result.data, errors: [] };
  return {
    errors: fieldErrors(result.error).map((e) => ({
      path: e.path === '(the file)' ? prefix : prefix ? `${prefix}${e.path.startsWith('[') ? '' : '.'}${e.path}` : e.path,
      message: e.message,
    })),
  };
}
