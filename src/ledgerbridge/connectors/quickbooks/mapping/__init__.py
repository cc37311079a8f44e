"""Pure mapping between QuickBooks Online entities (JSON, minorversion 75) and the unified models.

One module per unified object. ``to_unified`` turns a QBO entity into a :class:`RemoteRecord`; ``to_remote``
turns a unified input into the QBO request body. Neither does I/O, so both are tested against recorded
payloads.
"""
