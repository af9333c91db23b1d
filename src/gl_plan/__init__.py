"""glplan: monitor an action plan's targets and dated tasks, region by region.

Guilin's 2022 education action plan (桂林市推进教育高质量发展行动计划) is the bundled example.
"""

from __future__ import annotations

__version__ = "0.1.0"
