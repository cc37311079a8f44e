"""Reading the bytes of a new attachment from its ``file_url``, without becoming an SSRF hole.

Panora's attachment passthrough fetched whatever URL a caller gave, so a caller could make the server read its
own network (cloud metadata at 169.254.169.254, an admin port on localhost, a ``file:`` path). Here:

- ``data:<media type>;base64,<content>`` is always accepted: the caller sends the bytes themselves;
- ``http(s)://`` only for hosts in ``Settings.attachment_url_hosts`` (empty by default, so none), and only
  through the egress policy (:mod:`ledgerbridge.egress`): every address the host resolves to must be public, or
  allowed by ``Settings.egress_allow_networks`` or ``Settings.attachment_private_networks`` (for attachments
  only). The request then goes to the address that was checked (the host travels in ``Host`` and TLS SNI), so a
  DNS answer that changes between the check and the connection (rebinding) cannot redirect it; redirects are not
  followed;
- every other scheme is refused, and so is anything larger than ``Settings.attachment_max_bytes`` (the body is
  streamed and the download stopped at the limit).

Every refusal is a 422 naming ``file_url``. The bytes are kept on the validated body (``AttachmentInput.content``)
for the connector; a dry run reads them too, so it reports what the real request would.
"""

from __future__ import annotations

import base64
import binascii
import mimetypes
import re
from typing import Any

import httpx
from pydantic import BaseModel

from ledgerbridge import egress
from ledgerbridge.errors import FieldError
from ledgerbridge.settings import Settings
from ledgerbridge.unified.attachment import SOURCE_SCHEMES, AttachmentInput, FileContent

CLIENT_NAME = "attachment-source"  # the shared ProviderHttp client used for downloads
_MEDIA_TYPE = re.compile(r"^[A-Za-z0-9][\w.+-]*/[A-Za-z0-9][\w.+-]*$")
_SCHEMES = ("http", "https")


class SourceRefused(Exception):
    """``file_url`` cannot be used; the message says why (it becomes the 422's message for ``file_url``)."""


async def prepare(settings: Settings, client: httpx.AsyncClient, object_name: str,
                  body: BaseModel | dict[str, Any]) -> list[FieldError]:
    """Load an attachment's bytes onto ``body``; the problems found, each naming its field. Other objects: [].

    ``body`` may be the raw payload of a dry run whose body did not validate: its source is checked all the same
    (when its file_url passed validation), so the dry run reports every problem at once.
    """
    if object_name != "attachment":
        return []
    if isinstance(body, dict):
        url, name = body.get("file_url"), body.get("file_name")
        if not isinstance(url, str) or not url.lower().startswith(SOURCE_SCHEMES):
            return []  # validation already named file_url
        try:
            await load(url, file_name=name if isinstance(name, str) else "", settings=settings, client=client)
        except SourceRefused as exc:
            return [FieldError("file_url", str(exc))]
        return []
    if not isinstance(body, AttachmentInput):
        return []
    errors = []
    if len(body.targets) > 1:
        errors += [FieldError(name, f"give at most one of {', '.join(body.targets)}") for name in body.targets]
    try:
        body._content = await load(body.file_url, file_name=body.file_name, settings=settings, client=client)
    except SourceRefused as exc:
        errors.append(FieldError("file_url", str(exc)))
    return errors


async def load(url: str, *, file_name: str, settings: Settings, client: httpx.AsyncClient) -> FileContent:
    scheme = url.partition(":")[0].lower()
    if scheme == "data":
        return decode_data_url(url, file_name=file_name, max_bytes=settings.attachment_max_bytes)
    if scheme in _SCHEMES:
        return await fetch(url, file_name=file_name, settings=settings, client=client)
    raise SourceRefused("must be a data: URL (base64) or an http(s) URL on an allowed host")


def decode_data_url(url: str, *, file_name: str, max_bytes: int) -> FileContent:
    """``data:[<media type>][;base64],<content>`` (RFC 2397); only base64 content is taken."""
    header, comma, payload = url[len("data:"):].partition(",")
    if not comma:
        raise SourceRefused("a data: URL needs a comma before its content (data:<media type>;base64,<content>)")
    params = [p.strip() for p in header.split(";")]
    if "base64" not in (p.lower() for p in params[1:]):
        raise SourceRefused("a data: URL must carry base64 content (data:<media type>;base64,<content>)")
    media_type = params[0].lower() or _guess(file_name)
    if not _MEDIA_TYPE.match(media_type):
        raise SourceRefused(f"{params[0]!r} is not a media type")
    payload = "".join(payload.split())
    if len(payload) // 4 * 3 > max_bytes + 2:  # refuse before decoding what is too large anyway
        raise SourceRefused(_too_large(max_bytes))
    try:
        data = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        raise SourceRefused("the content of the data: URL is not valid base64") from None
    return _checked(data, media_type, max_bytes)


async def fetch(url: str, *, file_name: str, settings: Settings, client: httpx.AsyncClient) -> FileContent:
    """GET an allowed http(s) URL at the address that was checked, streaming at most ``attachment_max_bytes``."""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise SourceRefused(f"is not a valid URL ({exc})") from None
    host = parsed.host.lower()
    allowed = {h.strip().lower().strip("[]") for h in settings.attachment_url_hosts}
    if not host:
        raise SourceRefused("names no host")
    if host not in allowed:
        raise SourceRefused(f"host {host!r} is not one Ledgerbridge may fetch from (an operator allows hosts with "
                            "LEDGERBRIDGE_ATTACHMENT_URL_HOSTS); send the file as a data: URL instead")
    policy = egress.EgressPolicy.from_settings(settings, extra=settings.attachment_private_networks)
    try:
        target = await policy.check(parsed)
    except egress.EgressRefused as refused:
        raise SourceRefused(f"{refused} (for attachments also LEDGERBRIDGE_ATTACHMENT_PRIVATE_NETWORKS)") from None
    request = egress.pinned(client.build_request("GET", parsed, headers={"Accept": "*/*",
                                                                         "Accept-Encoding": "identity"}),
                            target.address)
    try:
        response = await client.send(request, stream=True, follow_redirects=False)
    except httpx.HTTPError as exc:
        raise SourceRefused(f"could not be fetched ({type(exc).__name__}: {exc})") from None
    try:
        if response.is_redirect:
            raise SourceRefused(f"answered a redirect (HTTP {response.status_code}), which is not followed; give "
                                "the final URL")
        if response.status_code != 200:
            raise SourceRefused(f"answered HTTP {response.status_code}")
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > settings.attachment_max_bytes:
            raise SourceRefused(_too_large(settings.attachment_max_bytes))
        chunks, size = [], 0
        try:
            async for chunk in response.aiter_bytes():  # decoded: a gzip bomb counts at full size
                size += len(chunk)
                if size > settings.attachment_max_bytes:  # stop reading: never hold more than the limit
                    raise SourceRefused(_too_large(settings.attachment_max_bytes))
                chunks.append(chunk)
        except httpx.HTTPError as exc:
            raise SourceRefused(f"could not be read ({type(exc).__name__}: {exc})") from None
    finally:
        await response.aclose()
    media_type = response.headers.get("Content-Type", "").partition(";")[0].strip().lower()
    if not _MEDIA_TYPE.match(media_type) or media_type == "application/octet-stream":
        media_type = _guess(file_name)
    return _checked(b"".join(chunks), media_type, settings.attachment_max_bytes)


def _checked(data: bytes, media_type: str, max_bytes: int) -> FileContent:
    if not data:
        raise SourceRefused("the file is empty")
    if len(data) > max_bytes:
        raise SourceRefused(_too_large(max_bytes))
    return FileContent(data=data, content_type=media_type)


def _guess(file_name: str) -> str:
    return mimetypes.guess_type(file_name)[0] or "application/octet-stream"


def _too_large(max_bytes: int) -> str:
    return f"the file is larger than the {max_bytes:,} bytes Ledgerbridge accepts (LEDGERBRIDGE_ATTACHMENT_MAX_BYTES)"
