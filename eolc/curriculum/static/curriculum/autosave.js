// The reflective answer box autosaves through htmx. When the session has ended the server
// answers 401 with a sentence saying the text is safe; show it in the status line.
document.addEventListener("htmx:beforeSwap", (event) => {
  const target = event.detail.target;
  if (event.detail.xhr.status === 401 && target && target.hasAttribute("data-autosave-status")) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
