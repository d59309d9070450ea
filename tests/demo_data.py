"""The one demo database the tests share, and the day it ends (test modules import these; conftest builds it)."""

from __future__ import annotations

from datetime import date

from safety_desk.services.demo import DemoSpec

# The day the demo data ends: overdue days, "this week" and "this quarter" in tests are counted as of it.
DEMO_AS_OF = date(2026, 11, 27)
# 30 enterprises in 3 districts, 8 weeks of work up to DEMO_AS_OF.
DEMO_SPEC = DemoSpec(enterprises=30, weeks=8, as_of=DEMO_AS_OF)
