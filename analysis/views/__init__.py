"""Views: built tables in; what a reader sees out.

:mod:`.summaries` (small tables for the notebooks, one module per notebook plus :mod:`.summaries.compare`
across outlets and dates), :mod:`.charts` (matplotlib figures, one module per notebook), :mod:`.highlights`
and :mod:`.render` (the article as HTML with its extracted spans highlighted), :mod:`.widgets` (the article
picker in JupyterLab), :mod:`.display` (alt text for every chart), :mod:`.excel` (the workbook) and
:mod:`.runner` (executing and exporting the notebooks). Views read every layer; no layer reads views.
"""
