"""The one timing helper the benchmarks share: the median of repeated runs."""

from __future__ import annotations

import statistics
import time


def timed(function, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)
