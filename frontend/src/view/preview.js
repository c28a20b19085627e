// The PDF preview panel: POST /render?format=pdf, shown in an <iframe> from
// a blob: URL. When PDF conversion is unavailable (503) the server's
// message says so, with when to try again.

import { renderPlan } from "../api/client.js";
import { h } from "./dom.js";

export function createPreview({ getPlan, onInvalid, documentName }) {
  const panel = document.getElementById("preview");
  const layout = document.getElementById("layout");
  const frameBox = document.getElementById("preview-frame");
  const message = document.getElementById("preview-message");
  const toggle = document.getElementById("btn-preview");
  const refreshButton = document.getElementById("btn-preview-refresh");
  let url = null;
  let running = 0;

  const say = (text, kind = "info") => {
    message.textContent = text;
    message.className = `preview-message preview-${kind}`;
  };

  async function refresh() {
    const ticket = ++running;
    panel.setAttribute("aria-busy", "true");
    refreshButton.disabled = true;
    say("Đang tạo bản PDF, vui lòng chờ…");
    try {
      const { blob } = await renderPlan(getPlan(), "pdf");
      if (ticket !== running) return;
      const next = URL.createObjectURL(blob);
      // Chromium's viewer: no thumbnail pane, page width fitted to the panel.
      frameBox.replaceChildren(h("iframe", {
        src: `${next}#navpanes=0&view=FitH`, title: `Bản xem trước PDF của ${documentName().toLowerCase()}`, class: "preview-iframe",
      }));
      if (url) URL.revokeObjectURL(url);
      url = next;
      const time = new Date().toLocaleTimeString("vi-VN", { hour: "2-digit", minute: "2-digit", second: "2-digit" });
      say(`Bản xem trước lúc ${time}. Sau khi sửa, bấm “Cập nhật”.`, "success");
    } catch (error) {
      if (ticket !== running) return;
      if (error.status === 422) {
        onInvalid(error);
        say(`Chưa tạo được bản xem trước: ${documentName().toLowerCase()} còn lỗi (xem danh sách lỗi trong biểu mẫu).`, "error");
      } else if (error.status === 503) {
        const wait = error.retryAfter ? ` Hãy thử lại sau khoảng ${error.retryAfter} giây.` : " Hãy thử lại sau ít phút.";
        say(`Chưa xem trước được bản PDF lúc này: ${error.message}${wait} Bản Word (DOCX) vẫn tải được.`, "error");
      } else {
        say(error.message, "error");
      }
    } finally {
      if (ticket === running) {
        panel.removeAttribute("aria-busy");
        refreshButton.disabled = false;
      }
    }
  }

  function open() {
    panel.hidden = false;
    layout.classList.add("with-preview");
    toggle.setAttribute("aria-expanded", "true");
    refresh();
  }

  function close() {
    running += 1;
    panel.hidden = true;
    layout.classList.remove("with-preview");
    toggle.setAttribute("aria-expanded", "false");
    frameBox.replaceChildren();
    if (url) URL.revokeObjectURL(url);
    url = null;
    toggle.focus();
  }

  toggle.addEventListener("click", () => (panel.hidden ? open() : refresh()));
  refreshButton.addEventListener("click", refresh);
  document.getElementById("btn-preview-close").addEventListener("click", close);
  return { open, close, refresh };
}
