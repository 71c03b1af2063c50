"""Date and number formats per language (``FORMAT_MODULE_PATH``), over Django's own.

English dates in the UN style, "11 September 2024" (Django's default is "Sept. 11, 2024");
Japanese dates "2024年9月11日".
"""
