"""Broken and unusual PDFs, written byte by byte (tools/make-test-pdfs)."""
import hashlib
import os
import struct
import zlib

PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def rc4(key, data):
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for b in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(b ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def build(objects, trailer_extra=b"", object_key=None):
    """objects: list of (dict bytes, stream bytes or None), numbered from 1."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, (head, stream) in enumerate(objects, start=1):
        offsets.append(len(out))
        if stream is not None and object_key:
            stream = rc4(object_key(n), stream)
        out += b"%d 0 obj\n" % n + head
        if stream is not None:
            out += b"\nstream\n" + stream + b"\nendstream"
        out += b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, trailer_extra, xref)
    return bytes(out)


def stream_obj(data, extra=b""):
    return (b"<< /Length %d %s>>" % (len(data), extra), data)


def text_pages(texts, font=b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"):
    """One page per text (Latin-1 bytes), 12pt Helvetica, one line per 16pt."""
    n = len(texts)
    kids = b" ".join(b"%d 0 R" % (3 + 2 * i) for i in range(n))
    objs = [(b"<< /Type /Catalog /Pages 2 0 R >>", None),
            (b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n), None)]
    font_num = 3 + 2 * n
    for i, t in enumerate(texts):
        lines = t.split(b"\n")
        content = b"BT /F1 12 Tf 72 770 Td 16 TL " + b" ".join(
            b"(" + ln + b") Tj T*" for ln in lines) + b" ET"
        objs.append((b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                     b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                     % (font_num, 4 + 2 * i), None))
        objs.append(stream_obj(content))
    objs.append((font, None))
    return objs


def image_pages(n_image, n_text=0):
    """Pages with a gray picture and no text (a scan), after n_text pages of text."""
    texts = [b"Annual report page %d" % (i + 1) for i in range(n_text)]
    objs = text_pages(texts) if n_text else [
        (b"<< /Type /Catalog /Pages 2 0 R >>", None), (b"", None)]
    first = len(objs) + 1
    img = bytes((x * 7 + y * 13) % 256 for y in range(32) for x in range(32))
    img_num = first + 2 * n_image
    kids = [b"%d 0 R" % (3 + 2 * i) for i in range(n_text)]
    for i in range(n_image):
        kids.append(b"%d 0 R" % (first + 2 * i))
        objs.append((b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                     b"/Resources << /XObject << /Im1 %d 0 R >> >> /Contents %d 0 R >>"
                     % (img_num, first + 2 * i + 1), None))
        objs.append(stream_obj(b"q 500 0 0 700 48 70 cm /Im1 Do Q"))
    objs.append(stream_obj(zlib.compress(img), b"/Type /XObject /Subtype /Image /Width 32 "
                           b"/Height 32 /ColorSpace /DeviceGray /BitsPerComponent 8 "
                           b"/Filter /FlateDecode "))
    objs[1] = (b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids)), None)
    return objs


def encrypted(user=b"secret", owner=b"owner"):
    """RC4 40-bit (standard security handler, revision 2) with a user password."""
    objs = text_pages([b"Annual report\nprotected by a password"])
    pad = lambda p: (p + PAD)[:32]  # noqa: E731
    o = rc4(hashlib.md5(pad(owner)).digest()[:5], pad(user))
    p = -44
    file_id = hashlib.md5(b"nianbao encrypted test").digest()
    key = hashlib.md5(pad(user) + o + struct.pack("<i", p) + file_id).digest()[:5]
    u = rc4(key, PAD)
    enc_num = len(objs) + 1
    objs.append((b"<< /Filter /Standard /V 1 /R 2 /O <" + o.hex().encode() + b"> /U <" +
                 u.hex().encode() + b"> /P %d >>" % p, None))

    def object_key(n):
        return hashlib.md5(key + struct.pack("<i", n)[:3] + b"\x00\x00").digest()[:10]

    ident = b"<" + file_id.hex().encode() + b">"
    return build(objs, b"/Encrypt %d 0 R /ID [%s %s] " % (enc_num, ident, ident),
                 lambda n: object_key(n) if n != enc_num else None)


def garbled():
    """Text whose font maps every code to a private-use character (no Unicode map)."""
    names = b" ".join(b"/uniE%03X" % (0x100 + i) for i in range(1, 64))
    font = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding "
            b"/Differences [1 " + names + b"] >> >>")
    line = bytes(range(1, 40)).replace(b"(", b"").replace(b")", b"").replace(b"\\", b"")
    return build(text_pages([b"\n".join([line] * 20)] * 2, font))


def write_all(out):
    def put(name, data):
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)

    put("not_a_pdf.pdf", "这不是 PDF 文件，是改了扩展名的文本。\n".encode("utf-8"))
    good = build(text_pages([b"Annual report\n" + b"line of text " * 30] * 4))
    put("truncated.pdf", good[: len(good) // 2])
    put("encrypted.pdf", encrypted())
    zero = [(b"<< /Type /Catalog /Pages 2 0 R >>", None), (b"<< /Type /Pages /Kids [] /Count 0 >>", None)]
    put("no_pages.pdf", build(zero))
    put("scanned.pdf", build(image_pages(3)))
    put("scanned_mostly.pdf", build(image_pages(2, 1)))
    put("blank.pdf", build(text_pages([b"", b""])))
    put("garbled.pdf", garbled())
