"""Distances on the globe.

In: latitudes and longitudes in degrees. Out: great-circle distances in kilometres (haversine, mean
Earth radius). Never fails on numbers; NaN in gives NaN out.
"""

from __future__ import annotations

import math

#: Mean Earth radius in km (IUGG).
EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance between two points, in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))
