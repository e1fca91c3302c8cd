#!/usr/bin/env python3
"""Writes a copy of a real report PDF with one table cell changed, as an incremental update.

The copy of jiangsu_huaian_shizhengfu_2024.pdf changes part 3, row 一、本年新收, column 自然人
from 3001 to 3002, which breaks applications.balance and applications.row_total for that
cell. The glyph ids of the font used for the table digits are '0' = 0x13 … '9' = 0x1C.

Usage: plant_error.py SOURCE.pdf OUT.pdf
"""
import re
import sys
import zlib

OBJ = 49  # the content stream of page 4, which prints the table of part 3
CELL = rb"(<0016>Tj [\d.]+ -0 TD<0013>Tj [\d.]+ -0 TD<0013>Tj [\d.]+ -0 TD)<0014>(Tj)"


def main(src, out):
    data = open(src, "rb").read()
    m = re.search(rb"\n%d 0 obj\s*<<[^>]*>>\s*stream\r?\n" % OBJ, data)
    start = m.end()
    content = zlib.decompress(data[start:data.index(b"endstream", start)])
    changed, n = re.subn(CELL, rb"\1<0015>\2", content, count=1)
    assert n == 1, "cell not found"
    packed = zlib.compress(changed)
    prev = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    size = int(re.findall(rb"/Size (\d+)", data)[-1])
    body = data if data.endswith(b"\n") else data + b"\n"
    offset = len(body)
    body += b"%d 0 obj\n<</Length %d/Filter/FlateDecode>>\nstream\n" % (OBJ, len(packed))
    body += packed + b"\nendstream\nendobj\n"
    xref = len(body)
    body += b"xref\n0 1\n0000000000 65535 f \n%d 1\n%010d 00000 n \n" % (OBJ, offset)
    body += b"trailer\n<</Size %d/Root 1 0 R/Info 3 0 R/Prev %d>>\nstartxref\n%d\n%%%%EOF\n" % (size, prev, xref)
    open(out, "wb").write(body)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
