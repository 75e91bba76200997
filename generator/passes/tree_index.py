"""A document's nodes by citation and each node's ancestors: what every pass needs to look up."""
from __future__ import annotations

from ..model import Node

# Kinds of node that live inside a unit (a restarting "Section 3" or an outline item included).
CLAUSE_KINDS = {"clause", "subclause", "paragraph", "item", "step"}


class TreeIndex:
    """Nodes by citation (the first of a repeated citation wins) and parent links."""

    def __init__(self, root: Node):
        self.nodes: dict[str, Node] = {}
        self.parent: dict[int, Node] = {}
        for node in root.walk():
            if node.cite and node.cite not in self.nodes:
                self.nodes[node.cite] = node
            for child in node.children:
                self.parent[id(child)] = node

    def chain(self, node: Node) -> list[Node]:
        """The node and its ancestors, innermost first."""
        out = []
        while node is not None:
            out.append(node)
            node = self.parent.get(id(node))
        return out

    def unit_of(self, node: Node) -> Node:
        """The article, letter, schedule ... the node belongs to (itself for a unit)."""
        return next((n for n in self.chain(node) if n.kind not in CLAUSE_KINDS and n.cite), node)
