"""Attachments: ``POST /upload`` (multipart), ``GET /download/{id}`` (the Attachable rules: :mod:`.attachable`).

QBO's upload takes ``multipart/form-data`` whose parts come in pairs, ``file_metadata_<n>`` (an Attachable as JSON)
and ``file_content_<n>`` (the file, its part's Content-Type being the file's), and answers
``{"AttachableResponse": [{"Attachable": {…}}, …], "time": …}`` in part order. A content part without metadata
still creates an Attachable (named after the part's filename). ``GET /download/{id}`` answers, as text, a
temporary URL of the file (S3 in production; here an unauthenticated, signed path of this app).

The parser is deliberately lenient where QBO is: python-quickbooks sends bare ``\\n`` line breaks (not CRLF)
and base64 content with ``Content-Transfer-Encoding: base64``, and QBO accepts both.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response

from . import errors
from .attachable import FILE_FIELDS
from .specs import Doc
from .wire import loads

if TYPE_CHECKING:
    from .sandbox import QuickBooksSandbox

MAX_UPLOAD_BYTES = 100 * 1024 * 1024  # QBO: "The maximum file size is 100 MB"
_SCHEMA = "CREATE TABLE IF NOT EXISTS attachable_files (realm TEXT, id TEXT, content BLOB, PRIMARY KEY (realm, id))"
_LINE_BREAK = re.compile(rb"\r?\n")
_HEADER_END = re.compile(rb"\r?\n\r?\n")
_PART_NAME = re.compile(r"^file_(metadata|content)_(\d+)$")
_SECRET = secrets.token_bytes(32)  # signs temporary download URLs; they die with the process, as QBO's expire


@dataclass
class Part:
    headers: dict[str, str]
    content: bytes
    params: dict[str, str] = field(default_factory=dict)  # Content-Disposition parameters: name, filename


# --------------------------------------------------------------------------------------------- multipart
def _boundary(content_type: str) -> bytes:
    media, _, rest = content_type.partition(";")
    if media.strip().lower() != "multipart/form-data":
        raise errors.QBOFault("2010", "Request has invalid or unsupported property",
                              "Content-Type must be multipart/form-data for upload")
    for param in rest.split(";"):
        name, _, value = param.strip().partition("=")
        if name.lower() == "boundary" and value.strip('"'):
            return value.strip('"').encode()
    raise errors.QBOFault("2010", "Request has invalid or unsupported property", "multipart boundary missing")


def _params(value: str) -> dict[str, str]:
    out = {}
    for piece in value.split(";")[1:]:
        name, _, raw = piece.strip().partition("=")
        out[name.strip().lower()] = raw.strip().strip('"')
    return out


def parse_multipart(body: bytes, content_type: str) -> list[Part]:
    delimiter = b"--" + _boundary(content_type)
    parts = []
    for chunk in body.split(delimiter)[1:]:
        if chunk.startswith(b"--"):
            break  # the closing delimiter
        chunk = chunk[2:] if chunk.startswith(b"\r\n") else chunk[1:] if chunk.startswith(b"\n") else chunk
        end = _HEADER_END.search(chunk)
        if end is None:
            raise errors.QBOFault("2010", "Request has invalid or unsupported property", "malformed multipart part")
        head, content = chunk[: end.start()], chunk[end.end():]
        # The line break before the next delimiter belongs to the delimiter (RFC 2046).
        content = content[:-2] if content.endswith(b"\r\n") else content[:-1] if content.endswith(b"\n") else content
        headers = {}
        for line in _LINE_BREAK.split(head):
            name, colon, value = line.decode("utf-8", "replace").partition(":")
            if colon:
                headers[name.strip().lower()] = value.strip()
        if headers.get("content-transfer-encoding", "").lower() == "base64":
            try:
                content = base64.b64decode(b"".join(content.split()), validate=True)
            except (binascii.Error, ValueError):
                raise errors.QBOFault("2010", "Request has invalid or unsupported property",
                                      "file content is not valid base64") from None
        parts.append(Part(headers, content, _params(headers.get("content-disposition", ""))))
    return parts


# --------------------------------------------------------------------------------------------- handlers
def _files_table(sb: QuickBooksSandbox) -> None:
    with sb.store.lock:
        sb.store.db.execute(_SCHEMA)


def _signature(realm: str, attachable_id: str) -> str:
    return hmac.new(_SECRET, f"{realm}/{attachable_id}".encode(), hashlib.sha256).hexdigest()


def _pairs(parts: list[Part]) -> list[tuple[Doc, Part]]:
    """(metadata, content) per index, in index order; a metadata part without content is an error."""
    by_index: dict[int, dict[str, Part]] = {}
    for part in parts:
        match = _PART_NAME.match(part.params.get("name", ""))
        if match:
            by_index.setdefault(int(match.group(2)), {})[match.group(1)] = part
    if not by_index:
        raise errors.required("file_content_0")
    pairs = []
    for index in sorted(by_index):
        found = by_index[index]
        if "content" not in found:
            raise errors.required(f"file_content_{index}")
        metadata: Any = {}
        if "metadata" in found:
            try:
                metadata = loads(found["metadata"].content or b"{}")
            except ValueError as exc:
                raise errors.QBOFault("2010", "Request has invalid or unsupported property",
                                      f"Invalid JSON in file_metadata_{index}: {exc}") from None
            if not isinstance(metadata, dict):
                raise errors.QBOFault("2010", "Request has invalid or unsupported property",
                                      f"file_metadata_{index} must be an Attachable object")
        pairs.append((metadata, found["content"]))
    return pairs


async def upload(request: Request, sb: QuickBooksSandbox, realm: str) -> dict[str, Any]:
    limit = getattr(sb, "max_upload_bytes", MAX_UPLOAD_BYTES)
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit * 2 + 65536:  # base64 doubles at most; refuse before reading
        raise _too_large(limit)
    pairs = _pairs(parse_multipart(await request.body(), request.headers.get("content-type", "")))
    for metadata, content in pairs:  # every file is checked before any is stored: a refusal writes nothing
        if len(content.content) > limit:
            raise _too_large(limit)
        if not content.content:
            raise errors.QBOFault("2010", "Request has invalid or unsupported property", "The file is empty",
                                  "file_content")
        if not (metadata.get("FileName") or content.params.get("filename")):
            raise errors.required("FileName")
    _files_table(sb)
    base = str(request.base_url).rstrip("/")
    answers = []
    with sb.store.transaction():
        for metadata, content in pairs:
            body = {k: v for k, v in metadata.items() if k not in FILE_FIELDS or k == "FileName"}
            body.setdefault("FileName", content.params.get("filename"))
            doc = sb.write(realm, "Attachable", body)
            doc.update(
                ContentType=(metadata.get("ContentType") or content.headers.get("content-type")
                             or "application/octet-stream").partition(";")[0].strip(),
                Size=len(content.content),
                FileAccessUri=f"/v3/company/{realm}/download/{doc['Id']}",
                TempDownloadUri=f"{base}/v3/company/{realm}/tempfile/{doc['Id']}?sig={_signature(realm, doc['Id'])}",
            )
            now = sb.clock()
            sb._put(realm, "Attachable", doc, now, now)
            sb.store.db.execute("INSERT OR REPLACE INTO attachable_files VALUES (?, ?, ?)",
                                (realm, doc["Id"], content.content))
            answers.append({"Attachable": doc})
    return {"AttachableResponse": answers}


async def download(request: Request, sb: QuickBooksSandbox, realm: str) -> Response:
    """QBO answers the temporary URL of the file as text/plain."""
    doc = sb.read(realm, "Attachable", request.path_params["id"])
    if not doc.get("TempDownloadUri"):
        raise errors.not_found("Attachable", doc["Id"])
    return Response(str(doc["TempDownloadUri"]), media_type="text/plain")


async def temp_file(request: Request) -> Response:
    """The signed, unauthenticated URL a download points to (S3's presigned URL at QBO)."""
    sb: QuickBooksSandbox = request.app.state.sandbox
    realm, attachable_id = request.path_params["realm"], request.path_params["id"]
    if not hmac.compare_digest(request.query_params.get("sig", ""), _signature(realm, attachable_id)):
        return Response("AccessDenied", status_code=403, media_type="text/plain")
    _files_table(sb)
    rows = sb.store.select("SELECT content FROM attachable_files WHERE realm=? AND id=?", [realm, attachable_id])
    doc = sb.entity(realm, "Attachable", attachable_id)
    if not rows or doc is None:
        return Response("NoSuchKey", status_code=404, media_type="text/plain")
    return Response(bytes(rows[0][0]), media_type=str(doc.get("ContentType") or "application/octet-stream"))


def _too_large(limit: int) -> errors.QBOFault:
    return errors.QBOFault("2010", "Request has invalid or unsupported property",
                           f"File size exceeds the maximum allowed of {limit} bytes", "file_content", status=413)
