from enum import StrEnum

class IndividualCustomerCustomerType(StrEnum):
    INDIVIDUAL = "individual"

    def __str__(self) -> str:
        return str(self.value)
