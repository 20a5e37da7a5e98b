"""Qt's own command-line options (`-platform xcb`, `-style fusion`, `-reverse`, ...), taken
out of `career-workbook`'s arguments and handed to the QApplication when the window opens.

Only options before a command are Qt's: after `list`, `export-pdf` and the rest, every
argument is the command's. Each option may be written `-name value`, `-name=value` or
with two dashes, as Qt itself reads them. The list is Qt 6's documented one (QGuiApplication,
QApplication and the X11 platform's); anything else is left for our own parser, which
explains a mistake.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

#: Options that take a value.
WITH_VALUE = frozenset(
    {
        "platform",
        "platformpluginpath",
        "platformtheme",
        "plugin",
        "qwindowgeometry",
        "qwindowicon",
        "qwindowtitle",
        "session",
        "style",
        "stylesheet",
        "display",
        "geometry",
        "name",
        "title",
        "visual",
        "dialogs",
        "fontengine",
        "qmljsdebugger",
    }
)
#: Options that stand alone.
FLAGS = frozenset({"reverse", "widgetcount", "sync", "nograb", "dograb", "cmap"})
#: Shown in `career-workbook --help`.
HELP = (
    "Qt's standard options (such as -platform xcb, -style fusion, -reverse, "
    "-qwindowgeometry 1200x800) may be given before any command; they are passed to Qt "
    "when the window opens."
)


def _name(argument: str) -> str | None:
    """The option's name if `argument` looks like one of Qt's (`-style`, `--style=x`)."""
    if not argument.startswith("-") or argument in ("-", "--"):
        return None
    name = argument.lstrip("-").split("=", 1)[0]
    if argument.startswith("--") and name in ("db", "help", "version", "exit-when-ready"):
        return None
    return name if name in WITH_VALUE or name in FLAGS else None


def split(argv: Sequence[str], commands: Collection[str]) -> tuple[list[str], list[str]]:
    """Qt's options (for QApplication) and the rest (for our parser), each in order."""
    qt: list[str] = []
    rest: list[str] = []
    remaining = list(argv)
    while remaining:
        argument = remaining.pop(0)
        if argument in commands or argument == "--":
            rest += [argument, *remaining]  # a command's own arguments are all its
            break
        name = _name(argument)
        if name is None:
            rest.append(argument)
            if argument == "--db" and remaining:
                rest.append(remaining.pop(0))  # a file name that starts with a dash
            continue
        # Qt reads "--style" as "-style"; it also accepts "-style=fusion".
        option = "-" + argument.lstrip("-")
        if name in WITH_VALUE and "=" not in argument:
            if not remaining:
                rest.append(argument)  # no value: our parser says what is missing
                continue
            qt += [option, remaining.pop(0)]
        else:
            qt.append(option)
    return qt, rest
