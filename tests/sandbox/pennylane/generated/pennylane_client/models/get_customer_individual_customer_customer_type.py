from enum import StrEnum

class GetCustomerIndividualCustomerCustomerType(StrEnum):
    INDIVIDUAL = "individual"

    def __str__(self) -> str:
        return str(self.value)
