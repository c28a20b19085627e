"""``python -m bench [--quick] [--no-pdf] [--examples a,b] [--output PATH]``"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .run import RESULTS, Settings, command_line, run


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer samples and shorter cells (about 2 minutes)")
    parser.add_argument("--no-pdf", action="store_true", help="DOCX only: no LibreOffice needed")
    parser.add_argument("--examples", default="", help="comma-separated example names (default: all)")
    parser.add_argument("--output", type=Path, default=RESULTS / "latest.md", help="Markdown report to write")
    args = parser.parse_args(argv)
    examples = tuple(name for name in args.examples.split(",") if name)
    settings = Settings.make(args.quick, not args.no_pdf, examples)
    return run(settings, args.output, command_line(argv))


if __name__ == "__main__":
    sys.exit(main())
