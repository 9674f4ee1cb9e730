"""The presentation side of the extractors: how their rows are highlighted in the rendered article
(:func:`analysis.views.render.highlight`). The extractors themselves build no HTML."""
