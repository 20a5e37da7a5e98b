"""The program a PyInstaller bundle starts: the same as the `career-workbook` command."""

import multiprocessing
import sys

from ui.cli import main

if __name__ == "__main__":
    # A frozen program starting the batch export's worker processes ("spawn") must let
    # each worker run its task instead of opening another window.
    multiprocessing.freeze_support()
    sys.exit(main())
