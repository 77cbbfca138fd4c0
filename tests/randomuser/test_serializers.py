"""Output serializers that skip DRF's per-instance field building give the same result."""

from datetime import date

from rest_framework import serializers

from randomuser.cards import make_card
from randomuser.serializers import CardSerializer


def test_card_representation_equals_the_field_by_field_one() -> None:
    for number in range(100):
        card = make_card(f"seed-{number}", today=date(2026, 1, 1), picture_base="http://x/a/")
        field_by_field = serializers.Serializer.to_representation(CardSerializer(), card)
        assert CardSerializer(card).data == field_by_field
