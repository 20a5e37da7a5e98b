"""Everything a person sees and types into: the Qt window and the command line.

Widgets live only here. Importing this package itself loads no Qt, so the
command line's non-GUI commands start quickly.
"""
