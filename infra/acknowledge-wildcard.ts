import { Stack, Validations } from 'aws-cdk-lib';
import flatten from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';

/** A resource as cdk-nag's wildcard rule names it (its own flattening of Ref, GetAtt and Join). */
export function nagResourceName(scope: IConstruct, resource: string): string {
  return flatten.flattenCfnReference(Stack.of(scope).resolve(resource));
}

/**
 * Acknowledges cdk-nag's AwsSolutions-IAM5 finding for each resource pattern that has a `*` in
 * it, on `scope` only (a role or its policy), with the reason the pattern cannot be narrower.
 * A pattern with a `*` and no reason is refused: every wildcard in the stack is explained where
 * it is granted.
 *
 * @example acknowledgeWildcards(role, [bucket.arnForObjects('*')], 'object keys are SHA-256 digests chosen at run time')
 */
export function acknowledgeWildcards(scope: IConstruct, resources: readonly string[], reason: string | undefined): void {
  for (const resource of resources) {
    const name = nagResourceName(scope, resource);
    if (!name.includes('*')) continue;
    if (!reason || reason.trim().length < 20) throw new Error(`Overdue: the wildcard resource ${name} on ${scope.node.path} needs a reason`);
    Validations.of(scope).acknowledge({ id: `AwsSolutions-IAM5[Resource::${name}]`, reason });
  }
}
