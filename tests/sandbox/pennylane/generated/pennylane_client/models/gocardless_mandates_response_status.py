from enum import StrEnum

class GocardlessMandatesResponseStatus(StrEnum):
    ACTIVE = "active"
    BANK_DISCONNECTED = "bank_disconnected"
    BLOCKED = "blocked"
    CANCELLED = "cancelled"
    CONSUMED = "consumed"
    EXPIRED = "expired"
    FAILED = "failed"
    PENDING_CUSTOMER_APPROVAL = "pending_customer_approval"
    PENDING_SUBMISSION = "pending_submission"
    REPLACED = "replaced"
    SUBMITTED = "submitted"

    def __str__(self) -> str:
        return str(self.value)
