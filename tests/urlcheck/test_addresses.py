"""The SSRF rules on addresses, without any network."""

from __future__ import annotations

import ipaddress

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vendorrisk.urlcheck.addresses import AddressPolicy, category, parse_ipv4_number, unwrap


@pytest.mark.parametrize(
    ("spelling", "address"),
    [
        ("2130706433", "127.0.0.1"),
        ("0x7f000001", "127.0.0.1"),
        ("0x7F.1", "127.0.0.1"),
        ("0177.0.0.1", "127.0.0.1"),
        ("017700000001", "127.0.0.1"),
        ("127.1", "127.0.0.1"),
        ("10.1.258", "10.1.1.2"),
        ("192.168.0.1.", "192.168.0.1"),
    ],
)
def test_numeric_host_spellings_are_read_as_inet_aton_does(spelling, address):
    assert str(parse_ipv4_number(spelling)) == address


@pytest.mark.parametrize(
    "spelling", ["256.0.0.1", "1.2.3.4.5", "0x1.0x100.0.0", "08.0.0.1", "4294967296"]
)
def test_a_host_ending_in_a_number_that_is_no_address_is_rejected(spelling):
    with pytest.raises(ValueError):
        parse_ipv4_number(spelling)


@pytest.mark.parametrize(
    "name", ["example.jp", "1.example.jp", "xn--eckwd4c7c.xn--zckzah", "0x.example"]
)
def test_names_are_left_for_dns(name):
    assert parse_ipv4_number(name) is None


@pytest.mark.parametrize(
    "address", ["8.8.8.8", "133.1.2.3", "2001:4860:4860::8888", "64:ff9b::808:808"]
)
def test_public_addresses_are_allowed(address):
    assert AddressPolicy().refusal(ipaddress.ip_address(address)) is None


def test_allow_private_opens_private_ranges_but_not_metadata_or_multicast():
    policy = AddressPolicy(allow_private=True)
    for address in ("127.0.0.1", "10.0.0.1", "fd00::1", "169.254.1.1", "100.64.0.1", "::1"):
        assert policy.refusal(ipaddress.ip_address(address)) is None, address
    for address, reason in (
        ("169.254.169.254", "metadata"),
        ("224.0.0.1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("240.0.0.1", "reserved"),
    ):
        assert policy.refusal(ipaddress.ip_address(address)) == reason


def test_an_allow_list_opens_exactly_its_networks():
    policy = AddressPolicy.from_strings(False, ["127.0.0.1/32", "169.254.169.254/32"])
    assert policy.refusal(ipaddress.ip_address("127.0.0.1")) is None
    assert policy.refusal(ipaddress.ip_address("169.254.169.254")) is None
    assert policy.refusal(ipaddress.ip_address("127.0.0.2")) == "loopback"


def test_teredo_is_judged_by_its_client_address():
    server, client = ipaddress.IPv4Address("65.54.227.120"), ipaddress.IPv4Address("127.0.0.1")
    teredo = ipaddress.IPv6Address(
        (0x20010000 << 96) | (int(server) << 64) | (int(client) ^ 0xFFFFFFFF)
    )
    assert unwrap(teredo) == client
    assert category(teredo) == "loopback"


@given(st.integers(min_value=0, max_value=2**32 - 1))
def test_ipv6_wrappers_never_hide_an_ipv4_address(value):
    v4 = ipaddress.IPv4Address(value)
    mapped = ipaddress.IPv6Address(f"::ffff:{v4}")
    nat64 = ipaddress.IPv6Address((0x0064FF9B << 96) | value)
    six_to_four = ipaddress.IPv6Address((0x2002 << 112) | (value << 80))
    expected = category(v4)
    assert category(mapped) == expected
    assert category(nat64) == expected
    assert category(six_to_four) == expected
