import type { z } from 'zod';

/** One problem with one field: where (`invoices[0].lines[2].quantity`) and what, in plain words. */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * zod issues as field errors with a readable path. Union mismatches report the most specific
 * branch rather than "invalid input".
 *
 * @example fieldErrors(CaseFileSchema.safeParse(data).error) // [{ path: 'debtor.timeZone', message: 'is not an IANA time zone name …' }]
 */
export function fieldErrors(error: z.ZodError): FieldError[] {
  const out: FieldError[] = [];
  const visit = (issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[]) => {
    for (const issue of issues) {
      const path = [...prefix, ...issue.path];
      if (issue.code === 'invalid_union' && issue.errors.length > 0) {
        // the branch with the fewest problems is the one the author meant
        const best = [...issue.errors].sort((a, b) => a.length - b.length)[0]!;
        visit(best, path);
        continue;
      }
      out.push({ path: formatPath(path), message: plain(issue) });
    }
  };
  visit(error.issues, []);
  return out;
}

/** `['invoices', 0, 'lines', 2]` → `invoices[0].lines[2]` */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, key) => (typeof key === 'number' ? `${s}[${key}]` : s ? `${s}.${String(key)}` : String(key)), '') || '(the file)';
}

function plain(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      // zod 4 leaves the input out of issues; its message ends with "received <type>"
      return /received undefined$/.test(issue.message) ? 'is required' : `must be ${article(issue.expected)}${received(issue.message)}`;
    case 'unrecognized_keys':
      return `has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
    case 'invalid_value':
      return issue.message.startsWith('Invalid') ? `must be one of ${issue.values.map(String).join(', ')}` : issue.message;
    case 'too_small':
      return issue.origin === 'array' ? `needs at least ${issue.minimum} item${Number(issue.minimum) === 1 ? '' : 's'}` : issue.message.startsWith('Too small') ? `must be at least ${issue.minimum}` : issue.message;
    case 'too_big':
      return issue.origin === 'array' ? `has more than ${issue.maximum} items` : issue.message.startsWith('Too big') ? `must be at most ${issue.maximum}` : issue.message;
    default:
      return issue.message;
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function received(message: string): string {
  const type = /received (\w+)$/.exec(message)?.[1];
  return type ? `, not ${type === 'array' ? 'a list' : type === 'null' ? 'null' : article(type)}` : '';
}
