"""Fail when a view queries a model directly instead of through an access-checking helper.

Views must load data through `eolc/programmes/access/` helpers, scoped querysets or
services, so that nobody sees rows outside their reach. `Model.objects` in a view is the
usual way that rule gets broken, so it is refused here.
"""

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "eolc"


def view_modules():
    yield from ROOT.glob("*/views.py")
    yield from ROOT.glob("*/views/*.py")


def offences(path: Path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in {
            "objects",
            "_default_manager",
            "_base_manager",
        }:
            yield node.lineno


def main() -> int:
    found = [f"{path.relative_to(ROOT.parent)}:{line}" for path in view_modules() for line in offences(path)]
    for place in found:
        print(
            f"{place}: unscoped Model.objects in a view; load through an access helper",
            file=sys.stderr,
        )
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
