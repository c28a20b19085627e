"""The parts of a document's body, as clerks name them.

``DEFAULT_HEADINGS``: the heading a named part prints when the author gives
none (the recognizer drops a heading equal to it; the form shows it greyed).
``LABELS``: how the form and messages call each block type and sub-part.
"""

DEFAULT_HEADINGS = {
    "purposes_requirements": "Mục đích, yêu cầu",
    "purposes": "Mục đích",
    "requirements": "Yêu cầu",
    "targets": "Mục tiêu",
    "general": "Mục tiêu tổng quát",
    "specific": "Mục tiêu cụ thể",
    "tasks": "Nhiệm vụ và giải pháp",
    "assignments": "Tổ chức thực hiện",
    "budget": "Kinh phí thực hiện",
    "reporting": "Chế độ thông tin, báo cáo",
    "article": "Điều",
    "clauses": "Khoản 1., 2.",
}

# The named sub-parts of a named part, in the order they print.
SUB_PARTS = {
    "purposes_requirements": ("purposes", "requirements"),
    "targets": ("general", "specific"),
}

# The columns of a task-assignment matrix and the headers offices print.
TASK_COLUMNS = {
    "content": "Nhiệm vụ",
    "product": "Sản phẩm",
    "deadline": "Thời gian hoàn thành",
    "lead": "Chủ trì thực hiện",
    "support": "Phối hợp thực hiện",
    "follow_up": "Theo dõi, kiểm tra, đôn đốc",
    "budget": "Kinh phí",
    "notes": "Ghi chú",
    "result": "Kết quả thực hiện",  # a report's matrix: what came of each task
}
# The columns a task matrix prints when the author chooses none.
DEFAULT_TASK_COLUMNS = ("content", "product", "deadline", "lead", "support")

LABELS = {
    "paragraph": "Đoạn văn",
    "table": "Bảng",
    "task_matrix": "Bảng phân công nhiệm vụ",
    "bullets": "Gạch đầu dòng",
    "points": "Điểm a), b)",
    "section": "Mục thường",
    "purposes_requirements": "Mục đích, yêu cầu",
    "purposes": "Mục đích",
    "requirements": "Yêu cầu",
    "targets": "Mục tiêu",
    "general": "Mục tiêu tổng quát",
    "specific": "Mục tiêu cụ thể",
    "tasks": "Nhiệm vụ và giải pháp",
    "assignments": "Tổ chức thực hiện",
    "agency": "Cơ quan thực hiện",
    "budget": "Kinh phí",
    "reporting": "Chế độ thông tin, báo cáo",
    "article": "Điều",
    "clauses": "Khoản 1., 2.",
}
