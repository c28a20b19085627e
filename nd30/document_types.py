"""Document type names and their abbreviations (Decree 30/2020, Appendix III)."""

DOCUMENT_TYPES = {
    "Nghị quyết": "NQ", "Quyết định": "QĐ", "Chỉ thị": "CT", "Quy chế": "QC",
    "Quy định": "QyĐ", "Thông cáo": "TC", "Thông báo": "TB", "Hướng dẫn": "HD",
    "Chương trình": "CTr", "Kế hoạch": "KH", "Phương án": "PA", "Đề án": "ĐA",
    "Dự án": "DA", "Báo cáo": "BC", "Biên bản": "BB", "Tờ trình": "TTr",
}
