/**
 * Serves a tRPC router over one MessagePort: queries, mutations and v11 async-generator
 * subscriptions, each with an AbortSignal that fires when the renderer stops it, when the port
 * closes (window closed or reloaded) and when the server is stopped.
 *
 * Written on tRPC's public server API (callTRPCProcedure, getTRPCErrorShape,
 * transformTRPCResponse), the way @trpc/server's own WebSocket adapter is; the published
 * Electron adapters need ipcRenderer in the preload, which Aurora Desk does not expose.
 * No Electron import: tests and the bench drive it over worker_threads ports.
 */
import {
  callTRPCProcedure,
  getTRPCErrorFromUnknown,
  getTRPCErrorShape,
  transformTRPCResponse,
  TRPCError,
  type AnyTRPCRouter,
  type inferRouterContext,
} from '@trpc/server';
import { isObservable, observableToAsyncIterable } from '@trpc/server/observable';
import type { TRPCResponseMessage } from '@trpc/server/rpc';
import {
  isRpcRequest,
  listenToPort,
  type MessagePortLike,
  type RpcProcedureType,
  type RpcRequest,
} from '@shared/rpc-protocol.js';
import { describeMeasurement, inputByteLimit, MAX_INPUT_DEPTH, measureInput } from '@shared/wire-budget.js';
import { pumpSubscription } from './subscription.js';

export type { MessagePortLike } from '@shared/rpc-protocol.js';

export interface RpcErrorEvent<TContext> {
  error: TRPCError;
  type: RpcProcedureType | 'unknown';
  path: string | undefined;
  input: unknown;
  ctx: TContext | undefined;
}

export interface ServePortOptions<TRouter extends AnyTRPCRouter> {
  router: TRouter;
  createContext: () => inferRouterContext<TRouter> | Promise<inferRouterContext<TRouter>>;
  /** Every error answered to the renderer passes here first (for the log). */
  onError?: (event: RpcErrorEvent<inferRouterContext<TRouter>>) => void;
}

/**
 * The call's input decoded, within its byte budget first: a page treated as compromised can post
 * any structured-clone value (shared references, cycles, Maps, a gigabyte of text), and the
 * router's transformer is then the one place that decodes it (src/main/api/transformer.ts
 * holds the decoded value to its own budget). Every refusal is a 4xx naming why.
 */
function decodeRequestInput(config: AnyTRPCRouter['_def']['_config'], path: string, encoded: unknown): unknown {
  if (encoded === undefined) return undefined;
  const limit = inputByteLimit(path);
  const measured = measureInput(encoded, { maxSize: limit, maxDepth: MAX_INPUT_DEPTH + 2, form: 'wire' });
  if (!measured.ok) {
    throw new TRPCError({ code: measured.problem === 'too-large' ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST', message: describeMeasurement(measured, limit, 'wire') });
  }
  try {
    return config.transformer.input.deserialize(encoded);
  } catch (cause) {
    if (cause instanceof TRPCError) throw cause;
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'The request input could not be decoded.', cause });
  }
}

/** Procedure paths are short dotted names; anything longer is not one. */
const MAX_PATH_LENGTH = 200;

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/** Starts answering requests on `port`; the returned function stops, aborts everything and closes the port. */
export function servePort<TRouter extends AnyTRPCRouter>(port: MessagePortLike, options: ServePortOptions<TRouter>): () => void {
  type Ctx = inferRouterContext<TRouter>;
  const { router, createContext, onError } = options;
  const config = router._def._config;
  /** In-flight calls by request id: queries and mutations until answered, subscriptions until ended. */
  const inFlight = new Map<number, AbortController>();
  let open = true;

  const respond = (response: TRPCResponseMessage<unknown>) => {
    if (!open) return;
    try {
      port.postMessage(transformTRPCResponse(config, response));
    } catch (cause) {
      // Only an uncloneable value gets here (superjson output always clones): answer with an error instead.
      const error = new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'The answer could not be sent to the window.', cause });
      onError?.({ error, type: 'unknown', path: undefined, input: undefined, ctx: undefined });
      port.postMessage(transformTRPCResponse(config, { id: response.id, error: getTRPCErrorShape({ config, error, type: 'unknown', path: undefined, input: undefined, ctx: undefined }) }));
    }
  };

  const respondError = (id: number, cause: unknown, call: Omit<RpcErrorEvent<Ctx>, 'error'>) => {
    const error = getTRPCErrorFromUnknown(cause);
    onError?.({ error, ...call });
    respond({ id, error: getTRPCErrorShape({ config, error, ...call }) });
  };

  async function handle(request: Extract<RpcRequest, { path: string }>, controller: AbortController): Promise<void> {
    const { id, type, path } = request;
    let input: unknown;
    let ctx: Ctx | undefined;
    try {
      if (path.length > MAX_PATH_LENGTH) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such procedure.' });
      input = decodeRequestInput(config, path, request.input);
      ctx = await createContext();
      const result: unknown = await callTRPCProcedure({
        router,
        path,
        type,
        ctx,
        getRawInput: async () => input,
        signal: controller.signal,
        batchIndex: 0,
      });
      const iterable = isObservable(result) ? observableToAsyncIterable(result, controller.signal) : result;
      if (type !== 'subscription') {
        if (isAsyncIterable(iterable)) {
          throw new TRPCError({ code: 'UNSUPPORTED_MEDIA_TYPE', message: `A ${type} cannot return a stream; make ${path} a subscription.` });
        }
        respond({ id, result: { type: 'data', data: result } });
        return;
      }
      if (!isAsyncIterable(iterable)) {
        throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: `Subscription ${path} did not return an async generator.` });
      }
      if (controller.signal.aborted) {
        // Stopped (or the port closed) while the procedure was starting: let the generator clean up, answer nothing.
        await iterable[Symbol.asyncIterator]().return?.();
        return;
      }
      respond({ id, result: { type: 'started' } });
      await pumpSubscription(iterable, controller.signal, {
        data: (result) => respond({ id, result }),
        error: (cause) => respondError(id, cause, { type, path, input, ctx }),
      });
      respond({ id, result: { type: 'stopped' } });
    } catch (cause) {
      respondError(id, cause, { type, path, input, ctx });
    } finally {
      if (inFlight.get(id) === controller) inFlight.delete(id);
    }
  }

  const onMessage = (message: unknown) => {
    if (!isRpcRequest(message)) {
      const id = typeof (message as { id?: unknown } | null)?.id === 'number' ? (message as { id: number }).id : null;
      const error = new TRPCError({ code: 'PARSE_ERROR', message: 'Not an Aurora Desk request.' });
      onError?.({ error, type: 'unknown', path: undefined, input: undefined, ctx: undefined });
      if (id !== null) respond({ id, error: getTRPCErrorShape({ config, error, type: 'unknown', path: undefined, input: undefined, ctx: undefined }) });
      return;
    }
    if (message.type === 'subscription.stop') {
      inFlight.get(message.id)?.abort();
      inFlight.delete(message.id);
      return;
    }
    if (inFlight.has(message.id)) {
      const { id, type, path } = message;
      respondError(id, new TRPCError({ code: 'BAD_REQUEST', message: `Request id ${id} is already in use.` }), { type, path, input: undefined, ctx: undefined });
      return;
    }
    const controller = new AbortController();
    inFlight.set(message.id, controller);
    void handle(message, controller);
  };

  const abortAll = () => {
    for (const controller of inFlight.values()) controller.abort();
    inFlight.clear();
  };

  const unlisten = listenToPort(port, {
    message: onMessage,
    close: () => {
      open = false;
      unlisten();
      abortAll();
    },
  });

  return () => {
    if (!open) return;
    open = false;
    unlisten();
    abortAll();
    port.close();
  };
}
