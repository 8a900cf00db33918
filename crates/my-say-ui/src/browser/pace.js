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
