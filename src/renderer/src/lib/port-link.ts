/**
 * The renderer's tRPC link: every query, mutation and subscription travels over the one
 * MessagePort the preload hands to the page (see src/main/rpc/serve-port.ts for the other end).
 * Browser-only APIs are not needed, so Node tests drive it over worker_threads ports too.
 */
import { TRPCClientError, type TRPCLink } from '@trpc/client';
import { getTransformer, type TransformerOptions } from '@trpc/client/unstable-internals';
import type { AnyTRPCRouter, inferTRPCClientTypes } from '@trpc/server';
import { observable } from '@trpc/server/observable';
import {
  DESK_PORT_MESSAGE,
  listenToPort,
  type MessagePortLike,
  type RpcRequest,
  type RpcResponse,
} from '@shared/rpc-protocol';
import { describeMeasurement, inputByteLimit, MAX_INPUT_DEPTH, measureInput } from '@shared/wire-budget';

export type MessagePortLinkOptions<TRouter extends AnyTRPCRouter> = {
  port: MessagePortLike;
} & TransformerOptions<inferTRPCClientTypes<TRouter>>;

interface PendingCall {
  receive(message: RpcResponse): void;
  lost(error: TRPCClientError<AnyTRPCRouter>): void;
}

function isResponse(value: unknown): value is RpcResponse {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  return typeof message.id === 'number' && ('result' in message || 'error' in message);
}

function connectionLost(): TRPCClientError<AnyTRPCRouter> {
  return TRPCClientError.from(new Error('Aurora Desk lost the connection to its main process. Reload the window (Ctrl+R).'));
}

export function messagePortLink<TRouter extends AnyTRPCRouter>(opts: MessagePortLinkOptions<TRouter>): TRPCLink<TRouter> {
  return () => {
    const transformer = getTransformer(opts.transformer);
    const { port } = opts;
    const pending = new Map<number, PendingCall>();
    let nextId = 1;
    let closed = false;

    listenToPort(port, {
      message(data) {
        if (isResponse(data)) pending.get(data.id)?.receive(data);
      },
      close() {
        closed = true;
        const calls = [...pending.values()];
        pending.clear();
        for (const call of calls) call.lost(connectionLost());
      },
    });

    const send = (request: RpcRequest) => port.postMessage(request);

    return ({ op }) =>
      observable((observer) => {
        const id = nextId++;
        const { type, path, input, signal } = op;
        let ended = false;
        const end = () => {
          ended = true;
          pending.delete(id);
        };
        if (closed) {
          observer.error(connectionLost());
          return () => {};
        }

        pending.set(id, {
          receive(message) {
            if ('error' in message) {
              end();
              const shape = transformer.output.deserialize(message.error);
              observer.error(TRPCClientError.from({ error: shape }));
              return;
            }
            const { result } = message;
            if (result.type === 'data') {
              const data = transformer.output.deserialize(result.data);
              observer.next({ result: { type: 'data', data, ...(result.id === undefined ? {} : { id: result.id }) } });
              if (type !== 'subscription') {
                end();
                observer.complete();
              }
              return;
            }
            observer.next({ result });
            if (result.type === 'stopped') {
              end();
              observer.complete();
            }
          },
          lost(error) {
            ended = true;
            observer.error(error);
          },
        });
        try {
          const encoded = transformer.input.serialize(input);
          // What the main process would refuse is refused here: a message too deep for the
          // structured clone never arrives there at all (the port reports a 'messageerror' that
          // names no call), and the call would wait for an answer forever.
          const limit = inputByteLimit(path);
          const measured = encoded === undefined ? null : measureInput(encoded, { maxSize: limit, maxDepth: MAX_INPUT_DEPTH + 2, form: 'wire' });
          if (measured && !measured.ok) throw new Error(describeMeasurement(measured, limit, 'wire'));
          send({ id, type, path, input: encoded });
        } catch (cause) {
          end();
          observer.error(TRPCClientError.from(cause instanceof Error ? cause : new Error(String(cause))));
          return () => {};
        }

        // The caller gave up (TanStack Query cancelled, component unmounted): stop listening.
        const onAbort = () => observer.complete();
        if (signal?.aborted) onAbort();
        else signal?.addEventListener('abort', onAbort, { once: true });

        return () => {
          signal?.removeEventListener('abort', onAbort);
          if (ended) return;
          end();
          if (type === 'subscription' && !closed) send({ id, type: 'subscription.stop' });
        };
      });
  };
}

/**
 * Resolves with the port the preload posts to the page (`window.postMessage(DESK_PORT_MESSAGE,
 * '*', [port])`). Call it early: the message is sent once per page load.
 */
export function waitForDeskPort(win: EventTarget = globalThis as unknown as EventTarget): Promise<MessagePort> {
  return new Promise((resolve) => {
    const onMessage = (event: Event) => {
      const { data, ports, source } = event as MessageEvent;
      // Only the preload, which posts from this very window, may hand over the port.
      if (data !== DESK_PORT_MESSAGE || source !== win || !ports?.[0]) return;
      win.removeEventListener('message', onMessage);
      resolve(ports[0]);
    };
    win.addEventListener('message', onMessage);
  });
}
