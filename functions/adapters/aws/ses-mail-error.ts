import { PermanentMailError, TransientMailError } from '../../ports/errors.ts';

/** SES v1 error codes that retrying later can cure: rate and quota limits, SES's own faults, expired credentials. */
const transientCodes = new Set([
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'InternalFailure',
  'InternalServiceError',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
  'ExpiredToken',
  'ExpiredTokenException',
  'RequestExpired',
]);

/**
 * An SES SendRawEmail failure as the port's mail error:
 * - TransientMailError: throttling and sending-quota errors (`Throttling`: "Maximum sending rate
 *   exceeded", "Daily message quota exceeded"), any 5xx, SES's internal failures and timeouts,
 *   and network errors (no HTTP answer at all: refused, reset, DNS);
 * - PermanentMailError: everything else SES answered with a 4xx, e.g. `MessageRejected`
 *   (unverified recipient in the sandbox, a virus, a message too big),
 *   `MailFromDomainNotVerifiedException`, `ConfigurationSetDoesNotExistException`,
 *   `AccountSendingPausedException`, `InvalidParameterValue`: the owner has to act.
 *
 * The message names SES, the error code and SES's text.
 *
 * @example sesMailError(new MessageRejected({ message: 'Email address is not verified.', $metadata: { httpStatusCode: 400 } })) // PermanentMailError 'SES: MessageRejected: Email address is not verified.'
 * @see https://docs.aws.amazon.com/ses/latest/APIReference/API_SendRawEmail.html#API_SendRawEmail_Errors
 */
export function sesMailError(error: unknown): TransientMailError | PermanentMailError {
  const e = error as Error & { $metadata?: { httpStatusCode?: number }; code?: string; Code?: string };
  const code = e.name && e.name !== 'Error' ? e.name : (e.Code ?? e.code ?? 'Error');
  const status = e.$metadata?.httpStatusCode;
  const message = `SES: ${code}: ${e.message || 'no message'}${status ? ` (HTTP ${status})` : ''}`;
  if (transientCodes.has(code) || status === undefined || status >= 500 || status === 429) return new TransientMailError(message, { cause: error });
  return new PermanentMailError(message, { cause: error });
}
