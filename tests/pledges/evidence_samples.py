"""Small files of each kind an update may carry, made in memory, and a renamed executable."""

import io
import struct
import zipfile
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile


def _png() -> bytes:
    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def _ooxml(main_part: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships/>')
        archive.writestr(main_part, '<?xml version="1.0"?><document/>')
    return buffer.getvalue()


def _ole2(stream: str) -> bytes:
    """An OLE2 container's header and a directory entry naming ``stream``."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    directory = stream.encode("utf-16-le").ljust(64, b"\x00") + b"\x00" * 64
    return header + b"\xff" * 512 + directory + b"\x00" * 1024


SAMPLES = {
    "report.pdf": b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n",
    "photo.png": _png(),
    "photo.jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9",
    "photo.jpeg": b"\xff\xd8\xff\xe1\x00\x10Exif\x00\x00" + b"\x00" * 16 + b"\xff\xd9",
    "chart.gif": b"GIF89a\x01\x00\x01\x00\x00\x00\x00;",
    "photo.webp": b"RIFF\x1a\x00\x00\x00WEBPVP8 " + b"\x00" * 20,
    "minutes.docx": _ooxml("word/document.xml"),
    "figures.xlsx": _ooxml("xl/workbook.xml"),
    "slides.pptx": _ooxml("ppt/presentation.xml"),
    "minutes.doc": _ole2("WordDocument"),
    "figures.xls": _ole2("Workbook"),
    "slides.ppt": _ole2("PowerPoint Document"),
}

EXECUTABLE = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + (b"PE\x00\x00")
)


def upload(name: str, content: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, SAMPLES[name] if content is None else content)
