import type { CaseSummary } from '../../../functions/api/case-summary.ts';
import type { CaseEvent, CaseRecord, StageRecord } from '../../../functions/ports/records.ts';

/**
 * The site's client of the Overdue API (functions/api/app.ts), same origin: `npm start` serves
 * the site and /api/ together. Types are the API's own (type-only imports: nothing of
 * functions/ reaches the browser). When the server requires a token, it is kept in
 * localStorage and sent as `Authorization: Bearer`.
 */
export type { CaseEvent, CaseRecord, CaseSummary, StageRecord };

export interface FieldError {
  path: string;
  message: string;
}

export interface CaseDetail {
  case: CaseRecord;
  summary: CaseSummary;
  stages: StageRecord[];
  events: CaseEvent[];
}

export interface OutboxMessage {
  file: string;
  size: number;
  subject: string;
  to: string;
  date: string;
  messageId: string;
}

export type CaseAction = 'payments' | 'promise' | 'dispute' | 'resume' | 'plan' | 'settlement' | 'cancel' | 'notes';

/** A refusal from the API: field errors (400), no such case (404), a state conflict (409), no token (401), or no API at all (0). */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly fields: FieldError[];
  readonly code: string | undefined;
  constructor(status: number, message: string, fields: FieldError[] = [], code?: string) {
    super(message);
    this.status = status;
    this.fields = fields;
    this.code = code;
  }
}

const tokenKey = 'overdue.token';

export function setToken(token: string): void {
  localStorage.setItem(tokenKey, token);
}

function authorization(): Record<string, string> {
  const token = typeof localStorage === 'undefined' ? null : localStorage.getItem(tokenKey);
  return token ? { authorization: `Bearer ${token}` } : {};
}

async function request<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...authorization() };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (error) {
    throw new ApiError(0, (error as Error).message);
  }
  const text = await response.text();
  let data: Record<string, unknown> = {};
  try {
    data = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    if (!response.ok) throw new ApiError(response.status === 404 ? 0 : response.status, text.slice(0, 200));
  }
  if (!response.ok) {
    throw new ApiError(response.status, String(data.message ?? data.error ?? response.statusText), (data.fields as FieldError[] | undefined) ?? [], data.code as string | undefined);
  }
  return data as T;
}

export const api = {
  listCases: () => request<{ cases: CaseSummary[] }>('GET', '/api/cases').then((r) => r.cases),
  getCase: (id: string) => request<CaseDetail>('GET', `/api/cases/${encodeURIComponent(id)}`),
  createCase: (file: unknown) => request<{ case: CaseRecord; summary: CaseSummary; stages: StageRecord[] }>('POST', '/api/cases', file),
  act: (id: string, action: CaseAction, body: unknown) => request<{ case: CaseRecord }>('POST', `/api/cases/${encodeURIComponent(id)}/${action}`, body),
  taskOutcome: (id: string, stageId: string, body: { outcome: string; note?: string }) =>
    request<{ case: CaseRecord }>('POST', `/api/cases/${encodeURIComponent(id)}/tasks/${encodeURIComponent(stageId)}/outcome`, body),
  resend: (id: string, stageId: string) => request<{ case: CaseRecord }>('POST', `/api/cases/${encodeURIComponent(id)}/stages/${encodeURIComponent(stageId)}/resend`, {}),
  /** the outbox folder's messages, or `undefined` when mail goes out by SMTP (no outbox route) */
  outbox: () =>
    request<{ messages: OutboxMessage[] }>('GET', '/api/outbox').then(
      (r) => r.messages,
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return undefined;
        throw error;
      },
    ),
  outboxUrl: (file: string) => `/api/outbox/${encodeURIComponent(file)}`,
  /** the lawyer bundle (ZIP) of a case in a language as of a date, with the file name the server gives it, or a link to it */
  bundle: async (id: string, lang: string, date: string): Promise<{ blob: Blob; fileName: string } | { url: string; fileName: string }> => {
    const path = `/api/cases/${encodeURIComponent(id)}/bundle?lang=${encodeURIComponent(lang)}&date=${encodeURIComponent(date)}`;
    let response: Response;
    try {
      response = await fetch(path, { headers: { accept: 'application/zip, application/json', ...authorization() } });
    } catch (error) {
      throw new ApiError(0, (error as Error).message);
    }
    if (!response.ok) {
      const data = (await response.json().catch(() => ({}))) as Record<string, unknown>;
      throw new ApiError(response.status, String(data.message ?? data.error ?? response.statusText), (data.fields as FieldError[] | undefined) ?? [], data.code as string | undefined);
    }
    if ((response.headers.get('content-type') ?? '').startsWith('application/json')) {
      // on AWS a large bundle comes as a short-lived download link rather than in the answer
      const link = (await response.json()) as { url: string; fileName: string };
      return { url: link.url, fileName: link.fileName };
    }
    return { blob: await response.blob(), fileName: attachmentName(response.headers.get('content-disposition')) ?? `overdue-${id}-${date}.zip` };
  },
  share: (id: string, body: { lang: string; expiresInDays: number }) =>
    request<{ linkId: string; expiresAt: string; url: string }>('POST', `/api/cases/${encodeURIComponent(id)}/share`, body),
  revokeShare: (id: string, linkId: string) => request<{ revoked: string }>('DELETE', `/api/cases/${encodeURIComponent(id)}/share/${encodeURIComponent(linkId)}`),
};

/** The file name of a `Content-Disposition: attachment` header: the UTF-8 `filename*` (RFC 6266) first, else `filename`. */
export function attachmentName(header: string | null): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim());
    } catch {
      /* a malformed escape: fall back to the plain name */
    }
  }
  return /filename="([^"]+)"/i.exec(header)?.[1];
}
