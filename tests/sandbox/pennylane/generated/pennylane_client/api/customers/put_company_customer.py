from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.put_company_customer_body import PutCompanyCustomerBody
from ...models.put_company_customer_response_200 import PutCompanyCustomerResponse200
from ...models.put_company_customer_response_400_type_0 import PutCompanyCustomerResponse400Type0
from ...models.put_company_customer_response_400_type_1 import PutCompanyCustomerResponse400Type1
from ...models.put_company_customer_response_400_type_2 import PutCompanyCustomerResponse400Type2
from ...models.put_company_customer_response_400_type_3 import PutCompanyCustomerResponse400Type3
from ...models.put_company_customer_response_400_type_4 import PutCompanyCustomerResponse400Type4
from ...models.put_company_customer_response_400_type_5 import PutCompanyCustomerResponse400Type5
from ...models.put_company_customer_response_401 import PutCompanyCustomerResponse401
from ...models.put_company_customer_response_403 import PutCompanyCustomerResponse403
from ...models.put_company_customer_response_404 import PutCompanyCustomerResponse404
from ...models.put_company_customer_response_409 import PutCompanyCustomerResponse409
from ...models.put_company_customer_response_422 import PutCompanyCustomerResponse422
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    id: str,
    *,
    body: PutCompanyCustomerBody,
    use_2026_api_changes: bool | Unset = True,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    params: dict[str, Any] = {}

    params["use_2026_api_changes"] = use_2026_api_changes


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/external/v2/company_customers/{id}".format(id=quote(str(id), safe=""),),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PutCompanyCustomerResponse200 | PutCompanyCustomerResponse400Type0 | PutCompanyCustomerResponse400Type1 | PutCompanyCustomerResponse400Type2 | PutCompanyCustomerResponse400Type3 | PutCompanyCustomerResponse400Type4 | PutCompanyCustomerResponse400Type5 | PutCompanyCustomerResponse401 | PutCompanyCustomerResponse403 | PutCompanyCustomerResponse404 | PutCompanyCustomerResponse409 | PutCompanyCustomerResponse422 | None:
    if response.status_code == 200:
        response_200 = PutCompanyCustomerResponse200.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        def _parse_response_400(data: object) -> PutCompanyCustomerResponse400Type0 | PutCompanyCustomerResponse400Type1 | PutCompanyCustomerResponse400Type2 | PutCompanyCustomerResponse400Type3 | PutCompanyCustomerResponse400Type4 | PutCompanyCustomerResponse400Type5:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_0 = PutCompanyCustomerResponse400Type0.from_dict(data)



                return response_400_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_1 = PutCompanyCustomerResponse400Type1.from_dict(data)



                return response_400_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_2 = PutCompanyCustomerResponse400Type2.from_dict(data)



                return response_400_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_3 = PutCompanyCustomerResponse400Type3.from_dict(data)



                return response_400_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_4 = PutCompanyCustomerResponse400Type4.from_dict(data)



                return response_400_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_400_type_5 = PutCompanyCustomerResponse400Type5.from_dict(data)



            return response_400_type_5

        response_400 = _parse_response_400(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = PutCompanyCustomerResponse401.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = PutCompanyCustomerResponse403.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = PutCompanyCustomerResponse404.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = PutCompanyCustomerResponse409.from_dict(response.json())



        return response_409

    if response.status_code == 422:
        response_422 = PutCompanyCustomerResponse422.from_dict(response.json())



        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PutCompanyCustomerResponse200 | PutCompanyCustomerResponse400Type0 | PutCompanyCustomerResponse400Type1 | PutCompanyCustomerResponse400Type2 | PutCompanyCustomerResponse400Type3 | PutCompanyCustomerResponse400Type4 | PutCompanyCustomerResponse400Type5 | PutCompanyCustomerResponse401 | PutCompanyCustomerResponse403 | PutCompanyCustomerResponse404 | PutCompanyCustomerResponse409 | PutCompanyCustomerResponse422]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    body: PutCompanyCustomerBody,
    use_2026_api_changes: bool | Unset = True,

) -> Response[PutCompanyCustomerResponse200 | PutCompanyCustomerResponse400Type0 | PutCompanyCustomerResponse400Type1 | PutCompanyCustomerResponse400Type2 | PutCompanyCustomerResponse400Type3 | PutCompanyCustomerResponse400Type4 | PutCompanyCustomerResponse400Type5 | PutCompanyCustomerResponse401 | PutCompanyCustomerResponse403 | PutCompanyCustomerResponse404 | PutCompanyCustomerResponse409 | PutCompanyCustomerResponse422]:
    """ Update a company customer

     This endpoint returns the updated company customer.

    > ℹ️
    > This endpoint requires the following scope: `customers:all`

    Args:
        id (str):
        use_2026_api_changes (bool | Unset):  Default: True. Example: True.
        body (PutCompanyCustomerBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PutCompanyCustomerResponse200 | PutCompanyCustomerResponse400Type0 | PutCompanyCustomerResponse400Type1 | PutCompanyCustomerResponse400Type2 | PutCompanyCustomerResponse400Type3 | PutCompanyCustomerResponse400Type4 | PutCompanyCustomerResponse400Type5 | PutCompanyCustomerResponse401 | PutCompanyCustomerResponse403 | PutCompanyCustomerResponse404 | PutCompanyCustomerResponse409 | PutCompanyCustomerResponse422]
     """


    kwargs = _get_kwargs(
        id=id,
body=body,
use_2026_api_changes=use_2026_api_changes,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    body: PutCompanyCustomerBody,
    use_2026_api_changes: bool | Unset = True,

) -> PutCompanyCustomerResponse200 | PutCompanyCustomerResponse400Type0 | PutCompanyCustomerResponse400Type1 | PutCompanyCustomerResponse400Type2 | PutCompanyCustomerResponse400Type3 | PutCompanyCustomerResponse400Type4 | PutCompanyCustomerResponse400Type5 | PutCompanyCustomerResponse401 | PutCompanyCustomerResponse403 | PutCompanyCustomerResponse404 | PutCompanyCustomerResponse409 | PutCompanyCustomerResponse422 | None:
    """ Update a company customer

     This endpoint returns the updated company customer.

    > ℹ️
    > This endpoint requires the following scope: `customers:all`

    Args:
        id (str):
        use_2026_api_changes (bool | Unset):  Default: True. Example: True.
        body (PutCompanyCustomerBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PutCompanyCustomerResponse200 | PutCompanyCustomerResponse400Type0 | PutCompanyCustomerResponse400Type1 | PutCompanyCustomerResponse400Type2 | PutCompanyCustomerResponse400Type3 | PutCompanyCustomerResponse400Type4 | PutCompanyCustomerResponse400Type5 | PutCompanyCustomerResponse401 | PutCompanyCustomerResponse403 | PutCompanyCustomerResponse404 | PutCompanyCustomerResponse409 | PutCompanyCustomerResponse422
     """


    return sync_detailed(
        id=id,
client=client,
body=body,
use_2026_api_changes=use_2026_api_changes,

    ).parsed

async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    body: PutCompanyCustomerBody,
    use_2026_api_changes: bool | Unset = True,

) -> Response[PutCompanyCustomerResponse200 | PutCompanyCustomerResponse400Type0 | PutCompanyCustomerResponse400Type1 | PutCompanyCustomerResponse400Type2 | PutCompanyCustomerResponse400Type3 | PutCompanyCustomerResponse400Type4 | PutCompanyCustomerResponse400Type5 | PutCompanyCustomerResponse401 | PutCompanyCustomerResponse403 | PutCompanyCustomerResponse404 | PutCompanyCustomerResponse409 | PutCompanyCustomerResponse422]:
    """ Update a company customer

     This endpoint returns the updated company customer.

    > ℹ️
    > This endpoint requires the following scope: `customers:all`

    Args:
        id (str):
        use_2026_api_changes (bool | Unset):  Default: True. Example: True.
        body (PutCompanyCustomerBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PutCompanyCustomerResponse200 | PutCompanyCustomerResponse400Type0 | PutCompanyCustomerResponse400Type1 | PutCompanyCustomerResponse400Type2 | PutCompanyCustomerResponse400Type3 | PutCompanyCustomerResponse400Type4 | PutCompanyCustomerResponse400Type5 | PutCompanyCustomerResponse401 | PutCompanyCustomerResponse403 | PutCompanyCustomerResponse404 | PutCompanyCustomerResponse409 | PutCompanyCustomerResponse422]
     """


    kwargs = _get_kwargs(
        id=id,
body=body,
use_2026_api_changes=use_2026_api_changes,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    body: PutCompanyCustomerBody,
    use_2026_api_changes: bool | Unset = True,

) -> PutCompanyCustomerResponse200 | PutCompanyCustomerResponse400Type0 | PutCompanyCustomerResponse400Type1 | PutCompanyCustomerResponse400Type2 | PutCompanyCustomerResponse400Type3 | PutCompanyCustomerResponse400Type4 | PutCompanyCustomerResponse400Type5 | PutCompanyCustomerResponse401 | PutCompanyCustomerResponse403 | PutCompanyCustomerResponse404 | PutCompanyCustomerResponse409 | PutCompanyCustomerResponse422 | None:
    """ Update a company customer

     This endpoint returns the updated company customer.

    > ℹ️
    > This endpoint requires the following scope: `customers:all`

    Args:
        id (str):
        use_2026_api_changes (bool | Unset):  Default: True. Example: True.
        body (PutCompanyCustomerBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PutCompanyCustomerResponse200 | PutCompanyCustomerResponse400Type0 | PutCompanyCustomerResponse400Type1 | PutCompanyCustomerResponse400Type2 | PutCompanyCustomerResponse400Type3 | PutCompanyCustomerResponse400Type4 | PutCompanyCustomerResponse400Type5 | PutCompanyCustomerResponse401 | PutCompanyCustomerResponse403 | PutCompanyCustomerResponse404 | PutCompanyCustomerResponse409 | PutCompanyCustomerResponse422
     """


    return (await asyncio_detailed(
        id=id,
client=client,
body=body,
use_2026_api_changes=use_2026_api_changes,

    )).parsed
