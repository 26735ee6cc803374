import { builder } from './builder.ts';
import { encodeNodeId } from './ids.ts';

/** What a delete hands back: the ids of what is gone, so a client can drop it from its store. */
export interface DeletedIds {
  typename: string;
  iscIds: string[];
  /** What the global ids encode, when it is more than the ISC id (a schema attribute's source and id). */
  nodeKeys?: string[];
}

const globalIds = (deleted: DeletedIds) =>
  (deleted.nodeKeys ?? deleted.iscIds).map((key) => encodeNodeId(deleted.typename, key));

/** `<Name>Payload { deletedId deletedIscId }` for a delete of one node. */
export function createDeletePayload(name: string, what: string) {
  return builder.objectRef<DeletedIds>(`${name}Payload`).implement({
    description: `The ${what} that was deleted.`,
    fields: (t) => ({
      deletedId: t.id({
        description: `The global id of the deleted ${what}.`,
        resolve: (deleted) => globalIds(deleted)[0],
      }),
      deletedIscId: t.string({
        description: `The ISC id of the deleted ${what}.`,
        resolve: (deleted) => deleted.iscIds[0],
      }),
    }),
  });
}

/** `<Name>Payload { deletedIds deletedIscIds }` for a delete of many nodes. */
export function createBulkDeletePayload(name: string, what: string) {
  return builder.objectRef<DeletedIds>(`${name}Payload`).implement({
    description: `The ${what} that were deleted.`,
    fields: (t) => ({
      deletedIds: t.idList({
        description: `The global ids of the deleted ${what}.`,
        resolve: globalIds,
      }),
      deletedIscIds: t.stringList({
        description: `The ISC ids of the deleted ${what}.`,
        resolve: (deleted) => deleted.iscIds,
      }),
    }),
  });
}
