from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.get_customer_invoices_response_200 import GetCustomerInvoicesResponse200
from ...models.get_customer_invoices_response_400_type_0 import GetCustomerInvoicesResponse400Type0
from ...models.get_customer_invoices_response_400_type_1 import GetCustomerInvoicesResponse400Type1
from ...models.get_customer_invoices_response_400_type_2 import GetCustomerInvoicesResponse400Type2
from ...models.get_customer_invoices_response_400_type_3 import GetCustomerInvoicesResponse400Type3
from ...models.get_customer_invoices_response_400_type_4 import GetCustomerInvoicesResponse400Type4
from ...models.get_customer_invoices_response_400_type_5 import GetCustomerInvoicesResponse400Type5
from ...models.get_customer_invoices_response_401 import GetCustomerInvoicesResponse401
from ...models.get_customer_invoices_response_403 import GetCustomerInvoicesResponse403
from ...models.get_customer_invoices_response_404 import GetCustomerInvoicesResponse404
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    use_2026_api_changes: bool | Unset = True,
    cursor: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    filter_: str | Unset = UNSET,
    sort: str | Unset = '-id',
    include: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["use_2026_api_changes"] = use_2026_api_changes

    params["cursor"] = cursor

    params["limit"] = limit

    params["filter"] = filter_

    params["sort"] = sort

    params["include"] = include


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/external/v2/customer_invoices",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> GetCustomerInvoicesResponse200 | GetCustomerInvoicesResponse400Type0 | GetCustomerInvoicesResponse400Type1 | GetCustomerInvoicesResponse400Type2 | GetCustomerInvoicesResponse400Type3 | GetCustomerInvoicesResponse400Type4 | GetCustomerInvoicesResponse400Type5 | GetCustomerInvoicesResponse401 | GetCustomerInvoicesResponse403 | GetCustomerInvoicesResponse404 | None:
    if response.status_code == 200:
        response_200 = GetCustomerInvoicesResponse200.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        def _parse_response_400(data: object) -> GetCustomerInvoicesResponse400Type0 | GetCustomerInvoicesResponse400Type1 | GetCustomerInvoicesResponse400Type2 | GetCustomerInvoicesResponse400Type3 | GetCustomerInvoicesResponse400Type4 | GetCustomerInvoicesResponse400Type5:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_0 = GetCustomerInvoicesResponse400Type0.from_dict(data)



                return response_400_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_1 = GetCustomerInvoicesResponse400Type1.from_dict(data)



                return response_400_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_2 = GetCustomerInvoicesResponse400Type2.from_dict(data)



                return response_400_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_3 = GetCustomerInvoicesResponse400Type3.from_dict(data)



                return response_400_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_4 = GetCustomerInvoicesResponse400Type4.from_dict(data)



                return response_400_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_400_type_5 = GetCustomerInvoicesResponse400Type5.from_dict(data)



            return response_400_type_5

        response_400 = _parse_response_400(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = GetCustomerInvoicesResponse401.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = GetCustomerInvoicesResponse403.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = GetCustomerInvoicesResponse404.from_dict(response.json())



        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[GetCustomerInvoicesResponse200 | GetCustomerInvoicesResponse400Type0 | GetCustomerInvoicesResponse400Type1 | GetCustomerInvoicesResponse400Type2 | GetCustomerInvoicesResponse400Type3 | GetCustomerInvoicesResponse400Type4 | GetCustomerInvoicesResponse400Type5 | GetCustomerInvoicesResponse401 | GetCustomerInvoicesResponse403 | GetCustomerInvoicesResponse404]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    use_2026_api_changes: bool | Unset = True,
    cursor: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    filter_: str | Unset = UNSET,
    sort: str | Unset = '-id',
    include: str | Unset = UNSET,

) -> Response[GetCustomerInvoicesResponse200 | GetCustomerInvoicesResponse400Type0 | GetCustomerInvoicesResponse400Type1 | GetCustomerInvoicesResponse400Type2 | GetCustomerInvoicesResponse400Type3 | GetCustomerInvoicesResponse400Type4 | GetCustomerInvoicesResponse400Type5 | GetCustomerInvoicesResponse401 | GetCustomerInvoicesResponse403 | GetCustomerInvoicesResponse404]:
    """ List customer invoices

     List customer invoices and credit notes

    > ℹ️
    > This endpoint requires one of the following scopes: `customer_invoices:all`,
    `customer_invoices:readonly`

    Args:
        use_2026_api_changes (bool | Unset):  Default: True. Example: True.
        cursor (str | Unset):  Example: dXBkYXRlZF9hdDoxNjc0MTIzNDU2.
        limit (int | Unset):  Example: 20.
        filter_ (str | Unset):  Example: [{"field": "date", "operator": "gteq", "value":
            "2024-01-01"}, {"field": "credit_note", "operator": "eq", "value": "true"}].
        sort (str | Unset):  Default: '-id'. Example: id.
        include (str | Unset):  Example: invoice_lines.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetCustomerInvoicesResponse200 | GetCustomerInvoicesResponse400Type0 | GetCustomerInvoicesResponse400Type1 | GetCustomerInvoicesResponse400Type2 | GetCustomerInvoicesResponse400Type3 | GetCustomerInvoicesResponse400Type4 | GetCustomerInvoicesResponse400Type5 | GetCustomerInvoicesResponse401 | GetCustomerInvoicesResponse403 | GetCustomerInvoicesResponse404]
     """


    kwargs = _get_kwargs(
        use_2026_api_changes=use_2026_api_changes,
cursor=cursor,
limit=limit,
filter_=filter_,
sort=sort,
include=include,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    use_2026_api_changes: bool | Unset = True,
    cursor: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    filter_: str | Unset = UNSET,
    sort: str | Unset = '-id',
    include: str | Unset = UNSET,

) -> GetCustomerInvoicesResponse200 | GetCustomerInvoicesResponse400Type0 | GetCustomerInvoicesResponse400Type1 | GetCustomerInvoicesResponse400Type2 | GetCustomerInvoicesResponse400Type3 | GetCustomerInvoicesResponse400Type4 | GetCustomerInvoicesResponse400Type5 | GetCustomerInvoicesResponse401 | GetCustomerInvoicesResponse403 | GetCustomerInvoicesResponse404 | None:
    """ List customer invoices

     List customer invoices and credit notes

    > ℹ️
    > This endpoint requires one of the following scopes: `customer_invoices:all`,
    `customer_invoices:readonly`

    Args:
        use_2026_api_changes (bool | Unset):  Default: True. Example: True.
        cursor (str | Unset):  Example: dXBkYXRlZF9hdDoxNjc0MTIzNDU2.
        limit (int | Unset):  Example: 20.
        filter_ (str | Unset):  Example: [{"field": "date", "operator": "gteq", "value":
            "2024-01-01"}, {"field": "credit_note", "operator": "eq", "value": "true"}].
        sort (str | Unset):  Default: '-id'. Example: id.
        include (str | Unset):  Example: invoice_lines.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetCustomerInvoicesResponse200 | GetCustomerInvoicesResponse400Type0 | GetCustomerInvoicesResponse400Type1 | GetCustomerInvoicesResponse400Type2 | GetCustomerInvoicesResponse400Type3 | GetCustomerInvoicesResponse400Type4 | GetCustomerInvoicesResponse400Type5 | GetCustomerInvoicesResponse401 | GetCustomerInvoicesResponse403 | GetCustomerInvoicesResponse404
     """


    return sync_detailed(
        client=client,
use_2026_api_changes=use_2026_api_changes,
cursor=cursor,
limit=limit,
filter_=filter_,
sort=sort,
include=include,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    use_2026_api_changes: bool | Unset = True,
    cursor: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    filter_: str | Unset = UNSET,
    sort: str | Unset = '-id',
    include: str | Unset = UNSET,

) -> Response[GetCustomerInvoicesResponse200 | GetCustomerInvoicesResponse400Type0 | GetCustomerInvoicesResponse400Type1 | GetCustomerInvoicesResponse400Type2 | GetCustomerInvoicesResponse400Type3 | GetCustomerInvoicesResponse400Type4 | GetCustomerInvoicesResponse400Type5 | GetCustomerInvoicesResponse401 | GetCustomerInvoicesResponse403 | GetCustomerInvoicesResponse404]:
    """ List customer invoices

     List customer invoices and credit notes

    > ℹ️
    > This endpoint requires one of the following scopes: `customer_invoices:all`,
    `customer_invoices:readonly`

    Args:
        use_2026_api_changes (bool | Unset):  Default: True. Example: True.
        cursor (str | Unset):  Example: dXBkYXRlZF9hdDoxNjc0MTIzNDU2.
        limit (int | Unset):  Example: 20.
        filter_ (str | Unset):  Example: [{"field": "date", "operator": "gteq", "value":
            "2024-01-01"}, {"field": "credit_note", "operator": "eq", "value": "true"}].
        sort (str | Unset):  Default: '-id'. Example: id.
        include (str | Unset):  Example: invoice_lines.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetCustomerInvoicesResponse200 | GetCustomerInvoicesResponse400Type0 | GetCustomerInvoicesResponse400Type1 | GetCustomerInvoicesResponse400Type2 | GetCustomerInvoicesResponse400Type3 | GetCustomerInvoicesResponse400Type4 | GetCustomerInvoicesResponse400Type5 | GetCustomerInvoicesResponse401 | GetCustomerInvoicesResponse403 | GetCustomerInvoicesResponse404]
     """


    kwargs = _get_kwargs(
        use_2026_api_changes=use_2026_api_changes,
cursor=cursor,
limit=limit,
filter_=filter_,
sort=sort,
include=include,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    use_2026_api_changes: bool | Unset = True,
    cursor: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    filter_: str | Unset = UNSET,
    sort: str | Unset = '-id',
    include: str | Unset = UNSET,

) -> GetCustomerInvoicesResponse200 | GetCustomerInvoicesResponse400Type0 | GetCustomerInvoicesResponse400Type1 | GetCustomerInvoicesResponse400Type2 | GetCustomerInvoicesResponse400Type3 | GetCustomerInvoicesResponse400Type4 | GetCustomerInvoicesResponse400Type5 | GetCustomerInvoicesResponse401 | GetCustomerInvoicesResponse403 | GetCustomerInvoicesResponse404 | None:
    """ List customer invoices

     List customer invoices and credit notes

    > ℹ️
    > This endpoint requires one of the following scopes: `customer_invoices:all`,
    `customer_invoices:readonly`

    Args:
        use_2026_api_changes (bool | Unset):  Default: True. Example: True.
        cursor (str | Unset):  Example: dXBkYXRlZF9hdDoxNjc0MTIzNDU2.
        limit (int | Unset):  Example: 20.
        filter_ (str | Unset):  Example: [{"field": "date", "operator": "gteq", "value":
            "2024-01-01"}, {"field": "credit_note", "operator": "eq", "value": "true"}].
        sort (str | Unset):  Default: '-id'. Example: id.
        include (str | Unset):  Example: invoice_lines.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetCustomerInvoicesResponse200 | GetCustomerInvoicesResponse400Type0 | GetCustomerInvoicesResponse400Type1 | GetCustomerInvoicesResponse400Type2 | GetCustomerInvoicesResponse400Type3 | GetCustomerInvoicesResponse400Type4 | GetCustomerInvoicesResponse400Type5 | GetCustomerInvoicesResponse401 | GetCustomerInvoicesResponse403 | GetCustomerInvoicesResponse404
     """


    return (await asyncio_detailed(
        client=client,
use_2026_api_changes=use_2026_api_changes,
cursor=cursor,
limit=limit,
filter_=filter_,
sort=sort,
include=include,

    )).parsed
