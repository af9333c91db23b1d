"""PyYAML's composer over libyaml's parser, checking each node as it makes it: anchors,
aliases and tags are refused (a 400-byte alias bomb expands to hundreds of MB), and so is
input past :data:`~gl_plan.limits.MAX_PLAN_DEPTH` or :data:`~gl_plan.limits.MAX_PLAN_NODES`,
as soon as it passes. The nodes carry their line and column for every later message."""

from __future__ import annotations

from typing import Final

import yaml
from yaml.composer import Composer
from yaml.nodes import Node
from yaml.resolver import Resolver

from gl_plan.errors import Code
from gl_plan.i18n import _
from gl_plan.limits import MAX_PLAN_DEPTH, MAX_PLAN_NODES
from gl_plan.plan.messages import Refused

try:
    from yaml._yaml import CParser as _Parser
except ImportError:  # PyYAML built without libyaml: its own parser, slower
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]

__all__ = ["TAG", "PlanComposer"]

#: The prefix of YAML's own tags (``!!str`` is ``tag:yaml.org,2002:str``).
TAG: Final = "tag:yaml.org,2002:"


class PlanComposer(_Parser, Composer, Resolver):
    """libyaml's parser under PyYAML's composer, which checks each node as it makes it."""

    check_node, get_node = Composer.check_node, Composer.get_node
    get_single_node = Composer.get_single_node  # not libyaml's: it would skip compose_node

    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        Composer.__init__(self)
        Resolver.__init__(self)
        self.nodes = self.depth = 0

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        event = self.peek_event()
        assert isinstance(event, yaml.NodeEvent)
        where, nested = event.start_mark, isinstance(event, yaml.CollectionStartEvent)
        if event.anchor is not None:
            key = (
                _("YAML aliases (*{name}) are not allowed in a plan")
                if isinstance(event, yaml.AliasEvent)
                else _("YAML anchors (&{name}) are not allowed in a plan")
            )
            raise Refused(key.format(name=event.anchor), where, Code.YAML_ALIAS)
        tag = getattr(event, "tag", None)
        if tag not in (None, "!") and (nested or tag != TAG + "str"):
            raise Refused(
                _(
                    "YAML tags ({tag}) are not allowed in a plan; put text in quotes instead",
                    tag=tag.replace(TAG, "!!"),
                ),
                where,
            )
        self.nodes += 1
        if self.nodes > MAX_PLAN_NODES:
            raise Refused(
                _(
                    "too many values: a plan holds at most {limit:,} (keys, texts, numbers, "
                    "lists and mappings)",
                    limit=MAX_PLAN_NODES,
                ),
                where,
                Code.TOO_LARGE,
            )
        if nested and self.depth >= MAX_PLAN_DEPTH:
            raise Refused(
                _(
                    "nested too deeply: a plan nests lists and mappings at most {limit} levels",
                    limit=MAX_PLAN_DEPTH,
                ),
                where,
                Code.TOO_DEEP,
            )
        self.depth += nested
        node = super().compose_node(parent, index)
        self.depth -= nested
        return node
