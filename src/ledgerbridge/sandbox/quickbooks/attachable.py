"""The Attachable rules: what a note, a link or a file's metadata must hold (files themselves: :mod:`.upload`).

Used by :func:`.entities.prepare` for ``POST /attachable`` and by the upload handler, which writes each file's
Attachable through the same rules.
"""

from __future__ import annotations

from . import errors
from .specs import SPECS, Context, Doc

# What QBO sets on an Attachable from the file it holds; an update keeps them.
FILE_FIELDS = ("FileName", "FileAccessUri", "TempDownloadUri", "Size", "ContentType")


def prepare_attachable(doc: Doc, ctx: Context) -> None:
    """A note, a link, or a file's metadata: every EntityRef must name an existing record."""
    if ctx.existing is not None:  # an update keeps the file it describes: those fields are QBO's, not the caller's
        for name in FILE_FIELDS:
            if name in ctx.existing and name not in doc:
                doc[name] = ctx.existing[name]
    elif not doc.get("FileName") and not doc.get("Note"):
        raise errors.required("Note")  # Intuit: FileName for a file attachment, Note for a note
    links = doc.get("AttachableRef") or []
    if not isinstance(links, list):
        raise errors.QBOFault("2010", "Request has invalid or unsupported property", "AttachableRef must be a list",
                              "AttachableRef")
    for link in links:
        entity_ref = (link or {}).get("EntityRef") if isinstance(link, dict) else None
        if not isinstance(entity_ref, dict) or not entity_ref.get("type") or not entity_ref.get("value"):
            raise errors.required("AttachableRef.EntityRef")
        entity = next((name for name in SPECS if name.lower() == str(entity_ref["type"]).lower()), None)
        value = str(entity_ref["value"])
        if entity is None or entity == "Attachable" or ctx.lookup(entity, value) is None:
            raise errors.invalid_ref("AttachableRef.EntityRef", value, str(entity_ref["type"]))
        link["EntityRef"] = {"type": entity, "value": value}
        link.setdefault("IncludeOnSend", False)
