// IndexedDB and WebCrypto for src/browser/store/device.rs (imported by wasm-bindgen as a snippet).
//
// One database, "my-say": an object store per area (drafts, sealed, workspace, settings) with
// string keys and Uint8Array values, and the object store "device" holding this device's
// AES-256-GCM key, a non-extractable CryptoKey stored as the object itself.
// A value the Rust side asks to encrypt is stored as one Uint8Array:
//   [1 (format)] [12-byte random IV] [AES-GCM ciphertext + 16-byte tag]
// with "my-say:1:<area>:<key>" as the additional data, so a record moved elsewhere fails to open.
// Errors named MySayUnavailable / MySayCorrupt are ours; others are the browser's DOMExceptions.
// Messages never contain keys or values: they may end up in a log.

import { nextTask } from "./pace.js";

const DB_NAME = "my-say";
const DB_VERSION = 1;
const AREAS = ["drafts", "sealed", "workspace", "settings"];
const DEVICE = "device";
const DEVICE_KEY = "aes-256-gcm";
const FORMAT = 1;
const IV_BYTES = 12;
const WRITE = { durability: "strict" }; // an answer is on disk when the promise resolves

const fail = (name, message) => Object.assign(new Error(message), { name });
const done = (req) =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
const committed = (tx) =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error || fail("AbortError", "the transaction was aborted"));
  });

function connect() {
  if (typeof indexedDB === "undefined" || !indexedDB) {
    throw fail("MySayUnavailable", "IndexedDB is missing");
  }
  if (!globalThis.crypto || !crypto.subtle) {
    throw fail("MySayUnavailable", "WebCrypto is missing (not a secure context?)");
  }
  let req;
  try {
    req = indexedDB.open(DB_NAME, DB_VERSION);
  } catch (e) {
    throw fail("MySayUnavailable", String(e && e.message)); // e.g. SecurityError: opaque origin
  }
  return new Promise((resolve, reject) => {
    req.onupgradeneeded = () => {
      for (const name of [...AREAS, DEVICE]) {
        if (!req.result.objectStoreNames.contains(name)) req.result.createObjectStore(name);
      }
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => {
      const e = req.error;
      reject(e && e.name === "QuotaExceededError" ? e : fail("MySayUnavailable", String(e && e.message)));
    };
  });
}

// The device key, made on first use. Two tabs may race: whichever key is stored first is kept.
async function deviceKey(db) {
  const stored = await done(db.transaction(DEVICE).objectStore(DEVICE).get(DEVICE_KEY));
  if (stored) return stored;
  const fresh = await crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, false, [
    "encrypt",
    "decrypt",
  ]);
  const tx = db.transaction(DEVICE, "readwrite", WRITE);
  const keys = tx.objectStore(DEVICE);
  let key = fresh;
  keys.get(DEVICE_KEY).onsuccess = (event) => {
    if (event.target.result) key = event.target.result;
    else keys.put(fresh, DEVICE_KEY);
  };
  await committed(tx);
  return key;
}

// dev.ready: a promise of { db, key }, dropped when the connection closes (another tab erased or
// upgraded the database, or the user cleared site data), so the next call opens afresh.
function ready(dev) {
  if (!dev.ready) {
    const p = (async () => {
      const db = await connect();
      const drop = () => {
        db.close();
        if (dev.ready === p) dev.ready = null;
      };
      db.onversionchange = drop;
      db.onclose = drop;
      try {
        return { db, key: await deviceKey(db) };
      } catch (e) {
        drop();
        throw e;
      }
    })();
    dev.ready = p;
    p.catch(() => {
      if (dev.ready === p) dev.ready = null;
    });
  }
  return dev.ready;
}

const encoder = new TextEncoder();
const aad = (area, key) => encoder.encode(`my-say:${FORMAT}:${area}:${key}`);

async function seal(cryptoKey, area, key, plain) {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const params = { name: "AES-GCM", iv, additionalData: aad(area, key) };
  const sealed = new Uint8Array(await crypto.subtle.encrypt(params, cryptoKey, plain));
  const record = new Uint8Array(1 + IV_BYTES + sealed.length);
  record[0] = FORMAT;
  record.set(iv, 1);
  record.set(sealed, 1 + IV_BYTES);
  return record;
}

async function unseal(cryptoKey, area, key, record) {
  if (!(record instanceof Uint8Array) || record.length < 1 + IV_BYTES + 16 || record[0] !== FORMAT) {
    throw fail("MySayCorrupt", "an encrypted record has the wrong shape");
  }
  const iv = record.subarray(1, 1 + IV_BYTES);
  const params = { name: "AES-GCM", iv, additionalData: aad(area, key) };
  try {
    return new Uint8Array(await crypto.subtle.decrypt(params, cryptoKey, record.subarray(1 + IV_BYTES)));
  } catch {
    throw fail("MySayCorrupt", "a record does not decrypt with this device's key");
  }
}

export async function open() {
  const dev = { ready: null };
  await ready(dev);
  return dev;
}

// One record: a batch of one. The value is copied out of wasm memory before anything awaits.
export const put = (dev, area, key, value, encrypt) => writeBatch(dev, [[area, key, value.slice(), encrypt]]);

// How many records a batch encrypts or decrypts, or asks IndexedDB to write, before the page
// gets a turn.
const SLICE = 256;

// fn(item, index) over every item, side by side within a slice of SLICE, with a new task between
// slices. Awaiting WebCrypto alone never gives the page a turn: its promises settle within the
// task that asked (measured in Chromium: 10,000 AES-GCM encryptions awaited 256 at a time ran as
// one 133 ms task, and an import's storing of 10,000 booklets as one of 252 ms).
async function inSlices(items, fn) {
  const out = [];
  for (let start = 0; start < items.length; start += SLICE) {
    if (start > 0) await nextTask();
    out.push(...(await Promise.all(items.slice(start, start + SLICE).map((item, j) => fn(item, start + j)))));
  }
  return out;
}

// Puts and deletes in ONE transaction: all happen or, if it aborts (an error, the tab closed),
// none. ops: [area, key, value or undefined to delete, encrypt]. put, remove and the store's
// put_many (device.rs) all write through here. Encrypted first, because a transaction commits
// by itself once the page awaits anything else; an import of thousands of booklets would
// otherwise also wait for the disk once per booklet.
// A large batch goes a slice at a time, so the page keeps painting and answering taps: each
// slice of records is encrypted in a task of its own (inSlices), and each slice of writes is
// asked for once the last write of the slice before has succeeded. A request made while the
// transaction delivers its success is part of the same transaction, so it is still one.
export async function writeBatch(dev, ops) {
  const { db, key: cryptoKey } = await ready(dev);
  const records = await inSlices(ops, ([area, key, value, encrypt]) =>
    value && encrypt ? seal(cryptoKey, area, key, value) : value,
  );
  // The areas named, repeats and all (IndexedDB takes each once).
  const tx = db.transaction(ops.map((op) => op[0]), "readwrite", WRITE);
  const whole = committed(tx);
  let next = 0;
  let failure = null;
  const ask = () => {
    const end = Math.min(ops.length, next + SLICE);
    let last;
    try {
      for (; next < end; next++) {
        const [area, key] = ops[next];
        const store = tx.objectStore(area);
        last = records[next] ? store.put(records[next], key) : store.delete(key);
      }
    } catch (e) {
      failure = e;
      tx.abort(); // what was already asked of this transaction is undone
      return;
    }
    if (next < ops.length) last.onsuccess = ask;
  };
  ask();
  try {
    await whole;
  } catch (e) {
    throw failure || e;
  }
}

export async function get(dev, area, key, encrypted) {
  const { db, key: cryptoKey } = await ready(dev);
  const record = await done(db.transaction(area).objectStore(area).get(key));
  if (record === undefined) return undefined;
  if (encrypted) return unseal(cryptoKey, area, key, record);
  if (!(record instanceof Uint8Array)) throw fail("MySayCorrupt", "a record is not bytes");
  return record;
}

// Many records in ONE transaction, decrypted side by side. A record that is absent or does not
// decrypt comes back as undefined, so one damaged record hides nothing else.
export async function getMany(dev, area, keys, encrypted) {
  const { db, key: cryptoKey } = await ready(dev);
  const store = db.transaction(area).objectStore(area);
  const records = await Promise.all(keys.map((key) => done(store.get(key))));
  return inSlices(records, async (record, i) => {
    if (record === undefined) return undefined;
    if (!encrypted) return record instanceof Uint8Array ? record : undefined;
    try {
      return await unseal(cryptoKey, area, keys[i], record);
    } catch {
      return undefined;
    }
  });
}

export const remove = (dev, area, key) => writeBatch(dev, [[area, key]]);

export async function keys(dev, area) {
  const { db } = await ready(dev);
  return done(db.transaction(area).objectStore(area).getAllKeys());
}

export async function clear(dev, area) {
  const { db } = await ready(dev);
  const tx = db.transaction(area, "readwrite", WRITE);
  tx.objectStore(area).clear();
  await committed(tx);
}

// Deletes the whole database, the device key with it. Other tabs close their connection on
// "versionchange" (above), which lets the deletion go ahead.
export async function erase(dev) {
  const current = dev.ready;
  dev.ready = null;
  if (current) {
    try {
      (await current).db.close();
    } catch {
      // It never opened: nothing to close.
    }
  }
  if (typeof indexedDB === "undefined" || !indexedDB) return;
  await done(indexedDB.deleteDatabase(DB_NAME));
}

export async function persist() {
  try {
    return Boolean(await navigator.storage?.persist?.());
  } catch {
    return false;
  }
}
