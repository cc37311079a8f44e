from enum import StrEnum

class QuotesResponseStatus(StrEnum):
    ACCEPTED = "accepted"
    DENIED = "denied"
    EXPIRED = "expired"
    INVOICED = "invoiced"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
