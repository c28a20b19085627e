// Files on the clerk's computer: saving a blob, saving the plan file
// (JSON), reading a plan file back.

export function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** The plan exactly as it is, keys in their order, 2-space indented. */
export function planJson(plan) {
  return JSON.stringify(plan, null, 2) + "\n";
}

export function jsonFilename(plan) {
  const year = plan && plan.date && Number.isInteger(plan.date.year) ? `-${plan.date.year}` : "";
  const number = plan && Number.isInteger(plan.number) ? `-${String(plan.number).padStart(2, "0")}` : "";
  return `ke-hoach${number}${year}.json`;
}

export function downloadJson(plan) {
  saveBlob(new Blob([planJson(plan)], { type: "application/json" }), jsonFilename(plan));
}

/** The parsed plan in `file`; throws an Error with a Vietnamese message. */
export async function readPlanFile(file) {
  let text;
  try {
    text = await file.text();
  } catch {
    throw new Error(`Không đọc được tệp “${file.name}”.`);
  }
  let plan;
  try {
    plan = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    throw new Error(`Tệp “${file.name}” không phải tệp kế hoạch lưu từ biểu mẫu này (nội dung bị hỏng hoặc là loại tệp khác). Tệp Word thì mở bằng “Mở tệp Word (.docx, .doc)…”.`);
  }
  if (!plan || typeof plan !== "object" || Array.isArray(plan)) {
    throw new Error(`Tệp “${file.name}” không chứa một kế hoạch.`);
  }
  return plan;
}
