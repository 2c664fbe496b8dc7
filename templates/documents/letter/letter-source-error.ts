/**
 * A letter cannot be written from this source: a stage that needs data the source lacks (a
 * promise-confirmation without the promised date, an instalment letter without a plan), or a
 * case with nothing left to pay. The message says what is missing.
 *
 * @example new LetterSourceError('promise-confirmation needs source.promise.date, the date the debtor promised to pay by')
 * @see templates/documents/letter/letter-source.ts
 */
export class LetterSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LetterSourceError';
  }
}
