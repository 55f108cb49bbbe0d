/**
 * Lets a request ask this process's outbox worker to run now (used when a flag needs an alert).
 * A short delay lets the raising transaction commit first. Other instances' workers still pick
 * the alert up on their next minute; this only makes the embedded set-up (one process) immediate.
 */
const listeners = new Set<() => void>();
let pending: ReturnType<typeof setTimeout> | null = null;

export function wakeUpWorker(delayMs = 300) {
  if (pending || !listeners.size) return;
  pending = setTimeout(() => {
    pending = null;
    for (const listener of listeners) listener();
  }, delayMs);
  pending.unref?.();
}

export function onWorkerWakeUp(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
