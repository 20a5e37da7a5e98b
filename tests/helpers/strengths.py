"""Acting on the Strengths page as a person would, shared by its GUI tests."""

from PySide6.QtCore import Qt


def choose_strength(qtbot, page, strength_id):
    """Click a strength in the list on the left."""
    tree = page.strength_list.tree
    item = page.strength_list.item(strength_id)
    tree.scrollToItem(item)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center()
    )
    assert page.detail.entry.id == strength_id
