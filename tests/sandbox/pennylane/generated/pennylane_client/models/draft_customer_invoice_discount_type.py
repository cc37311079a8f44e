from enum import StrEnum

class DraftCustomerInvoiceDiscountType(StrEnum):
    ABSOLUTE = "absolute"
    RELATIVE = "relative"

    def __str__(self) -> str:
        return str(self.value)
