// Progressive enhancements; every page works without them.
// Search and statistics: apply a filter as soon as it is ticked.
document.documentElement.classList.add("js");
document.addEventListener("change", function (event) {
  var input = event.target;
  var form = input.closest && input.closest("form[data-autosubmit]");
  if (!form) return;
  if (input.type === "checkbox" || input.type === "radio" || input.tagName === "SELECT") {
    form.requestSubmit ? form.requestSubmit() : form.submit();
  }
});
