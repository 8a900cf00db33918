#!/usr/bin/env python3
"""Open a My Say answers bundle (.mysay) outside the app, with standard libraries only.

This is an independent check of docs/sealed-format.md: it shares no code with My Say.

    pip install pyhpke cryptography            # argon2-cffi too for --recovery
    python3 tools/open_bundle.py BUNDLE --private-key-hex HEX
    python3 tools/open_bundle.py BUNDLE --recovery FILE.json --passphrase-env VAR
    python3 tools/open_bundle.py --vector crates/my-say-core/tests/vectors/bundle-v1.json

The output is JSON: one object per booklet with its id and plaintext (as text when it is UTF-8).
--vector opens the committed test vector both ways and exits non-zero on any mismatch.
Like the app, it refuses the whole file if anything in it is wrong.
"""

import argparse
import base64
import hashlib
import json
import os
import struct
import sys

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from pyhpke import AEADId, CipherSuite, KDFId, KEMId

MAGIC = b"\x89MySay\r\n"
BUNDLE_VERSION = 1
ITEM_VERSION = 1
MAX_ITEMS = 100_000
MAX_RECIPIENTS = 8
MAX_CIPHERTEXT = 4 * 1024 * 1024 + 16
HPKE_INFO = b"my-say sealed booklet v1"
FINGERPRINT_DOMAIN = b"my-say fingerprint v1\x00"
WRAP_DOMAIN = b"my-say wrapped key v1\x00"
SUITE = CipherSuite.new(
    KEMId.DHKEM_X25519_HKDF_SHA256, KDFId.HKDF_SHA256, AEADId.CHACHA20_POLY1305
)


class BundleError(Exception):
    pass


def fingerprint_bytes(public_key: bytes) -> bytes:
    return hashlib.sha256(FINGERPRINT_DOMAIN + b"\x00\x20" + public_key).digest()[:10]


def fingerprint_text(fp: bytes) -> str:
    alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    n = int.from_bytes(fp, "big")  # 80 bits = 16 characters exactly
    chars = "".join(alphabet[(n >> (75 - 5 * i)) & 31] for i in range(16))
    return "-".join(chars[i : i + 4] for i in range(0, 16, 4))


class Reader:
    def __init__(self, data: bytes):
        self.data, self.pos = data, 0

    def take(self, n: int) -> bytes:
        if self.pos + n > len(self.data):
            raise BundleError("truncated")
        out = self.data[self.pos : self.pos + n]
        self.pos += n
        return out

    def u8(self) -> int:
        return self.take(1)[0]

    def u32(self) -> int:
        return struct.unpack(">I", self.take(4))[0]


def parse(data: bytes):
    """Returns a list of items: dicts with id, header (the payload's AAD), stanzas, ciphertext."""
    r = Reader(data)
    if r.take(8) != MAGIC:
        raise BundleError("not a My Say bundle")
    version = r.u8()
    if version != BUNDLE_VERSION:
        raise BundleError(f"unsupported bundle version {version}")
    count = r.u32()
    if count > MAX_ITEMS:
        raise BundleError("too many booklets")
    items, seen = [], set()
    for _ in range(count):
        start = r.pos
        version = r.u8()
        if version != ITEM_VERSION:
            raise BundleError(f"unsupported item version {version}")
        booklet_id = r.take(16)
        n = r.u8()
        if not 1 <= n <= MAX_RECIPIENTS:
            raise BundleError("bad recipient count")
        stanzas = []
        for _ in range(n):
            key_id, enc, sealed_key = r.take(10), r.take(32), r.take(48)
            if any(s[0] == key_id for s in stanzas):
                raise BundleError("duplicate recipient")
            stanzas.append((key_id, enc, sealed_key))
        length = r.u32()
        if not 16 <= length <= MAX_CIPHERTEXT:
            raise BundleError("bad payload length")
        header = data[start : r.pos]
        ciphertext = r.take(length)
        if booklet_id in seen:
            raise BundleError("duplicate booklet id")
        seen.add(booklet_id)
        items.append(
            dict(id=booklet_id, header=header, stanzas=stanzas, ciphertext=ciphertext)
        )
    if r.pos != len(data):
        raise BundleError("trailing data")
    return items


def open_bundle(data: bytes, private_key: bytes):
    """All or nothing: [(id_hex, plaintext_bytes)], or an exception."""
    skr = SUITE.kem.deserialize_private_key(private_key)
    public_key = X25519PrivateKey.from_private_bytes(private_key).public_key().public_bytes_raw()
    my_id = fingerprint_bytes(public_key)
    out = []
    for i, item in enumerate(parse(data), 1):
        mine = [s for s in item["stanzas"] if s[0] == my_id]
        if not mine:
            raise BundleError(f"booklet {i} is not sealed for this key")
        key_id, enc, sealed_key = mine[0]
        aad = bytes([ITEM_VERSION]) + item["id"] + key_id
        ctx = SUITE.create_recipient_context(enc, skr, info=HPKE_INFO)
        content_key = ctx.open(sealed_key, aad=aad)  # raises on tampering
        plaintext = ChaCha20Poly1305(content_key).decrypt(
            b"\x00" * 12, item["ciphertext"], item["header"]
        )
        out.append((item["id"].hex(), plaintext))
    return out


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def unwrap_recovery(recovery: dict, passphrase: str) -> bytes:
    """The private key from a recovery file (needs argon2-cffi)."""
    from argon2.low_level import Type, hash_secret_raw

    if recovery.get("format") != "my-say-recovery" or recovery.get("version") != 1:
        raise BundleError("not a version 1 My Say recovery file")
    w = recovery["wrapped_key"]
    kdf = w["kdf"]
    if kdf["algorithm"] != "argon2id" or w["cipher"] != "chacha20poly1305":
        raise BundleError("unknown algorithms")
    m, t, p = kdf["memory_kib"], kdf["iterations"], kdf["parallelism"]
    if m > 1 << 20 or t > 16 or p > 16:
        raise BundleError("refusing absurd Argon2 parameters")
    salt, public_key = unb64(w["salt"]), unb64(w["public_key"])
    kek = hash_secret_raw(
        passphrase.encode(), salt, time_cost=t, memory_cost=m, parallelism=p,
        hash_len=32, type=Type.ID, version=19,
    )
    aad = WRAP_DOMAIN + struct.pack(">III", m, t, p) + salt + public_key
    return ChaCha20Poly1305(kek).decrypt(unb64(w["nonce"]), unb64(w["ciphertext"]), aad)


def check_vector(path: str) -> int:
    vector = json.load(open(path, encoding="utf-8"))
    folder = os.path.dirname(path)
    data = open(os.path.join(folder, vector["bundle_file"]), "rb").read()
    problems = []
    if data.hex() != vector["bundle_hex"]:
        problems.append("bundle file differs from bundle_hex")
    for person in vector["recipients"]:
        pk = bytes.fromhex(person["public_key_hex"])
        if fingerprint_text(fingerprint_bytes(pk)) != person["fingerprint"]:
            problems.append(f"fingerprint of {person['display_name']} differs")
    iro_key = bytes.fromhex(vector["recipients"][0]["private_key_hex"])
    recovery = json.load(open(os.path.join(folder, vector["recovery_file"]), encoding="utf-8"))
    unwrapped = unwrap_recovery(recovery, vector["recovery_passphrase"])
    if unwrapped != iro_key:
        problems.append("recovery file does not give the IRO's private key")
    opened = open_bundle(data, unwrapped)
    expected = [(b["id_hex"], b["plaintext_utf8"].encode()) for b in vector["booklets"]]
    if opened != expected:
        problems.append("opened booklets differ from the vector")
    # One changed byte anywhere must be refused.
    changed = bytearray(data)
    changed[len(changed) // 2] ^= 1
    try:
        open_bundle(bytes(changed), iro_key)
        problems.append("a changed byte was accepted")
    except Exception:
        pass
    for p in problems:
        print("MISMATCH:", p, file=sys.stderr)
    if not problems:
        print(f"ok: opened {len(opened)} booklets from {vector['bundle_file']} with pyhpke "
              "and cryptography, and unlocked the recovery file with argon2-cffi")
    return 1 if problems else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("bundle", nargs="?")
    ap.add_argument("--private-key-hex")
    ap.add_argument("--recovery")
    ap.add_argument("--passphrase-env", help="name of an environment variable holding it")
    ap.add_argument("--vector")
    args = ap.parse_args()
    if args.vector:
        return check_vector(args.vector)
    if not args.bundle:
        ap.error("give a bundle file or --vector")
    if args.private_key_hex:
        key = bytes.fromhex(args.private_key_hex)
    elif args.recovery:
        passphrase = os.environ.get(args.passphrase_env or "") or input("Passphrase: ")
        key = unwrap_recovery(json.load(open(args.recovery, encoding="utf-8")), passphrase)
    else:
        ap.error("give --private-key-hex or --recovery")
    data = open(args.bundle, "rb").read()
    result = []
    for booklet_id, plaintext in open_bundle(data, key):
        try:
            result.append({"id": booklet_id, "text": plaintext.decode("utf-8")})
        except UnicodeDecodeError:
            result.append({"id": booklet_id, "hex": plaintext.hex()})
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
