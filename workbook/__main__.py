"""`python -m workbook` does the same as the `career-workbook` command."""

from ui.cli import main

raise SystemExit(main())
