from enum import StrEnum

class GetCustomerInvoicesResponse200IncludedInvoiceLinesAdditionalPropertyCustomerInvoiceLineDiscountType(StrEnum):
    ABSOLUTE = "absolute"
    RELATIVE = "relative"

    def __str__(self) -> str:
        return str(self.value)
