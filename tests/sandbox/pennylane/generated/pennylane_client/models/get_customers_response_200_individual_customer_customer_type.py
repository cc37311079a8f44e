from enum import StrEnum

class GetCustomersResponse200IndividualCustomerCustomerType(StrEnum):
    INDIVIDUAL = "individual"

    def __str__(self) -> str:
        return str(self.value)
