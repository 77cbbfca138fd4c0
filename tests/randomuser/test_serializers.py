"""Serializers that skip DRF's per-instance field building give the same result."""

from datetime import date
from typing import Any

import pytest
from django.http import QueryDict
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from randomuser import query
from randomuser.cards import make_card
from randomuser.serializers import CardQuerySerializer, CardSerializer, UsersQuerySerializer

QUERY_SERIALIZERS = [CardQuerySerializer, UsersQuerySerializer]


def request(path: str) -> Request:
    return Request(APIRequestFactory().get(path))


def test_card_representation_equals_the_field_by_field_one() -> None:
    for number in range(100):
        card = make_card(f"seed-{number}", today=date(2026, 1, 1), picture_base="http://x/a/")
        field_by_field = serializers.Serializer.to_representation(CardSerializer(), card)
        assert CardSerializer(card).data == field_by_field


@pytest.mark.parametrize("serializer_class", QUERY_SERIALIZERS)
def test_an_empty_query_validates_as_its_serializer_does(serializer_class: Any) -> None:
    fresh = serializer_class(data=QueryDict())
    assert fresh.is_valid()
    assert query.validated_query(serializer_class, request("/")) == fresh.validated_data


@pytest.mark.parametrize("serializer_class", QUERY_SERIALIZERS)
def test_an_empty_query_is_validated_once_per_class(
    serializer_class: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[object] = []
    original = serializer_class.__init__

    def counted(self: object, *args: Any, **kwargs: Any) -> None:
        built.append(self)
        original(self, *args, **kwargs)

    monkeypatch.setattr(serializer_class, "__init__", counted)
    query._empty_query.cache_clear()
    for _ in range(3):
        query.validated_query(serializer_class, request("/"))
    assert len(built) == 1
    query.validated_query(serializer_class, request("/?seed=abc"))
    assert len(built) == 2  # A query string is validated every time.


def test_each_caller_of_an_empty_query_gets_its_own_values() -> None:
    first = query.validated_query(UsersQuerySerializer, request("/"))
    first["results"] = 5000
    assert query.validated_query(UsersQuerySerializer, request("/"))["results"] == 1


def test_a_bad_query_is_still_refused() -> None:
    with pytest.raises(serializers.ValidationError):
        query.validated_query(UsersQuerySerializer, request("/?results=0"))
