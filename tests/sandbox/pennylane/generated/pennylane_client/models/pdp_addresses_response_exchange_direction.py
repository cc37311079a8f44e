from enum import StrEnum

class PDPAddressesResponseExchangeDirection(StrEnum):
    EMISSION = "emission"
    EMISSION_AND_RECEPTION = "emission_and_reception"
    RECEPTION = "reception"

    def __str__(self) -> str:
        return str(self.value)
