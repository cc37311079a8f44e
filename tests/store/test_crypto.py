import pytest
from cryptography.exceptions import InvalidTag

from ledgerbridge.crypto import Sealer, hash_api_key, new_api_key


def test_sealed_credentials_open_only_on_their_connection() -> None:
    sealer = Sealer(b"0" * 32)
    sealed = sealer.seal({"refresh_token": "secret-value"}, bound_to="conn-a")
    assert "secret-value" not in sealed
    assert sealer.open(sealed, bound_to="conn-a") == {"refresh_token": "secret-value"}
    with pytest.raises(InvalidTag):
        sealer.open(sealed, bound_to="conn-b")
    assert sealer.seal({"a": 1}, bound_to="x") != sealer.seal({"a": 1}, bound_to="x")  # fresh nonce each time


def test_api_keys_are_random_and_hashed() -> None:
    key = new_api_key()
    assert key != new_api_key()
    assert hash_api_key(key) != key and len(hash_api_key(key)) == 64
