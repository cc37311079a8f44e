from enum import StrEnum

class PurchaseRequestStatuses(StrEnum):
    APPROVED = "approved"
    INVOICED = "invoiced"
    REJECTED = "rejected"
    TO_BE_VALIDATED = "to_be_validated"

    def __str__(self) -> str:
        return str(self.value)
