import {
  DirectiveLocation,
  GraphQLBoolean,
  GraphQLDirective,
  GraphQLInt,
  GraphQLNonNull,
  GraphQLString,
  specifiedDirectives,
} from 'graphql';

const ifArg = {
  type: new GraphQLNonNull(GraphQLBoolean),
  defaultValue: true,
  description: 'Deliver incrementally when true; false answers the part with the rest.',
};
const labelArg = { type: GraphQLString, description: 'Names the part in the payload that delivers it.' };

/** `@defer`, as the incremental delivery RFC and `@graphql-yoga/plugin-defer-stream` read it. */
const DeferDirective = new GraphQLDirective({
  name: 'defer',
  description:
    'Delivers this fragment in a later payload (`Accept: multipart/mixed` or `text/event-stream`); a client that takes one JSON answer gets it in that answer.',
  locations: [DirectiveLocation.FRAGMENT_SPREAD, DirectiveLocation.INLINE_FRAGMENT],
  args: { if: ifArg, label: labelArg },
});

/** `@stream`, likewise. */
const StreamDirective = new GraphQLDirective({
  name: 'stream',
  description:
    'Delivers the items of this list after the first `initialCount`, in later payloads; a client that takes one JSON answer gets the whole list.',
  locations: [DirectiveLocation.FIELD],
  args: {
    if: ifArg,
    label: labelArg,
    initialCount: { type: GraphQLInt, defaultValue: 0, description: 'Items in the first payload.' },
  },
});

/** The schema's directives: the specified ones, `@defer` and `@stream`. */
export const SCHEMA_DIRECTIVES = [...specifiedDirectives, DeferDirective, StreamDirective];
