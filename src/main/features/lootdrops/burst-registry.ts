/**
 * One burst scheduler per runtime (the Electron host, the web harness, a test), created on
 * first use: a renderer reload talks to the same one.
 */
import type { DeskRuntime } from '../../core/runtime.js';
import { BurstScheduler } from './burst-runner.js';

const schedulers = new WeakMap<DeskRuntime, BurstScheduler>();

/** The runtime's scheduler, created (with the system clock) on first use. */
export function burstSchedulerFor(runtime: DeskRuntime): BurstScheduler {
  let scheduler = schedulers.get(runtime);
  if (!scheduler) {
    scheduler = new BurstScheduler({ runtime }).begin();
    schedulers.set(runtime, scheduler);
  }
  return scheduler;
}

/** Tests (and the host) hand a runtime its scheduler, e.g. one on a fake clock. */
export function attachBurstScheduler(runtime: DeskRuntime, scheduler: BurstScheduler): BurstScheduler {
  schedulers.get(runtime)?.stop();
  schedulers.set(runtime, scheduler);
  return scheduler;
}

/** Stops the runtime's scheduler and waits for the work in flight (app shutdown, tests). */
export async function stopBurstScheduler(runtime: DeskRuntime): Promise<void> {
  const scheduler = schedulers.get(runtime);
  schedulers.delete(runtime);
  if (!scheduler) return;
  scheduler.stop();
  await scheduler.settled();
}
