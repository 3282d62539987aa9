"""What every demo module is given: the year and the day the demo is built for."""

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class DemoContext:
    today: datetime.date

    @property
    def year(self) -> int:
        return self.today.year
