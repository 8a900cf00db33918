// Yielding to the browser between slices of long work (opening thousands of sealed booklets),
// so the page keeps painting and answering taps. A message on a MessageChannel runs as a new
// task without setTimeout's 4 ms clamp on nested timers.
export function nextTask() {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

export function now() {
  return performance.now();
}

// Runs `callback` as a new task just after the next frame is painted: work that must not delay
// what the person sees next (saving a draft after a tap).
export function afterPaint(callback) {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => callback();
    channel.port2.postMessage(null);
  });
}

// Runs `callback` when the browser is idle (at the latest after `timeoutMs`); Safari, which has
// no requestIdleCallback, just after the next paint instead.
export function whenIdle(callback, timeoutMs) {
  if (typeof requestIdleCallback === "function") {
    requestIdleCallback(() => callback(), { timeout: timeoutMs });
  } else {
    afterPaint(callback);
  }
}
