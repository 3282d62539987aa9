"""The buyers' queries of the search quality test and their graded relevance judgments.

Each query is judged the way a careful buyer would sort the pôle's organisations for it,
from what the organisations say of themselves (dataset modules), never from what a search
engine returns. The grades:

3 — perfect: does exactly what is asked, every need of the query met (process, material,
    market, certification, place).
2 — good: does what is asked but one secondary need is missing or only close (a near
    market, a certification not stated, does it for its own products rather than as a
    subcontractor); the buyer would certainly call.
1 — partial: meets the main need only in part (the right process on another material or
    market, a neighbouring process, an organisation that only finishes what others make);
    the buyer might call as a fallback.
0 — not relevant: everything not listed, including organisations that only *mention* the
    words (a school teaching the trade, an agency naming the market, a device maker looking
    for that subcontractor).
"""

from tests.directory.relevance.queries_en import ENGLISH
from tests.directory.relevance.queries_fr import FRENCH
from tests.directory.relevance.records import Judged

QUERIES: list[Judged] = [*FRENCH, *ENGLISH]
