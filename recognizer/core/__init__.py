"""The Decree 30 core every document kind shares: where each part of the
document stands (``regions``), the header block (``header``), the type
line, summary, legal bases and lead-in (``front_matter``), the closing
(``closing``), recipients and signatory (``signature``), the appendices
(``appendix``), the fields and texts all kinds have (``fields``), and the
page and type checks (``checks``)."""
