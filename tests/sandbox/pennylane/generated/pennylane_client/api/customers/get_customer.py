from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.get_customer_company_customer import GetCustomerCompanyCustomer
from ...models.get_customer_individual_customer import GetCustomerIndividualCustomer
from ...models.get_customer_response_400_type_0 import GetCustomerResponse400Type0
from ...models.get_customer_response_400_type_1 import GetCustomerResponse400Type1
from ...models.get_customer_response_400_type_2 import GetCustomerResponse400Type2
from ...models.get_customer_response_400_type_3 import GetCustomerResponse400Type3
from ...models.get_customer_response_400_type_4 import GetCustomerResponse400Type4
from ...models.get_customer_response_400_type_5 import GetCustomerResponse400Type5
from ...models.get_customer_response_401 import GetCustomerResponse401
from ...models.get_customer_response_403 import GetCustomerResponse403
from ...models.get_customer_response_404 import GetCustomerResponse404
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    id: int,
    *,
    use_2026_api_changes: bool | Unset = True,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["use_2026_api_changes"] = use_2026_api_changes


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/external/v2/customers/{id}".format(id=quote(str(id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> GetCustomerCompanyCustomer | GetCustomerIndividualCustomer | GetCustomerResponse400Type0 | GetCustomerResponse400Type1 | GetCustomerResponse400Type2 | GetCustomerResponse400Type3 | GetCustomerResponse400Type4 | GetCustomerResponse400Type5 | GetCustomerResponse401 | GetCustomerResponse403 | GetCustomerResponse404 | None:
    if response.status_code == 200:
        def _parse_response_200(data: object) -> GetCustomerCompanyCustomer | GetCustomerIndividualCustomer:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_company_customer = GetCustomerCompanyCustomer.from_dict(data)



                return response_200_company_customer
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_individual_customer = GetCustomerIndividualCustomer.from_dict(data)



            return response_200_individual_customer

        response_200 = _parse_response_200(response.json())

        return response_200

    if response.status_code == 400:
        def _parse_response_400(data: object) -> GetCustomerResponse400Type0 | GetCustomerResponse400Type1 | GetCustomerResponse400Type2 | GetCustomerResponse400Type3 | GetCustomerResponse400Type4 | GetCustomerResponse400Type5:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_0 = GetCustomerResponse400Type0.from_dict(data)



                return response_400_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_1 = GetCustomerResponse400Type1.from_dict(data)



                return response_400_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_2 = GetCustomerResponse400Type2.from_dict(data)



                return response_400_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_3 = GetCustomerResponse400Type3.from_dict(data)



                return response_400_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_4 = GetCustomerResponse400Type4.from_dict(data)



                return response_400_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_400_type_5 = GetCustomerResponse400Type5.from_dict(data)



            return response_400_type_5

        response_400 = _parse_response_400(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = GetCustomerResponse401.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = GetCustomerResponse403.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = GetCustomerResponse404.from_dict(response.json())



        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[GetCustomerCompanyCustomer | GetCustomerIndividualCustomer | GetCustomerResponse400Type0 | GetCustomerResponse400Type1 | GetCustomerResponse400Type2 | GetCustomerResponse400Type3 | GetCustomerResponse400Type4 | GetCustomerResponse400Type5 | GetCustomerResponse401 | GetCustomerResponse403 | GetCustomerResponse404]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    use_2026_api_changes: bool | Unset = True,

) -> Response[GetCustomerCompanyCustomer | GetCustomerIndividualCustomer | GetCustomerResponse400Type0 | GetCustomerResponse400Type1 | GetCustomerResponse400Type2 | GetCustomerResponse400Type3 | GetCustomerResponse400Type4 | GetCustomerResponse400Type5 | GetCustomerResponse401 | GetCustomerResponse403 | GetCustomerResponse404]:
    """ Retrieve a customer

     This endpoint returns a customer.

    > ℹ️
    > This endpoint requires one of the following scopes: `customers:all`, `customers:readonly`

    Args:
        id (int):
        use_2026_api_changes (bool | Unset):  Default: True. Example: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetCustomerCompanyCustomer | GetCustomerIndividualCustomer | GetCustomerResponse400Type0 | GetCustomerResponse400Type1 | GetCustomerResponse400Type2 | GetCustomerResponse400Type3 | GetCustomerResponse400Type4 | GetCustomerResponse400Type5 | GetCustomerResponse401 | GetCustomerResponse403 | GetCustomerResponse404]
     """


    kwargs = _get_kwargs(
        id=id,
use_2026_api_changes=use_2026_api_changes,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    id: int,
    *,
    client: AuthenticatedClient,
    use_2026_api_changes: bool | Unset = True,

) -> GetCustomerCompanyCustomer | GetCustomerIndividualCustomer | GetCustomerResponse400Type0 | GetCustomerResponse400Type1 | GetCustomerResponse400Type2 | GetCustomerResponse400Type3 | GetCustomerResponse400Type4 | GetCustomerResponse400Type5 | GetCustomerResponse401 | GetCustomerResponse403 | GetCustomerResponse404 | None:
    """ Retrieve a customer

     This endpoint returns a customer.

    > ℹ️
    > This endpoint requires one of the following scopes: `customers:all`, `customers:readonly`

    Args:
        id (int):
        use_2026_api_changes (bool | Unset):  Default: True. Example: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetCustomerCompanyCustomer | GetCustomerIndividualCustomer | GetCustomerResponse400Type0 | GetCustomerResponse400Type1 | GetCustomerResponse400Type2 | GetCustomerResponse400Type3 | GetCustomerResponse400Type4 | GetCustomerResponse400Type5 | GetCustomerResponse401 | GetCustomerResponse403 | GetCustomerResponse404
     """


    return sync_detailed(
        id=id,
client=client,
use_2026_api_changes=use_2026_api_changes,

    ).parsed

async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    use_2026_api_changes: bool | Unset = True,

) -> Response[GetCustomerCompanyCustomer | GetCustomerIndividualCustomer | GetCustomerResponse400Type0 | GetCustomerResponse400Type1 | GetCustomerResponse400Type2 | GetCustomerResponse400Type3 | GetCustomerResponse400Type4 | GetCustomerResponse400Type5 | GetCustomerResponse401 | GetCustomerResponse403 | GetCustomerResponse404]:
    """ Retrieve a customer

     This endpoint returns a customer.

    > ℹ️
    > This endpoint requires one of the following scopes: `customers:all`, `customers:readonly`

    Args:
        id (int):
        use_2026_api_changes (bool | Unset):  Default: True. Example: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetCustomerCompanyCustomer | GetCustomerIndividualCustomer | GetCustomerResponse400Type0 | GetCustomerResponse400Type1 | GetCustomerResponse400Type2 | GetCustomerResponse400Type3 | GetCustomerResponse400Type4 | GetCustomerResponse400Type5 | GetCustomerResponse401 | GetCustomerResponse403 | GetCustomerResponse404]
     """


    kwargs = _get_kwargs(
        id=id,
use_2026_api_changes=use_2026_api_changes,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient,
    use_2026_api_changes: bool | Unset = True,

) -> GetCustomerCompanyCustomer | GetCustomerIndividualCustomer | GetCustomerResponse400Type0 | GetCustomerResponse400Type1 | GetCustomerResponse400Type2 | GetCustomerResponse400Type3 | GetCustomerResponse400Type4 | GetCustomerResponse400Type5 | GetCustomerResponse401 | GetCustomerResponse403 | GetCustomerResponse404 | None:
    """ Retrieve a customer

     This endpoint returns a customer.

    > ℹ️
    > This endpoint requires one of the following scopes: `customers:all`, `customers:readonly`

    Args:
        id (int):
        use_2026_api_changes (bool | Unset):  Default: True. Example: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetCustomerCompanyCustomer | GetCustomerIndividualCustomer | GetCustomerResponse400Type0 | GetCustomerResponse400Type1 | GetCustomerResponse400Type2 | GetCustomerResponse400Type3 | GetCustomerResponse400Type4 | GetCustomerResponse400Type5 | GetCustomerResponse401 | GetCustomerResponse403 | GetCustomerResponse404
     """


    return (await asyncio_detailed(
        id=id,
client=client,
use_2026_api_changes=use_2026_api_changes,

    )).parsed
