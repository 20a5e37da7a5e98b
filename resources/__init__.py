"""Data files shipped with Career Workbook: content, the example workbook, fonts, icons.

Read them with `importlib.resources.files("resources")` so they are found
in a source checkout, an installed wheel and a PyInstaller bundle alike.
"""
