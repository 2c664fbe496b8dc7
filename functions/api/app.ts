import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { CaseFileSchema } from '#domain/schemas/case.ts';
import { fieldErrors } from '#domain/validation/field-errors.ts';
import { AgreePlanSchema, AgreeSettlementSchema, agreePaymentPlan, agreeSettlement } from '../cases/agree-plan.ts';
import { CaseStateError } from '../cases/case-state-error.ts';
import { createCase } from '../cases/create-case.ts';
import { DisputeSchema, PromiseSchema, cancelCase, markDispute, recordPromise } from '../cases/pause-case.ts';
import { RecordPaymentSchema, recordPayment } from '../cases/record-payment.ts';
import { TaskOutcomeSchema, addNote, recordTaskOutcome } from '../cases/record-task-outcome.ts';
import { resendStage } from '../cases/resend-stage.ts';
import { resumeCase } from '../cases/resume-case.ts';
import { CaseNotFoundError, StageConflictError, VersionConflictError } from '../ports/errors.ts';
import type { Ports } from '../ports/ports.ts';
import { accessToken } from './access-token.ts';
import { caseSummary } from './case-summary.ts';
import { tasksCalendar } from './tasks-calendar.ts';
import { addBundleRoutes } from '../bundle/bundle-routes.ts';
import type { BundleDelivery } from '../bundle/bundle-delivery.ts';

/** Read access to the outbox folder, when mail goes there instead of SMTP. */
export interface OutboxAccess {
  list(): Promise<{ file: string; size: number; subject: string; to: string; date: string; messageId: string }[]>;
  read(file: string): Promise<Uint8Array | undefined>;
}

export interface AppOptions {
  /** when set, every /api request needs `Authorization: Bearer <token>` */
  token?: string | undefined;
  outbox?: OutboxAccess | undefined;
  /** the HMAC key of lawyer share links; without it, share links are refused */
  shareKey?: Uint8Array | undefined;
  /** where a lawyer bundle too large for an answer goes (AWS: S3 and a presigned link); without it the ZIP is the answer */
  bundleDelivery?: BundleDelivery | undefined;
}

const CaseId = z.object({ id: z.string().min(1).max(64) });
const CaseStage = z.object({ id: z.string().min(1).max(64), stageId: z.string().min(1).max(80) });
const NoteSchema = z.strictObject({ note: z.string().trim().min(1).max(2_000) });
const ResumeSchema = z.strictObject({ note: z.string().trim().max(2_000).optional() });
const CancelSchema = z.strictObject({ reason: z.string().trim().max(2_000).optional() });

const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } }, required: true });
const ok = (description: string) => ({ 200: { description }, 400: { description: 'invalid input, with field errors' }, 404: { description: 'no such case' }, 409: { description: 'the case is not in a state that allows this' } });

/**
 * The Overdue API: one Hono app for `npm start` (node-server) and for Lambda (hono/aws-lambda),
 * built from the ports it is given. Bodies are validated by the zod schemas of the domain;
 * a bad body gets 400 with `{ error: 'invalid', fields: [{ path, message }] }` and changes
 * nothing. The OpenAPI document is generated from the same schemas at /api/openapi.json.
 *
 * @example serve({ fetch: createApp(ports).fetch, hostname: '127.0.0.1', port: 4321 })
 */
export function createApp(ports: Ports, options: AppOptions = {}) {
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) return c.json({ error: 'invalid', fields: fieldErrors(result.error as z.ZodError) }, 400);
      return undefined;
    },
  });
  app.use('/api/*', async (c, next) => {
    // health is public; a share link is its own credential (signed, scoped, expiring, revocable)
    if (c.req.path === '/api/health' || c.req.path.startsWith('/api/share/')) return next();
    return accessToken(options.token)(c, next);
  });

  app.onError((error, c) => {
    if (error instanceof CaseNotFoundError) return c.json({ error: 'not-found', message: error.message }, 404);
    if (error instanceof CaseStateError) {
      return error.field
        ? c.json({ error: 'invalid', fields: [{ path: error.field, message: error.message }] }, 400)
        : c.json({ error: 'conflict', code: error.code, message: error.message }, 409);
    }
    if (error instanceof VersionConflictError || error instanceof StageConflictError) return c.json({ error: 'conflict', message: error.message }, 409);
    if (error instanceof HTTPException) {
      // malformed JSON and the like, raised by the validator before the schema runs
      return c.json({ error: 'invalid', fields: [{ path: '(the body)', message: error.message || 'is not valid JSON' }] }, error.status);
    }
    ports.log?.('error', 'unexpected error', { path: c.req.path, error: (error as Error).stack ?? String(error) });
    return c.json({ error: 'internal', message: 'something went wrong on our side; nothing was changed' }, 500);
  });

  const today = () => ports.clock.now().toISOString().slice(0, 10);

  // routes whose answers are not JSON bodies validated by a schema (a calendar, a message, a ZIP) are
  // served by plain handlers and documented here, so that /api/openapi.json lists every route
  const describe = (route: Parameters<typeof createRoute>[0]) => app.openAPIRegistry.registerPath(createRoute(route));

  describe({ method: 'get', path: '/api/health', summary: 'Liveness: answers without a token', responses: { 200: { description: '{ "ok": true }' } } });
  app.get('/api/health', (c) => c.json({ ok: true }));

  app.openapi(
    createRoute({ method: 'post', path: '/api/cases', summary: 'Create a case (contract and/or invoices, debtor, ladder); plans and schedules its letters', request: { body: json(CaseFileSchema) }, responses: { 201: { description: 'the case' }, 400: { description: 'field errors' } } }),
    async (c) => {
      const record = await createCase(ports, c.req.valid('json') as z.output<typeof CaseFileSchema>);
      const stages = await ports.store.getStages(record.id);
      return c.json({ case: record, summary: caseSummary(record, stages, today()), stages }, 201);
    },
  );

  app.openapi(createRoute({ method: 'get', path: '/api/cases', summary: 'List cases with balance, days late and next action', responses: { 200: { description: 'the cases' } } }), async (c) => {
    const records = await ports.store.listCases();
    const cases = await Promise.all(records.map(async (r) => caseSummary(r, await ports.store.getStages(r.id), today())));
    return c.json({ cases });
  });

  app.openapi(createRoute({ method: 'get', path: '/api/cases/{id}', summary: 'A case with its stages and its log (timeline)', request: { params: CaseId }, responses: ok('the case') }), async (c) => {
    const { id } = c.req.valid('param');
    const record = await ports.store.getCase(id);
    if (!record) throw new CaseNotFoundError(id);
    const [stages, events] = await Promise.all([ports.store.getStages(id), ports.store.getEvents(id)]);
    return c.json({ case: record, summary: caseSummary(record, stages, today()), stages, events });
  });

  const action = <S extends z.ZodType>(path: string, summary: string, schema: S, run: (id: string, body: z.infer<S>) => Promise<unknown>) =>
    app.openapi(createRoute({ method: 'post', path, summary, request: { params: CaseId, body: json(schema) }, responses: ok('the case after the change') }), async (c) => {
      const { id } = c.req.valid('param');
      const record = await run(id, c.req.valid('json') as z.infer<S>);
      return c.json({ case: record });
    });

  action('/api/cases/{id}/payments', 'Record a payment (full or partial); a full payment stops every remaining letter', RecordPaymentSchema, (id, body) => recordPayment(ports, id, body));
  action('/api/cases/{id}/promise', 'Record a promise to pay by a date: pauses, then resumes by itself if still unpaid', PromiseSchema, (id, body) => recordPromise(ports, id, body));
  action('/api/cases/{id}/dispute', 'Mark a dispute: pauses until resumed', DisputeSchema, (id, body) => markDispute(ports, id, body));
  action('/api/cases/{id}/resume', 'Resume a paused or disputed case', ResumeSchema, (id, body) => resumeCase(ports, id, body));
  action('/api/cases/{id}/plan', "Agree a payment plan: replaces the ladder with the plan's reminders", AgreePlanSchema, (id, body) => agreePaymentPlan(ports, id, body));
  action('/api/cases/{id}/settlement', 'Agree a settlement: accept less if paid by a date', AgreeSettlementSchema, (id, body) => agreeSettlement(ports, id, body));
  action('/api/cases/{id}/cancel', 'Cancel the case', CancelSchema, (id, body) => cancelCase(ports, id, body));
  action('/api/cases/{id}/notes', 'Add a note to the case log', NoteSchema, (id, body) => addNote(ports, id, body));

  app.openapi(
    createRoute({ method: 'post', path: '/api/cases/{id}/tasks/{stageId}/outcome', summary: 'Record the outcome of a call or visit', request: { params: CaseStage, body: json(TaskOutcomeSchema) }, responses: ok('the case') }),
    async (c) => {
      const { id, stageId } = c.req.valid('param');
      return c.json({ case: await recordTaskOutcome(ports, id, stageId, c.req.valid('json') as z.infer<typeof TaskOutcomeSchema>) });
    },
  );
  app.openapi(
    createRoute({ method: 'post', path: '/api/cases/{id}/stages/{stageId}/resend', summary: 'Resend an uncertain or failed letter (the owner decides)', request: { params: CaseStage }, responses: ok('the case') }),
    async (c) => {
      const { id, stageId } = c.req.valid('param');
      return c.json({ case: await resendStage(ports, id, stageId) });
    },
  );

  describe({
    method: 'get',
    path: '/api/tasks.ics',
    summary: "The owner's tasks (calls, visits) as a read-only iCalendar feed",
    responses: { 200: { description: 'an iCalendar (RFC 5545) feed', content: { 'text/calendar': { schema: z.string() } } } },
  });
  app.get('/api/tasks.ics', async (c) => {
    const records = await ports.store.listCases();
    const entries = await Promise.all(records.map(async (record) => {
      const stages = await ports.store.getStages(record.id);
      return { record, stages, summary: caseSummary(record, stages, today()) };
    }));
    return c.body(tasksCalendar(entries, new URL(c.req.url).origin), 200, { 'content-type': 'text/calendar; charset=utf-8' });
  });

  if (options.outbox) {
    const outbox = options.outbox;
    describe({ method: 'get', path: '/api/outbox', summary: 'The messages in the local outbox folder (when mail is not sent by SMTP)', responses: { 200: { description: 'the messages, newest first' } } });
    describe({
      method: 'get',
      path: '/api/outbox/{file}',
      summary: 'One message of the outbox, exactly as it would have been sent',
      request: { params: z.object({ file: z.string().min(1) }) },
      responses: { 200: { description: 'the message', content: { 'message/rfc822': { schema: z.string() } } }, 404: { description: 'no such message' } },
    });
    app.get('/api/outbox', async (c) => c.json({ messages: await outbox.list() }));
    app.get('/api/outbox/:file', async (c) => {
      const bytes = await outbox.read(c.req.param('file'));
      if (!bytes) return c.json({ error: 'not-found', message: 'no such message in the outbox' }, 404);
      return c.body(new Uint8Array(bytes), 200, { 'content-type': 'message/rfc822', 'content-disposition': `inline; filename="${c.req.param('file')}"` });
    });
  }

  addBundleRoutes(app, ports, options.shareKey, options.bundleDelivery);

  app.doc31('/api/openapi.json', { openapi: '3.1.0', info: { title: 'Overdue API', version: '1' } });
  app.notFound((c) => c.json({ error: 'not-found', message: `no route ${c.req.method} ${c.req.path}` }, 404));
  return app;
}
