from enum import StrEnum

class SupplierInvoicesEInvoiceStatusResponseAccountingStatus(StrEnum):
    ARCHIVED = "archived"
    COMPLETE = "complete"
    DRAFT = "draft"
    ENTRY = "entry"
    VALIDATION_NEEDED = "validation_needed"

    def __str__(self) -> str:
        return str(self.value)
