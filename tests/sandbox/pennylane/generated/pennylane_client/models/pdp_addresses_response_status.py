from enum import StrEnum

class PDPAddressesResponseStatus(StrEnum):
    ACTIVATED = "activated"
    PENDING = "pending"
    PROVISIONED = "provisioned"

    def __str__(self) -> str:
        return str(self.value)
