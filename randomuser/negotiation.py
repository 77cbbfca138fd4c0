"""Content negotiation for endpoints whose success bodies are not rendered by DRF."""

from collections.abc import Iterable
from typing import Any

from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request


class FirstRendererNegotiation(BaseContentNegotiation):
    """Always use the view's first renderer (JSON) for its errors.

    The bulk endpoint picks its format from `?format=`, which DRF would otherwise read as a
    renderer name (and answer 404 for `csv`); an `<img>` asks for `image/*`, which DRF
    would answer with 406. Neither should change how an error is written.
    """

    def select_parser(self, request: Request, parsers: Iterable[Any]) -> Any:
        return next(iter(parsers), None)

    def select_renderer(
        self, request: Request, renderers: Iterable[BaseRenderer], format_suffix: str | None = None
    ) -> tuple[BaseRenderer, str]:
        renderer = next(iter(renderers))
        return renderer, renderer.media_type
