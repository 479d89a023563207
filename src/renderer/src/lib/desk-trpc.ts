/**
 * The type of `useTRPC()`: the options proxy typed by the desk's router, for renderer modules
 * that take it as a parameter (lib/live-invalidation.ts, the features' option builders).
 *
 * It reaches the router's type through `Register` instead of importing it, because those
 * modules are also compiled with the unit tests (tsconfig.node.json), which cannot resolve
 * `@main/api/root`. lib/trpc.ts registers the router for the renderer's build; a test that
 * imports such a module registers it the same way, so both builds check every path.
 */
import type { AnyTRPCRouter } from '@trpc/server';
import type { TRPCOptionsProxy } from '@trpc/tanstack-react-query';

// An interface, so that lib/trpc.ts can add the router to it by declaration merging.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Register {}

export type DeskTRPC = Register extends { router: infer TRouter extends AnyTRPCRouter } ? TRPCOptionsProxy<TRouter> : never;
