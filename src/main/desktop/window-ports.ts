/**
 * One tRPC port per window, and per page load of that window: attaching a new port for a
 * window (a reload) stops the old one with its subscriptions; closing the window stops its
 * port, and with it every subscription that window had (the live feed, a board's timers).
 * Windows never share a port, so closing a pop-out leaves the main window's feed running.
 */
export class WindowPorts<Port> {
  private readonly served = new Map<number, () => void>();

  /** `serve` starts answering on a port and returns how to stop (servePort's contract). */
  constructor(private readonly serve: (port: Port, windowId: number) => () => void) {}

  attach(windowId: number, port: Port): void {
    this.detach(windowId);
    this.served.set(windowId, this.serve(port, windowId));
  }

  /** Stops the window's port and its subscriptions; a window without one is fine. */
  detach(windowId: number): void {
    const stop = this.served.get(windowId);
    this.served.delete(windowId);
    stop?.();
  }

  windows(): number[] {
    return [...this.served.keys()];
  }

  detachAll(): void {
    for (const id of this.windows()) this.detach(id);
  }
}
