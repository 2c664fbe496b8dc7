import flatten from 'cdk-nag/lib/utils/flatten-cfn-reference.js';

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown> }>;
interface Statement {
  Effect: 'Allow' | 'Deny';
  Action?: string | string[];
  Resource?: unknown;
  Condition?: Record<string, unknown>;
  Principal?: unknown;
}

const list = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
/** A template value as text, the way cdk-nag names it: `<Logical.Arn>` for GetAtt, `<Logical>` for Ref, joins joined. */
export const text = (value: unknown): string => (typeof value === 'string' ? value : flatten.flattenCfnReference(value));

/**
 * Every permission a role holds, one line per action and resource, whatever way CDK merged the
 * statements: `dynamodb:GetItem on <Cases80582F3E.Arn>`, with ` if {…}` for a condition. From
 * the role's inline policies and every AWS::IAM::Policy attached to it.
 *
 * @example grantsOf(template.toJSON().Resources, 'ApiRoleDE7A08EC') // ['dynamodb:GetItem on <Cases….Arn>', …]
 */
export function grantsOf(resources: Resources, roleLogicalId: string): string[] {
  const documents: { Statement: Statement[] }[] = [];
  const role = resources[roleLogicalId];
  if (role?.Type !== 'AWS::IAM::Role') throw new Error(`grantsOf: ${roleLogicalId} is not a role`);
  for (const p of list(role.Properties?.['Policies'] as { PolicyDocument: { Statement: Statement[] } }[] | undefined)) documents.push(p.PolicyDocument);
  for (const r of Object.values(resources)) {
    if (r.Type !== 'AWS::IAM::Policy') continue;
    const roles = list(r.Properties?.['Roles'] as { Ref?: string }[] | undefined);
    if (roles.some((x) => x.Ref === roleLogicalId)) documents.push(r.Properties!['PolicyDocument'] as { Statement: Statement[] });
  }
  const grants = new Set<string>();
  for (const statement of documents.flatMap((d) => d.Statement)) {
    if (statement.Effect !== 'Allow') throw new Error(`grantsOf: ${roleLogicalId} has a ${statement.Effect} statement`);
    const condition = statement.Condition ? ` if ${JSON.stringify(statement.Condition)}` : '';
    for (const action of list(statement.Action)) for (const resource of list(statement.Resource)) grants.add(`${action} on ${text(resource)}${condition}`);
  }
  return [...grants].sort();
}

/** Every Allow statement in the template whose Resource is `*`, with where it is (IAM policies and resource policies alike). */
export function allowsOnEverything(resources: Resources): { logicalId: string; type: string; principal: string; actions: string[] }[] {
  const found: { logicalId: string; type: string; principal: string; actions: string[] }[] = [];
  const documentsOf = (r: { Type: string; Properties?: Record<string, unknown> }): { Statement: Statement[] }[] => {
    const p = r.Properties ?? {};
    return [
      p['PolicyDocument'],
      p['KeyPolicy'],
      ...list(p['Policies'] as { PolicyDocument: unknown }[] | undefined).map((x) => x.PolicyDocument),
    ].filter((d): d is { Statement: Statement[] } => Boolean(d && typeof d === 'object' && 'Statement' in d));
  };
  for (const [logicalId, r] of Object.entries(resources)) {
    for (const statement of documentsOf(r).flatMap((d) => d.Statement)) {
      if (statement.Effect === 'Allow' && list(statement.Resource).includes('*')) {
        found.push({ logicalId, type: r.Type, principal: principalText(statement.Principal), actions: list(statement.Action).sort() });
      }
    }
  }
  return found;
}

/** `service:cloudwatch.amazonaws.com`, `aws:arn:<AWS::Partition>:iam::<AWS::AccountId>:root`, or `(the role)` for an identity policy. */
function principalText(principal: unknown): string {
  if (principal === undefined) return '(the role)';
  if (principal === '*') return '*';
  const p = principal as { Service?: unknown; AWS?: unknown };
  return [...list(p.Service as unknown[] | unknown).map((s) => `service:${text(s)}`), ...list(p.AWS as unknown[] | unknown).map((a) => `aws:${text(a)}`)].join(', ');
}
