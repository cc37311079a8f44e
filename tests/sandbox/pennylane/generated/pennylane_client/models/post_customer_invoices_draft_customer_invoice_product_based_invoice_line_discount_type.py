from enum import StrEnum

class PostCustomerInvoicesDraftCustomerInvoiceProductBasedInvoiceLineDiscountType(StrEnum):
    ABSOLUTE = "absolute"
    RELATIVE = "relative"

    def __str__(self) -> str:
        return str(self.value)
