"""One page per step of the journey. Pages are built the first time they are shown."""
