// Web Workers that open an answers file's booklets, for src/open_workers.rs (imported by
// wasm-bindgen as a snippet). Each worker runs src/bin/open_worker.rs; its address is in the
// page's <meta name="my-say-open-worker"> (tools/post-build.mjs names the files after their
// content). Every message of every worker lands in one queue, which next() reads in order.

// The worker's address, or null if this build has none.
export function workerUrl() {
  return document.querySelector('meta[name="my-say-open-worker"]')?.getAttribute("content") || null;
}

// How many workers to start: one per core but one, which is left to the page so that it paints
// and answers taps while they work (at least 1); 0 without Web Workers.
export function available() {
  if (typeof Worker !== "function") return 0;
  return Math.max(1, (navigator.hardwareConcurrency || 1) - 1);
}

// Starts `count` workers. Throws if the browser refuses to (a Content-Security-Policy, say); a
// worker that fails to load later says so in the queue as { failed }.
export function start(url, count) {
  const pool = { workers: [], queue: [], wake: null };
  const push = (part, data) => {
    pool.queue.push({ part, data });
    const wake = pool.wake;
    pool.wake = null;
    if (wake) wake();
  };
  try {
    for (let part = 0; part < count; part++) {
      const worker = new Worker(url, { name: "my-say-open" });
      worker.onmessage = (event) => push(part, event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        push(part, { failed: true });
      };
      worker.onmessageerror = () => push(part, { failed: true });
      pool.workers.push(worker);
    }
  } catch (error) {
    stop(pool);
    throw error;
  }
  return pool;
}

// The next message from any worker, as { part, data }; or null if none came within timeoutMs.
export function next(pool, timeoutMs) {
  if (pool.queue.length > 0) return Promise.resolve(pool.queue.shift());
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      pool.wake = null;
      resolve(null);
    }, timeoutMs);
    pool.wake = () => {
      clearTimeout(timer);
      resolve(pool.queue.shift());
    };
  });
}

// The next message already waiting from any worker, as { part, data }; or null if none is.
export function take(pool) {
  return pool.queue.length > 0 ? pool.queue.shift() : null;
}

// Gives worker `part` its share. The file and the key are fresh copies that move to the worker
// (transferred), so this page keeps no second copy of the key.
export function send(pool, part, bytes, key, start, end, step) {
  pool.workers[part].postMessage({ bytes, key, start, end, step }, [bytes.buffer, key.buffer]);
}

// Ends every worker at once, whatever it was doing; its memory (the file, the key) goes with it.
export function stop(pool) {
  for (const worker of pool.workers) worker.terminate();
  pool.workers = [];
  pool.queue = [];
}
