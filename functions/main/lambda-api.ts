/**
 * The API as a Lambda function (behind CloudFront's /api/*): the same Hono app as `npm start`,
 * through hono/aws-lambda (API Gateway v1/v2, ALB and function URL events). The API token is
 * read from Secrets Manager once per cold start; a failed read is retried by the next request.
 * Lawyer share links are signed with a key derived from the token (deriveShareKey); a bundle too
 * large for a Lambda answer (6 MB) is delivered through S3 with a presigned link.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { handle } from 'hono/aws-lambda';
import { createApp } from '../api/app.ts';
import { createS3BundleDelivery } from '../adapters/aws/s3-bundle-delivery.ts';
import { clients, createAwsPorts, readApiToken, readAwsEnv } from './aws-ports.ts';
import { deriveShareKey } from './share-key.ts';

const env = readAwsEnv(process.env);
const ports = createAwsPorts(env);

type Handle = ReturnType<typeof handle>;
let ready: Promise<Handle> | undefined;

/** Hono's event types say `body: string | null`; Lambda leaves `body` out of a request without one (aws-lambda's types), which Hono handles. */
type ApiEvent = Parameters<Handle>[0] | APIGatewayProxyEventV2;

export const handler = async (event: ApiEvent, context?: Parameters<Handle>[1]): Promise<Awaited<ReturnType<Handle>>> => {
  ready ??= readApiToken(env).then(
    (token) => handle(createApp(ports, { token, shareKey: deriveShareKey(token), bundleDelivery: createS3BundleDelivery({ client: clients.s3, bucket: env.ARCHIVE_BUCKET }) })),
    (error: unknown) => {
      ready = undefined;
      throw error;
    },
  );
  return (await ready)(event as Parameters<Handle>[0], context);
};
