"""Fast content checksums for the dedup index, via the bundled libxxhash.

Falls back to hashlib when the shared library is missing (e.g. on developer laptops).
The checksums identify duplicate uploads; they are not used for anything security related.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

CHUNK = 1 << 20

_lib_path = os.environ.get("XXHASH_LIB") or ctypes.util.find_library("xxhash")
_lib = ctypes.CDLL(_lib_path) if _lib_path else None
if _lib is not None:
    _lib.XXH3_64bits.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
    _lib.XXH3_64bits.restype = ctypes.c_uint64


@dataclass(frozen=True)
class Checksum:
    algorithm: str
    value: str

    def __str__(self) -> str:
        return f"{self.algorithm}:{self.value}"


def _xxh3(data: bytes) -> int:
    buf = ctypes.create_string_buffer(data, len(data))
    return _lib.XXH3_64bits(ctypes.cast(buf, ctypes.c_void_p), len(data))


def checksum_bytes(data: bytes) -> Checksum:
    if _lib is not None:
        return Checksum("xxh3", format(_xxh3(data), "016x"))
    return Checksum("blake2b", hashlib.blake2b(data, digest_size=8).hexdigest())


def checksum_file(path: Path) -> Checksum:
    """Hashes a whole file; large files are read in chunks for the fallback."""
    if _lib is not None:
        return checksum_bytes(path.read_bytes())
    h = hashlib.blake2b(digest_size=8)
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(CHUNK), b""):
            h.update(chunk)
    return Checksum("blake2b", h.hexdigest())


def cache_key(tenant: str, path: Path) -> str:
    """Key for the thumbnail cache; md5 is fine here, nothing depends on its strength."""
    return hashlib.md5(f"{tenant}/{path.as_posix()}".encode()).hexdigest()


def describe(cs: Checksum) -> str:
    return f"{cs.algorithm.upper()} {cs.value[:8]}…"
