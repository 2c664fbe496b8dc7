import { z } from 'zod';

/** `-c key=value` gives strings; cdk.json gives JSON values: both are accepted for a flag. */
const flag = z
  .union([z.boolean(), z.enum(['true', 'false'])], { message: 'must be true or false' })
  .transform((value) => value === true || value === 'true');

const domainName = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, { message: 'must be a domain name such as porter.example' });

const email = z.string().trim().pipe(z.email({ message: 'must be an e-mail address' }));

/** The defaults that let `npm run synth` run in CI with no context at all; never deploy them. */
export const exampleDefaults = { sender: 'letters@example.com', ownerEmail: 'owner@example.com' } as const;

/**
 * What a user sets for a deployment, as CDK context (`-c key=value` or cdk.json "context"):
 *
 * | key | meaning | default |
 * |-----|---------|---------|
 * | `sender` | the SES identity letters are sent from: an address (`jane@porter.example`) or a domain (`porter.example`) | `letters@example.com` |
 * | `from` | the From address when `sender` is a domain (must be on it) | `letters@<domain>` |
 * | `ownerEmail` | who gets alarms, bounces and complaints (SNS e-mail subscription) | `owner@example.com` |
 * | `region` | the AWS region to deploy to | `CDK_DEFAULT_REGION`, else region-agnostic |
 * | `customDomain` + `certificateArn` | a domain for the site, with its ACM certificate in us-east-1 | none (the CloudFront domain) |
 * | `objectLock` | Object Lock on the evidence bucket (governance mode) | `false` |
 * | `objectLockYears` | default retention of each letter under Object Lock | `7` |
 * | `deletionProtection` | DynamoDB deletion protection on the table | `true` |
 * | `sandboxRecipients` | comma-separated recipients to verify while SES is in the sandbox | none |
 * | `tracing` | X-Ray active tracing on the functions | `false` |
 *
 * @example readOverdueConfig({ sender: 'porter.example', ownerEmail: 'jane@porter.example', region: 'eu-west-1' })
 */
export const OverdueConfigSchema = z
  .strictObject({
    sender: z.union([email, domainName], { message: 'must be an e-mail address (jane@porter.example) or a domain (porter.example)' }).default(exampleDefaults.sender),
    from: email.optional(),
    ownerEmail: email.default(exampleDefaults.ownerEmail),
    region: z
      .string()
      .regex(/^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/, { message: 'must be an AWS region such as eu-west-1' })
      .optional(),
    customDomain: domainName.optional(),
    certificateArn: z
      .string()
      .regex(/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]{36}$/, { message: 'must be the ARN of an ACM certificate in us-east-1 (CloudFront only uses certificates from us-east-1)' })
      .optional(),
    objectLock: flag.default(false),
    objectLockYears: z.coerce.number().int().min(1).max(100).default(7),
    deletionProtection: flag.default(true),
    sandboxRecipients: z
      .string()
      .transform((list) => list.split(',').map((s) => s.trim()).filter(Boolean))
      .pipe(z.array(z.email({ message: 'must be a comma-separated list of e-mail addresses' })).max(20))
      .default([]),
    tracing: flag.default(false),
  })
  .superRefine((c, ctx) => {
    if (Boolean(c.customDomain) !== Boolean(c.certificateArn)) {
      ctx.addIssue({ code: 'custom', path: [c.customDomain ? 'certificateArn' : 'customDomain'], message: 'customDomain and certificateArn go together: set both or neither' });
    }
    const senderIsDomain = !c.sender.includes('@');
    if (c.from && !senderIsDomain && c.from.toLowerCase() !== c.sender.toLowerCase()) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: `is only for a domain sender; letters go out from the sender address ${c.sender}` });
    }
    if (c.from && senderIsDomain && !c.from.toLowerCase().endsWith(`@${c.sender}`)) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: `must be an address on the sender domain ${c.sender}` });
    }
  })
  .transform((c) => {
    const senderIsDomain = !c.sender.includes('@');
    return {
      ...c,
      /** the SES identity: the domain, or the address */
      identity: senderIsDomain ? c.sender : c.sender.toLowerCase(),
      /** the From address of every letter (SENDER_ADDRESS) */
      fromAddress: senderIsDomain ? (c.from ?? `letters@${c.sender}`) : c.sender,
      usesExampleDefaults: c.sender === exampleDefaults.sender || c.ownerEmail === exampleDefaults.ownerEmail,
    };
  });

export type OverdueConfig = z.output<typeof OverdueConfigSchema>;

/** The context keys OverdueConfigSchema reads (CDK's own keys, such as `aws:cdk:*`, are left alone). */
export const overdueContextKeys = Object.keys(OverdueConfigSchema.in.shape) as (keyof z.input<typeof OverdueConfigSchema>)[];

/**
 * Reads and checks the deployment's context. Keys that are not set fall back to the defaults
 * above; a wrong value stops the app with every problem named.
 *
 * @throws Error listing each bad key: `Overdue: bad context:\n  -c sender=…: must be …`
 */
export function readOverdueConfig(context: Record<string, unknown>): OverdueConfig {
  const given = Object.fromEntries(overdueContextKeys.filter((k) => context[k] !== undefined && context[k] !== '').map((k) => [k, context[k]]));
  const parsed = OverdueConfigSchema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const key = i.path[0] === undefined ? undefined : String(i.path[0]);
      return key === undefined ? `  (context): ${i.message}` : `  -c ${key}=${JSON.stringify(given[key] ?? '')}: ${i.message}`;
    });
    throw new Error(`Overdue: bad context:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
