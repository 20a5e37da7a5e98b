"""A coach's workshop: the presenter view for a projector (more parts come with issue 15)."""
