import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The one DynamoDB table behind the Store (single-table design), as data: the CDK stack builds
 * its `Table` from it and the tests create it in DynamoDB Local with `createTableInput`, so the
 * two cannot drift apart.
 *
 * Items (every record is kept whole as JSON in `record`; the other attributes are keys and the
 * few fields that conditions and indexes read):
 *
 * | item  | pk          | sk                | also                                                   |
 * |-------|-------------|-------------------|--------------------------------------------------------|
 * | case  | `CASE#<id>` | `CASE`            | version (N), status; gsi1 = `CASES` / `<createdAt>#<id>` |
 * | stage | `CASE#<id>` | `STAGE#<stageId>` | status, instant, claimedAt; gsi1 while scheduled = `DUE` / `<instant>#<caseId>#<stageId>`; while claimed = `CLAIMED` / `<claimedAt>#<caseId>#<stageId>`; gsi2pk = `MSG#<provider message id>` once sent |
 * | event | `CASE#<id>` | `EVENT#<event id>`| (append-only: written with attribute_not_exists, never updated) |
 *
 * `byStatus` (gsi1) is sparse and overloaded: only cases, scheduled stages and claimed stages
 * have a gsi1pk, so a query for `DUE` reads exactly the scheduled stages in time order, `CLAIMED`
 * the claims by age, `CASES` every case oldest first. `byMessage` (gsi2) finds the letter an SES
 * bounce, complaint or delivery is about. Both project keys only: the store reads the items
 * themselves back with strongly consistent reads, because a GSI is only eventually consistent.
 *
 * Bound: every `DUE`/`CLAIMED`/`CASES` entry lives in one index partition, which takes about
 * 1,000 writes a second: far above what a freelancer or an agency changes (each letter is about
 * four stage writes), and the reason the key is not sharded.
 *
 * @example
 * // infra: new dynamodb.Table(this, 'Cases', { partitionKey: { name: overdueTable.partitionKey, type: STRING }, ... })
 * await client.send(new CreateTableCommand(createTableInput('overdue-test')));
 */
export const overdueTable = {
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: {
    byStatus: { name: 'byStatus', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: 'KEYS_ONLY' },
    byMessage: { name: 'byMessage', partitionKey: 'gsi2pk', projection: 'KEYS_ONLY' },
  },
  /** every key attribute is a string */
  attributeType: 'S',
  billingMode: 'PAY_PER_REQUEST',
} as const;

/** The CreateTable request for the Store's table (on-demand; the CDK stack adds PITR and the rest). */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const { partitionKey, sortKey, indexes } = overdueTable;
  const names = [partitionKey, sortKey, indexes.byStatus.partitionKey, indexes.byStatus.sortKey, indexes.byMessage.partitionKey];
  return {
    TableName: tableName,
    BillingMode: overdueTable.billingMode,
    KeySchema: [
      { AttributeName: partitionKey, KeyType: 'HASH' },
      { AttributeName: sortKey, KeyType: 'RANGE' },
    ],
    AttributeDefinitions: names.map((name) => ({ AttributeName: name, AttributeType: overdueTable.attributeType })),
    GlobalSecondaryIndexes: [
      {
        IndexName: indexes.byStatus.name,
        KeySchema: [
          { AttributeName: indexes.byStatus.partitionKey, KeyType: 'HASH' },
          { AttributeName: indexes.byStatus.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: indexes.byStatus.projection },
      },
      {
        IndexName: indexes.byMessage.name,
        KeySchema: [{ AttributeName: indexes.byMessage.partitionKey, KeyType: 'HASH' }],
        Projection: { ProjectionType: indexes.byMessage.projection },
      },
    ],
  };
}
