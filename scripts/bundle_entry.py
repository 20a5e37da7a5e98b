"""The program a PyInstaller bundle starts: the same as the `career-workbook` command."""

import sys

from ui.cli import main

if __name__ == "__main__":
    sys.exit(main())
