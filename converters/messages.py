"""Vietnamese sentences shown to end users when a PDF cannot be produced."""

LIBREOFFICE_MISSING = (
    "Máy chủ chưa cài LibreOffice nên chưa thể tạo PDF; bản Word (DOCX) vẫn tải được."
)
PDF_DISABLED = (
    "Máy chủ không bật chức năng tạo PDF; bản Word (DOCX) vẫn tải được."
)
BUSY = (
    "Máy chủ đang bận tạo PDF cho nhiều yêu cầu khác; vui lòng thử lại sau ít phút. "
    "Bản Word (DOCX) vẫn tải được."
)
NO_INSTANCE = (
    "Dịch vụ tạo PDF đang tạm thời gián đoạn; vui lòng thử lại sau ít phút. "
    "Bản Word (DOCX) vẫn tải được."
)
STOPPED = (
    "Dịch vụ tạo PDF đang dừng; vui lòng thử lại sau. Bản Word (DOCX) vẫn tải được."
)
FAILED = (
    "Không thể chuyển tài liệu sang PDF; bản Word (DOCX) vẫn tải được."
)
TIMEOUT = (
    "Việc chuyển tài liệu sang PDF kéo dài quá {seconds:g} giây nên đã bị dừng; "
    "bản Word (DOCX) vẫn tải được."
)
FAILED_TO_DOCX = (
    "Không thể đọc tài liệu này để chuyển sang Word (DOCX); "
    "hãy mở tệp bằng Word, lưu lại rồi thử lại."
)
TIMEOUT_TO_DOCX = (
    "Việc đọc tài liệu kéo dài quá {seconds:g} giây nên đã bị dừng; "
    "hãy mở tệp bằng Word, lưu lại rồi thử lại."
)
UNSUPPORTED_INPUT = (
    "Tệp không phải văn bản Word (.doc, .docx), OpenDocument (.odt) hay RTF nên không thể chuyển."
)
