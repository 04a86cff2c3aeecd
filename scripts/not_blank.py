#!/usr/bin/env python3
"""Fail when a PNG screenshot is blank: too small, or its pixel data holds
almost no distinct byte values (a page that rendered nothing)."""
import struct
import sys
import zlib


def distinct_bytes(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path}: not a PNG")
    pos, idat = 8, b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        if kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    return len(set(zlib.decompress(idat))), len(data)


for path in sys.argv[1:]:
    distinct, size = distinct_bytes(path)
    if distinct < 32 or size < 20_000:
        raise SystemExit(f"{path}: blank screenshot ({distinct} distinct byte values, {size} bytes)")
    print(f"{path}: {size} bytes, {distinct} distinct byte values")
