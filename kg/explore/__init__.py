"""The self-contained HTML graph explorer (pyvis / vis-network, inlined; works from file:// offline).

    from kg.explore import write_explorer
    write_explorer(graph, Path("exports/explorer.html"), cap=1500, focus=None, hops=1)
"""
from .data import FocusNotFound
from .page import write_explorer

__all__ = ["FocusNotFound", "write_explorer"]
