import { createServer, type IncomingMessage, type Server } from 'node:http';

/** One request the endpoint received. */
export interface RecordedRequest {
  method: string;
  /** path and query, as sent */
  path: string;
  /** X-Amz-Target (JSON 1.0/1.1 protocols: the operation) */
  target: string | undefined;
  /** the body, parsed: JSON, or a form (query protocol: SNS) as name → value; {} for none */
  body: Record<string, unknown>;
}

export interface RecordingEndpoint {
  endpoint: string;
  requests: RecordedRequest[];
  stop(): Promise<void>;
}

/**
 * A loopback HTTP endpoint standing in for an AWS service that has no local emulator
 * (EventBridge Scheduler, Secrets Manager, SNS) when the caller is a bundle in another process,
 * where aws-sdk-client-mock cannot reach: the bundle's SDK client is pointed here with
 * AWS_ENDPOINT_URL_<SERVICE>, every request is recorded, and `answer` decides the reply. The
 * recorded requests are what the bundle really sent, through its own bundled SDK serialiser.
 *
 * @example
 * const scheduler = await startRecordingEndpoint((r) => (r.method === 'POST' ? { body: { ScheduleArn: 'arn:…' } } : { status: 404, body: { Message: 'none' } }));
 * // env: AWS_ENDPOINT_URL_SCHEDULER = scheduler.endpoint
 */
export async function startRecordingEndpoint(
  /** the reply: a JSON value, or a string sent as it is (XML of the query protocol) */
  answer: (request: RecordedRequest) => { status?: number; body: unknown; type?: string },
): Promise<RecordingEndpoint> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    const text = (await readBody(req)).toString('utf8');
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      target: req.headers['x-amz-target'] as string | undefined,
      body: !text ? {} : String(req.headers['content-type']).includes('x-www-form-urlencoded') ? Object.fromEntries(new URLSearchParams(text)) : (JSON.parse(text) as Record<string, unknown>),
    };
    requests.push(request);
    const reply = answer(request);
    const status = reply.status ?? 200;
    const headers: Record<string, string> = { 'content-type': reply.type ?? 'application/json', 'x-amzn-requestid': `local-${requests.length}` };
    // restJson1 services name the error in a header; JSON 1.x services in __type (put there by `answer`)
    if (status >= 400 && reply.body && typeof reply.body === 'object' && '__type' in reply.body) headers['x-amzn-errortype'] = String((reply.body as { __type: unknown }).__type);
    res.writeHead(status, headers);
    res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    requests,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
