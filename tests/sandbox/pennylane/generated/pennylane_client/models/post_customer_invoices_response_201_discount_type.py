from enum import StrEnum

class PostCustomerInvoicesResponse201DiscountType(StrEnum):
    ABSOLUTE = "absolute"
    RELATIVE = "relative"

    def __str__(self) -> str:
        return str(self.value)
