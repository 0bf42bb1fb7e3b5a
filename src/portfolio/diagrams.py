"""Geometry of the diagrams drawn at build time. Markup lives in the partials."""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass


@dataclass(frozen=True)
class CycleNode:
    number: int
    x: float
    y: float
    label_x: float
    label_y: float
    anchor: str
    label: str  # the whole label, in the language it says it is in (a Said)
    lines: list[str]
    # The arrow from this step to the next, between the two circles' edges.
    arrow: tuple[float, float, float, float]


WIDTH, HEIGHT = 860, 620
NODE_RADIUS = 24
_RING = 210
_LABEL_GAP = 44
_WRAP = 18


def cycle(labels: list[str], rtl: bool) -> list[CycleNode]:
    """Steps on a ring, first at the top, turning clockwise (anticlockwise right to left)."""
    cx, cy, count = WIDTH / 2, HEIGHT / 2, len(labels)
    points = []
    for index in range(count):
        angle = -math.pi / 2 + 2 * math.pi * index / count
        dx, dy = math.cos(angle), math.sin(angle)
        if rtl:
            dx = -dx
        points.append((dx, dy))
    nodes = []
    for index, ((dx, dy), label) in enumerate(zip(points, labels, strict=True)):
        nx, ny = points[(index + 1) % count]
        nodes.append(
            CycleNode(
                number=index + 1,
                x=round(cx + _RING * dx, 1),
                y=round(cy + _RING * dy, 1),
                label_x=round(cx + (_RING + _LABEL_GAP) * dx, 1),
                label_y=round(cy + (_RING + _LABEL_GAP) * dy, 1),
                anchor=_anchor(dx, rtl),
                label=label,
                lines=textwrap.wrap(label, _WRAP) or [label],
                arrow=_arrow(cx + _RING * dx, cy + _RING * dy, cx + _RING * nx, cy + _RING * ny),
            )
        )
    return nodes


# Helpers ----------------------------------------------------------------------


def _anchor(dx: float, rtl: bool) -> str:
    """Labels grow away from the ring; in right-to-left text, `start` is the right edge."""
    if abs(dx) < 0.2:
        return "middle"
    outward_right = dx > 0
    return "start" if outward_right != rtl else "end"


def _arrow(x1: float, y1: float, x2: float, y2: float) -> tuple[float, float, float, float]:
    length = math.hypot(x2 - x1, y2 - y1)
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    gap = NODE_RADIUS + 6
    return (round(x1 + ux * gap, 1), round(y1 + uy * gap, 1), round(x2 - ux * gap, 1), round(y2 - uy * gap, 1))


# Course timeline ----------------------------------------------------------------
TIMELINE_WIDTH, TIMELINE_HEIGHT = 800, 70
_BAR_TOP, _BAR_HEIGHT, _GAP = 4, 40, 2


@dataclass(frozen=True)
class TimelineSegment:
    number: int
    mode: str
    x: float
    width: float
    label_x: float


def timeline(segments: list[tuple[int, str]], rtl: bool) -> list[TimelineSegment]:
    """Capsules as bars proportional to their minutes, in order (right to left in RTL)."""
    total = sum(minutes for minutes, _ in segments) or 1
    scale = TIMELINE_WIDTH / total
    result, start = [], 0.0
    for number, (minutes, mode) in enumerate(segments, 1):
        width = minutes * scale
        x = TIMELINE_WIDTH - start - width if rtl else start
        result.append(
            TimelineSegment(number, mode, round(x + _GAP / 2, 1), round(width - _GAP, 1), round(x + width / 2, 1))
        )
        start += width
    return result


TIMELINE_BAR = (_BAR_TOP, _BAR_HEIGHT)
