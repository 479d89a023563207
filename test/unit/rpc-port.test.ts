import { EventEmitter } from 'node:events';
import { MessageChannel, type MessagePort as NodeMessagePort } from 'node:worker_threads';
import type { MessagePortMain } from 'electron';
import { describe, expect, it } from 'vitest';
import { isRpcRequest, listenToPort, type MessagePortLike } from '../../src/shared/rpc-protocol.js';

// Compile-time: the three kinds of port the transport meets all satisfy MessagePortLike.
export const portKinds = (electron: MessagePortMain, node: NodeMessagePort, dom: MessagePort): MessagePortLike[] => [electron, node, dom];

function nextMessage(collect: unknown[]): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 20)).then(() => {
    if (collect.length === 0) return nextMessage(collect);
  });
}

describe('listenToPort', () => {
  it('delivers the data of a Node worker_threads port (EventTarget style) and reports close', async () => {
    const { port1, port2 } = new MessageChannel();
    const got: unknown[] = [];
    let closed = false;
    const stop = listenToPort(port1, { message: (data) => got.push(data), close: () => (closed = true) });
    port2.postMessage({ n: 1n, at: new Date(0) });
    await nextMessage(got);
    expect(got).toEqual([{ n: 1n, at: new Date(0) }]);
    port2.close();
    await new Promise<void>((resolve) => port1.once('close', () => resolve()));
    expect(closed).toBe(true);
    stop();
  });

  it('unwraps the { data, ports } event of an EventEmitter port the way Electron delivers it', () => {
    const emitter = new EventEmitter();
    let started = false;
    const electronLike: MessagePortLike = {
      postMessage: () => {},
      close: () => {},
      start: () => (started = true),
      on: (event, listener) => emitter.on(event, listener),
      removeListener: (event, listener) => emitter.removeListener(event, listener),
    };
    const got: unknown[] = [];
    let closed = 0;
    const stop = listenToPort(electronLike, { message: (data) => got.push(data), close: () => closed++ });
    expect(started).toBe(true);
    emitter.emit('message', { data: 'hello', ports: [] });
    emitter.emit('close');
    stop();
    emitter.emit('message', { data: 'after stop', ports: [] });
    expect(got).toEqual(['hello']);
    expect(closed).toBe(1);
  });

  it('refuses something that is not a port', () => {
    expect(() => listenToPort({ postMessage() {}, close() {} }, { message() {}, close() {} })).toThrow(/Not a message port/);
  });
});

describe('isRpcRequest', () => {
  it('accepts the protocol messages and rejects anything else', () => {
    expect(isRpcRequest({ id: 1, type: 'query', path: 'system.ping', input: undefined })).toBe(true);
    expect(isRpcRequest({ id: 2, type: 'subscription.stop' })).toBe(true);
    expect(isRpcRequest({ id: 1.5, type: 'query', path: 'x' })).toBe(false);
    expect(isRpcRequest({ id: 1, type: 'delete', path: 'x' })).toBe(false);
    expect(isRpcRequest({ id: 1, type: 'mutation' })).toBe(false);
    expect(isRpcRequest('aurora-desk:port')).toBe(false);
    expect(isRpcRequest(null)).toBe(false);
  });
});
