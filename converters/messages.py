"""Vietnamese sentences shown to end users when a PDF cannot be produced, or an
uploaded .doc, .odt or .rtf cannot be read."""

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
BUSY_TO_DOCX = (
    "Máy chủ đang bận đọc các tệp .doc, .odt, .rtf khác; vui lòng thử lại sau ít phút "
    "hoặc gửi tệp dạng .docx."
)
NO_INSTANCE_TO_DOCX = (
    "Chức năng đọc tệp .doc, .odt, .rtf đang tạm thời gián đoạn; vui lòng thử lại sau ít phút "
    "hoặc gửi tệp dạng .docx."
)
STOPPED_TO_DOCX = (
    "Chức năng đọc tệp .doc, .odt, .rtf đang dừng; vui lòng thử lại sau hoặc gửi tệp dạng .docx."
)
