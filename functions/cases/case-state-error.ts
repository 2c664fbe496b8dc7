/**
 * An action that the case's state does not allow (a promise on a paid case, a resume of an active
 * one), or that names something the case does not have. The API answers 409 (state) or 400
 * (field) with the message; `field` is the body field at fault, if any.
 */
export class CaseStateError extends Error {
  override name = 'CaseStateError';
  readonly code: string;
  readonly field: string | undefined;
  constructor(code: string, message: string, field?: string) {
    super(message);
    this.code = code;
    this.field = field;
  }
}
