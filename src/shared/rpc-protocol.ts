/**
 * The wire between the renderer's tRPC link and the main process' router: one MessagePort,
 * structured-clone messages, inputs and outputs encoded by the router's transformer (superjson).
 *
 * The same port code runs on three kinds of port: Electron's MessagePortMain (main process),
 * the DOM MessagePort (renderer) and Node's worker_threads MessagePort (tests, bench). They
 * differ in how they deliver events, so both sides listen through `listenToPort`.
 */

/** What the preload posts to the page, with the port in `event.ports[0]`. */
export const DESK_PORT_MESSAGE = 'aurora-desk:port';

export type RpcProcedureType = 'query' | 'mutation' | 'subscription';

/** renderer → main */
export type RpcRequest =
  | { id: number; type: RpcProcedureType; path: string; input?: unknown }
  /** The renderer unsubscribed: abort the subscription's signal and end its generator. */
  | { id: number; type: 'subscription.stop' };

/** main → renderer: tRPC's own response message shape (TRPCResponseMessage), transformer-encoded. */
export type RpcResponse =
  | { id: number; result: { type: 'data'; data: unknown; id?: string } }
  | { id: number; result: { type: 'started' } }
  | { id: number; result: { type: 'stopped' } }
  | { id: number; error: unknown };

export interface PortMessageEvent {
  data: unknown;
}

/**
 * The least a port must offer. DOM and Node ports are EventTargets (`addEventListener`,
 * events carry `.data`); Electron's MessagePortMain is an EventEmitter whose 'message'
 * listener receives `{ data, ports }`. (Node's ports have `on` too, but there the listener
 * gets the bare value, which is why `addEventListener` wins whenever it exists.)
 */
export interface MessagePortLike {
  postMessage(message: unknown): void;
  close(): void;
  start?(): void;
  addEventListener?(type: 'message' | 'close', listener: PortListener): void;
  removeEventListener?(type: 'message' | 'close', listener: PortListener): void;
  on?(event: 'message' | 'close', listener: PortListener): unknown;
  removeListener?(event: 'message' | 'close', listener: PortListener): unknown;
}

/**
 * `any` on purpose: the DOM and Node type their listeners as taking a bare `Event`, Electron as
 * taking its own MessageEvent; no narrower parameter type is assignable from all three.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type PortListener = (event: any) => void;

export interface PortListeners {
  message(data: unknown): void;
  /** The other end went away (window closed or reloaded, port closed). Not every port reports it. */
  close(): void;
}

/** Starts delivery on the port and returns the function that stops listening. */
export function listenToPort(port: MessagePortLike, listeners: PortListeners): () => void {
  const onMessage = (event: PortMessageEvent) => listeners.message(event.data);
  const onClose = () => listeners.close();
  if (port.addEventListener && port.removeEventListener) {
    port.addEventListener('message', onMessage);
    port.addEventListener('close', onClose);
    port.start?.();
    return () => {
      port.removeEventListener?.('message', onMessage);
      port.removeEventListener?.('close', onClose);
    };
  }
  if (port.on && port.removeListener) {
    port.on('message', onMessage);
    port.on('close', onClose);
    port.start?.();
    return () => {
      port.removeListener?.('message', onMessage);
      port.removeListener?.('close', onClose);
    };
  }
  throw new TypeError('Not a message port: it has neither addEventListener nor on.');
}

export function isRpcRequest(value: unknown): value is RpcRequest {
  if (typeof value !== 'object' || value === null) return false;
  const { id, type, path } = value as Record<string, unknown>;
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) return false;
  if (type === 'subscription.stop') return true;
  return (type === 'query' || type === 'mutation' || type === 'subscription') && typeof path === 'string';
}
