from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.get_customers_response_200 import GetCustomersResponse200
from ...models.get_customers_response_400_type_0 import GetCustomersResponse400Type0
from ...models.get_customers_response_400_type_1 import GetCustomersResponse400Type1
from ...models.get_customers_response_400_type_2 import GetCustomersResponse400Type2
from ...models.get_customers_response_400_type_3 import GetCustomersResponse400Type3
from ...models.get_customers_response_400_type_4 import GetCustomersResponse400Type4
from ...models.get_customers_response_400_type_5 import GetCustomersResponse400Type5
from ...models.get_customers_response_401 import GetCustomersResponse401
from ...models.get_customers_response_403 import GetCustomersResponse403
from ...models.get_customers_response_404 import GetCustomersResponse404
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    cursor: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    filter_: str | Unset = UNSET,
    sort: str | Unset = '-id',

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["cursor"] = cursor

    params["limit"] = limit

    params["filter"] = filter_

    params["sort"] = sort


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/external/v2/customers",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> GetCustomersResponse200 | GetCustomersResponse400Type0 | GetCustomersResponse400Type1 | GetCustomersResponse400Type2 | GetCustomersResponse400Type3 | GetCustomersResponse400Type4 | GetCustomersResponse400Type5 | GetCustomersResponse401 | GetCustomersResponse403 | GetCustomersResponse404 | None:
    if response.status_code == 200:
        response_200 = GetCustomersResponse200.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        def _parse_response_400(data: object) -> GetCustomersResponse400Type0 | GetCustomersResponse400Type1 | GetCustomersResponse400Type2 | GetCustomersResponse400Type3 | GetCustomersResponse400Type4 | GetCustomersResponse400Type5:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_0 = GetCustomersResponse400Type0.from_dict(data)



                return response_400_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_1 = GetCustomersResponse400Type1.from_dict(data)



                return response_400_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_2 = GetCustomersResponse400Type2.from_dict(data)



                return response_400_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_3 = GetCustomersResponse400Type3.from_dict(data)



                return response_400_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_4 = GetCustomersResponse400Type4.from_dict(data)



                return response_400_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_400_type_5 = GetCustomersResponse400Type5.from_dict(data)



            return response_400_type_5

        response_400 = _parse_response_400(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = GetCustomersResponse401.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = GetCustomersResponse403.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = GetCustomersResponse404.from_dict(response.json())



        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[GetCustomersResponse200 | GetCustomersResponse400Type0 | GetCustomersResponse400Type1 | GetCustomersResponse400Type2 | GetCustomersResponse400Type3 | GetCustomersResponse400Type4 | GetCustomersResponse400Type5 | GetCustomersResponse401 | GetCustomersResponse403 | GetCustomersResponse404]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    filter_: str | Unset = UNSET,
    sort: str | Unset = '-id',

) -> Response[GetCustomersResponse200 | GetCustomersResponse400Type0 | GetCustomersResponse400Type1 | GetCustomersResponse400Type2 | GetCustomersResponse400Type3 | GetCustomersResponse400Type4 | GetCustomersResponse400Type5 | GetCustomersResponse401 | GetCustomersResponse403 | GetCustomersResponse404]:
    """ List customers (company and individual)

     This endpoint returns a list of both company and individual customers

    > ℹ️
    > This endpoint requires one of the following scopes: `customers:all`, `customers:readonly`

    Args:
        cursor (str | Unset):  Example: dXBkYXRlZF9hdDoxNjc0MTIzNDU2.
        limit (int | Unset):  Example: 20.
        filter_ (str | Unset):  Example: [{"field": "ledger_account_id", "operator": "eq",
            "value": "123"}].
        sort (str | Unset):  Default: '-id'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetCustomersResponse200 | GetCustomersResponse400Type0 | GetCustomersResponse400Type1 | GetCustomersResponse400Type2 | GetCustomersResponse400Type3 | GetCustomersResponse400Type4 | GetCustomersResponse400Type5 | GetCustomersResponse401 | GetCustomersResponse403 | GetCustomersResponse404]
     """


    kwargs = _get_kwargs(
        cursor=cursor,
limit=limit,
filter_=filter_,
sort=sort,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    filter_: str | Unset = UNSET,
    sort: str | Unset = '-id',

) -> GetCustomersResponse200 | GetCustomersResponse400Type0 | GetCustomersResponse400Type1 | GetCustomersResponse400Type2 | GetCustomersResponse400Type3 | GetCustomersResponse400Type4 | GetCustomersResponse400Type5 | GetCustomersResponse401 | GetCustomersResponse403 | GetCustomersResponse404 | None:
    """ List customers (company and individual)

     This endpoint returns a list of both company and individual customers

    > ℹ️
    > This endpoint requires one of the following scopes: `customers:all`, `customers:readonly`

    Args:
        cursor (str | Unset):  Example: dXBkYXRlZF9hdDoxNjc0MTIzNDU2.
        limit (int | Unset):  Example: 20.
        filter_ (str | Unset):  Example: [{"field": "ledger_account_id", "operator": "eq",
            "value": "123"}].
        sort (str | Unset):  Default: '-id'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetCustomersResponse200 | GetCustomersResponse400Type0 | GetCustomersResponse400Type1 | GetCustomersResponse400Type2 | GetCustomersResponse400Type3 | GetCustomersResponse400Type4 | GetCustomersResponse400Type5 | GetCustomersResponse401 | GetCustomersResponse403 | GetCustomersResponse404
     """


    return sync_detailed(
        client=client,
cursor=cursor,
limit=limit,
filter_=filter_,
sort=sort,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    filter_: str | Unset = UNSET,
    sort: str | Unset = '-id',

) -> Response[GetCustomersResponse200 | GetCustomersResponse400Type0 | GetCustomersResponse400Type1 | GetCustomersResponse400Type2 | GetCustomersResponse400Type3 | GetCustomersResponse400Type4 | GetCustomersResponse400Type5 | GetCustomersResponse401 | GetCustomersResponse403 | GetCustomersResponse404]:
    """ List customers (company and individual)

     This endpoint returns a list of both company and individual customers

    > ℹ️
    > This endpoint requires one of the following scopes: `customers:all`, `customers:readonly`

    Args:
        cursor (str | Unset):  Example: dXBkYXRlZF9hdDoxNjc0MTIzNDU2.
        limit (int | Unset):  Example: 20.
        filter_ (str | Unset):  Example: [{"field": "ledger_account_id", "operator": "eq",
            "value": "123"}].
        sort (str | Unset):  Default: '-id'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetCustomersResponse200 | GetCustomersResponse400Type0 | GetCustomersResponse400Type1 | GetCustomersResponse400Type2 | GetCustomersResponse400Type3 | GetCustomersResponse400Type4 | GetCustomersResponse400Type5 | GetCustomersResponse401 | GetCustomersResponse403 | GetCustomersResponse404]
     """


    kwargs = _get_kwargs(
        cursor=cursor,
limit=limit,
filter_=filter_,
sort=sort,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    filter_: str | Unset = UNSET,
    sort: str | Unset = '-id',

) -> GetCustomersResponse200 | GetCustomersResponse400Type0 | GetCustomersResponse400Type1 | GetCustomersResponse400Type2 | GetCustomersResponse400Type3 | GetCustomersResponse400Type4 | GetCustomersResponse400Type5 | GetCustomersResponse401 | GetCustomersResponse403 | GetCustomersResponse404 | None:
    """ List customers (company and individual)

     This endpoint returns a list of both company and individual customers

    > ℹ️
    > This endpoint requires one of the following scopes: `customers:all`, `customers:readonly`

    Args:
        cursor (str | Unset):  Example: dXBkYXRlZF9hdDoxNjc0MTIzNDU2.
        limit (int | Unset):  Example: 20.
        filter_ (str | Unset):  Example: [{"field": "ledger_account_id", "operator": "eq",
            "value": "123"}].
        sort (str | Unset):  Default: '-id'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetCustomersResponse200 | GetCustomersResponse400Type0 | GetCustomersResponse400Type1 | GetCustomersResponse400Type2 | GetCustomersResponse400Type3 | GetCustomersResponse400Type4 | GetCustomersResponse400Type5 | GetCustomersResponse401 | GetCustomersResponse403 | GetCustomersResponse404
     """


    return (await asyncio_detailed(
        client=client,
cursor=cursor,
limit=limit,
filter_=filter_,
sort=sort,

    )).parsed
