"""The offsets between observances, checked once every file is merged: each `of` names an observance, and
no offsets go round in a circle.

Every rule counts, wherever it is (an observance's own, a period's), and each problem is reported once, on
the line of the rule that names it. Linear in the number of rules and without recursion (the groups of
observances that depend on each other are found by Tarjan's algorithm with an explicit stack), so that a
chain of thousands of offsets is checked in a moment.
"""

from __future__ import annotations

from khcal.errors import Problem

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping

    from khcal.core.rules import RuleAt

    Rules = Mapping[str, tuple[RuleAt, ...]]

SUGGESTED = 10
"""How many unknown offset targets get a suggestion of a close id (each costs a look at every id)."""


def check(rules: Rules, known: set[str]) -> list[Problem]:
    """Unknown targets and circles of offsets, as problems.

    `rules` has the rules of every observance read, valid or not, so that one run reports every problem;
    an id in `known` was named by a file but its rule could not be read: it is not called unknown.
    """
    problems: list[Problem] = []
    named = known | set(rules)
    unknown = [
        (ident, at, target)
        for ident, found in rules.items()
        for at in found
        if (target := at.rule.refers_to()) is not None and target not in named
    ]
    for n, (ident, at, target) in enumerate(unknown):
        close = _close_id(target, list(rules)) if n < SUGGESTED else ""
        params = {"ident": target, "close": close}
        problems.append(Problem(at.origin, "problem.unknown-ref", at.line, ident, f"{at.field}.of", params))
    for circle in circles(rules):
        first = circle[0]
        at = next(a for a in rules[first] if a.rule.refers_to() == circle[1 % len(circle)])
        params = {"chain": " -> ".join([*circle, first])}
        problems.append(Problem(at.origin, "problem.offset-cycle", at.line, first, f"{at.field}.of", params))
    return problems


def _close_id(target: str, ids: list[str]) -> str:
    import difflib  # only when a suggestion is needed: it is slow to import

    close = difflib.get_close_matches(target, ids, n=1)
    return close[0] if close else ""


def circles(rules: Rules) -> list[list[str]]:
    """One circle of offsets in each group of observances that depend on each other, in the order the
    offsets follow it, from its first observance in reading order; the circles in that order too."""
    order = {ident: n for n, ident in enumerate(rules)}
    targets = {
        ident: [t for at in found if (t := at.rule.refers_to()) is not None and t in rules]
        for ident, found in rules.items()
    }
    groups = _Groups(targets)
    for root in rules:
        groups.visit(root)
    return sorted((_circle(g, targets, order) for g in groups.found), key=lambda c: order[c[0]])


class _Groups:
    """Tarjan's strongly connected components, with an explicit stack instead of recursion; `found` keeps
    the groups that hold a circle (more than one observance, or one that counts from itself)."""

    def __init__(self, targets: Mapping[str, list[str]]) -> None:
        self.targets = targets
        self.index: dict[str, int] = {}
        self.low: dict[str, int] = {}
        self.stack: list[str] = []
        self.on_stack: set[str] = set()
        self.found: list[list[str]] = []

    def visit(self, root: str) -> None:
        if root in self.index:
            return
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                self.index[node] = self.low[node] = len(self.index)
                self.stack.append(node)
                self.on_stack.add(node)
            edges = self.targets[node]
            if i < len(edges):
                work.append((node, i + 1))
                target = edges[i]
                if target not in self.index:
                    work.append((target, 0))
                elif target in self.on_stack:
                    self.low[node] = min(self.low[node], self.index[target])
                continue
            self.close(node)
            if work:  # back in the observance that led here
                parent = work[-1][0]
                self.low[parent] = min(self.low[parent], self.low[node])

    def close(self, node: str) -> None:
        """Every edge of `node` followed: if it heads a group, take the group off the stack."""
        if self.low[node] != self.index[node]:
            return
        group = []
        while True:
            member = self.stack.pop()
            self.on_stack.discard(member)
            group.append(member)
            if member == node:
                break
        if len(group) > 1 or node in self.targets[node]:
            self.found.append(group)


def _circle(group: list[str], targets: Mapping[str, list[str]], order: Mapping[str, int]) -> list[str]:
    """A circle within a group of observances that depend on each other, from its first in reading order."""
    members = set(group)
    path = [min(group, key=order.__getitem__)]
    seen = {path[0]: 0}
    while True:
        after = next(t for t in targets[path[-1]] if t in members)
        if after in seen:
            circle = path[seen[after] :]
            first = min(range(len(circle)), key=lambda n: order[circle[n]])
            return circle[first:] + circle[:first]
        seen[after] = len(path)
        path.append(after)
