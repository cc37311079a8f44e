import pytest

from ledgerbridge.errors import BadRequest
from ledgerbridge.service.cursor import Cursor


def test_cursor_round_trips_and_is_opaque() -> None:
    token = Cursor(1234, backwards=True).encode()
    assert "1234" not in token
    assert Cursor.decode(token) == Cursor(1234, backwards=True)


@pytest.mark.parametrize("token", ["", "not-base64!!", "eyJ4IjoxfQ", "WzEsMl0", "eyJwIjotMX0", "eyJwIjoiMSJ9"])
def test_malformed_cursor_is_a_bad_request(token: str) -> None:
    with pytest.raises(BadRequest):
        Cursor.decode(token)
