from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.get_suppliers_response_200 import GetSuppliersResponse200
from ...models.get_suppliers_response_400_type_0 import GetSuppliersResponse400Type0
from ...models.get_suppliers_response_400_type_1 import GetSuppliersResponse400Type1
from ...models.get_suppliers_response_400_type_2 import GetSuppliersResponse400Type2
from ...models.get_suppliers_response_400_type_3 import GetSuppliersResponse400Type3
from ...models.get_suppliers_response_400_type_4 import GetSuppliersResponse400Type4
from ...models.get_suppliers_response_400_type_5 import GetSuppliersResponse400Type5
from ...models.get_suppliers_response_401 import GetSuppliersResponse401
from ...models.get_suppliers_response_403 import GetSuppliersResponse403
from ...models.get_suppliers_response_404 import GetSuppliersResponse404
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
        "url": "/api/external/v2/suppliers",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> GetSuppliersResponse200 | GetSuppliersResponse400Type0 | GetSuppliersResponse400Type1 | GetSuppliersResponse400Type2 | GetSuppliersResponse400Type3 | GetSuppliersResponse400Type4 | GetSuppliersResponse400Type5 | GetSuppliersResponse401 | GetSuppliersResponse403 | GetSuppliersResponse404 | None:
    if response.status_code == 200:
        response_200 = GetSuppliersResponse200.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        def _parse_response_400(data: object) -> GetSuppliersResponse400Type0 | GetSuppliersResponse400Type1 | GetSuppliersResponse400Type2 | GetSuppliersResponse400Type3 | GetSuppliersResponse400Type4 | GetSuppliersResponse400Type5:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_0 = GetSuppliersResponse400Type0.from_dict(data)



                return response_400_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_1 = GetSuppliersResponse400Type1.from_dict(data)



                return response_400_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_2 = GetSuppliersResponse400Type2.from_dict(data)



                return response_400_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_3 = GetSuppliersResponse400Type3.from_dict(data)



                return response_400_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_4 = GetSuppliersResponse400Type4.from_dict(data)



                return response_400_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_400_type_5 = GetSuppliersResponse400Type5.from_dict(data)



            return response_400_type_5

        response_400 = _parse_response_400(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = GetSuppliersResponse401.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = GetSuppliersResponse403.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = GetSuppliersResponse404.from_dict(response.json())



        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[GetSuppliersResponse200 | GetSuppliersResponse400Type0 | GetSuppliersResponse400Type1 | GetSuppliersResponse400Type2 | GetSuppliersResponse400Type3 | GetSuppliersResponse400Type4 | GetSuppliersResponse400Type5 | GetSuppliersResponse401 | GetSuppliersResponse403 | GetSuppliersResponse404]:
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

) -> Response[GetSuppliersResponse200 | GetSuppliersResponse400Type0 | GetSuppliersResponse400Type1 | GetSuppliersResponse400Type2 | GetSuppliersResponse400Type3 | GetSuppliersResponse400Type4 | GetSuppliersResponse400Type5 | GetSuppliersResponse401 | GetSuppliersResponse403 | GetSuppliersResponse404]:
    """ List suppliers

     List suppliers

    > ℹ️
    > This endpoint requires one of the following scopes: `suppliers:all`, `suppliers:readonly`

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
        Response[GetSuppliersResponse200 | GetSuppliersResponse400Type0 | GetSuppliersResponse400Type1 | GetSuppliersResponse400Type2 | GetSuppliersResponse400Type3 | GetSuppliersResponse400Type4 | GetSuppliersResponse400Type5 | GetSuppliersResponse401 | GetSuppliersResponse403 | GetSuppliersResponse404]
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

) -> GetSuppliersResponse200 | GetSuppliersResponse400Type0 | GetSuppliersResponse400Type1 | GetSuppliersResponse400Type2 | GetSuppliersResponse400Type3 | GetSuppliersResponse400Type4 | GetSuppliersResponse400Type5 | GetSuppliersResponse401 | GetSuppliersResponse403 | GetSuppliersResponse404 | None:
    """ List suppliers

     List suppliers

    > ℹ️
    > This endpoint requires one of the following scopes: `suppliers:all`, `suppliers:readonly`

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
        GetSuppliersResponse200 | GetSuppliersResponse400Type0 | GetSuppliersResponse400Type1 | GetSuppliersResponse400Type2 | GetSuppliersResponse400Type3 | GetSuppliersResponse400Type4 | GetSuppliersResponse400Type5 | GetSuppliersResponse401 | GetSuppliersResponse403 | GetSuppliersResponse404
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

) -> Response[GetSuppliersResponse200 | GetSuppliersResponse400Type0 | GetSuppliersResponse400Type1 | GetSuppliersResponse400Type2 | GetSuppliersResponse400Type3 | GetSuppliersResponse400Type4 | GetSuppliersResponse400Type5 | GetSuppliersResponse401 | GetSuppliersResponse403 | GetSuppliersResponse404]:
    """ List suppliers

     List suppliers

    > ℹ️
    > This endpoint requires one of the following scopes: `suppliers:all`, `suppliers:readonly`

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
        Response[GetSuppliersResponse200 | GetSuppliersResponse400Type0 | GetSuppliersResponse400Type1 | GetSuppliersResponse400Type2 | GetSuppliersResponse400Type3 | GetSuppliersResponse400Type4 | GetSuppliersResponse400Type5 | GetSuppliersResponse401 | GetSuppliersResponse403 | GetSuppliersResponse404]
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

) -> GetSuppliersResponse200 | GetSuppliersResponse400Type0 | GetSuppliersResponse400Type1 | GetSuppliersResponse400Type2 | GetSuppliersResponse400Type3 | GetSuppliersResponse400Type4 | GetSuppliersResponse400Type5 | GetSuppliersResponse401 | GetSuppliersResponse403 | GetSuppliersResponse404 | None:
    """ List suppliers

     List suppliers

    > ℹ️
    > This endpoint requires one of the following scopes: `suppliers:all`, `suppliers:readonly`

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
        GetSuppliersResponse200 | GetSuppliersResponse400Type0 | GetSuppliersResponse400Type1 | GetSuppliersResponse400Type2 | GetSuppliersResponse400Type3 | GetSuppliersResponse400Type4 | GetSuppliersResponse400Type5 | GetSuppliersResponse401 | GetSuppliersResponse403 | GetSuppliersResponse404
     """


    return (await asyncio_detailed(
        client=client,
cursor=cursor,
limit=limit,
filter_=filter_,
sort=sort,

    )).parsed
