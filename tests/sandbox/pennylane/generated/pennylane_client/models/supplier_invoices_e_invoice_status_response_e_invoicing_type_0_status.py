from enum import StrEnum

class SupplierInvoicesEInvoiceStatusResponseEInvoicingType0Status(StrEnum):
    APPROVED = "approved"
    COLLECTED = "collected"
    DISPUTED = "disputed"
    PARTIALLY_COLLECTED = "partially_collected"
    REFUSED = "refused"
    REJECTED = "rejected"
    WAITING_FOR_VALIDATION = "waiting_for_validation"

    def __str__(self) -> str:
        return str(self.value)
