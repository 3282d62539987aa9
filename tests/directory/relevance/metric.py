"""nDCG@k with graded gains, the measure of the search quality test.

DCG@k = Σ over the first k results of (2^rel − 1) / log2(rank + 1), rank counted from 1, with
rel the judged grade of the result (0 when not judged). The ideal DCG sorts the judgments
themselves by grade, so a query is scored against every relevant organisation the judges
listed, not only those the engine found. nDCG@k = DCG@k / ideal DCG@k, in [0, 1].
"""

import math
from collections.abc import Mapping, Sequence


def gain(grade: int) -> float:
    return 2.0**grade - 1.0


def dcg(grades: Sequence[int], k: int) -> float:
    return sum(gain(g) / math.log2(rank + 1) for rank, g in enumerate(grades[:k], start=1))


def ndcg(ranking: Sequence[str], judgments: Mapping[str, int], k: int = 10) -> float:
    """nDCG@k of `ranking` (result keys, best first) against graded `judgments`."""
    if len(set(ranking)) != len(ranking):
        raise ValueError("A ranking lists each result once.")
    ideal = dcg(sorted(judgments.values(), reverse=True), k)
    if ideal <= 0:
        raise ValueError("A query needs at least one judgment above 0.")
    return dcg([judgments.get(key, 0) for key in ranking], k) / ideal
