// Progressive enhancements; every page works without them.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // Wide screens show the menu and the filters by CSS alone; open them too, for browsers
  // that cannot style a closed disclosure's content.
  if (window.matchMedia("(min-width: 50.01rem)").matches) {
    document.querySelectorAll("details.menu, details.filters").forEach(function (d) {
      d.open = true;
    });
  }

  // Search and statistics: filters, sort and pages fetch the same page and put its
  // results and facets in place of the old ones; the URL keeps the view, focus stays.
  var live = document.querySelector("[data-live]");
  var pending = null;

  function viewUrl(form) {
    var url = new URL(form.action, location.href);
    new FormData(form).forEach(function (value, key) {
      if (typeof value === "string" && value.trim() !== "") url.searchParams.append(key, value);
    });
    return url;
  }

  function openDetails(region) {
    var open = {};
    region.querySelectorAll("details[id]").forEach(function (d) { open[d.id] = d.open; });
    return open;
  }

  function swap(doc, focusResults) {
    var fresh = doc.querySelector("[data-live]");
    var old = document.querySelector("[data-live]");
    if (!fresh || !old) return false;
    var focused = document.activeElement && document.activeElement.id;
    var open = openDetails(old);
    fresh.querySelectorAll("details[id]").forEach(function (d) {
      if (d.id in open) d.open = open[d.id] || d.open;
    });
    old.replaceWith(fresh);
    document.title = doc.title;
    var status = document.getElementById("live-status");
    var heading = fresh.querySelector("[data-live-focus]");
    if (status && heading) status.textContent = heading.textContent;
    var target = focusResults ? heading : focused && document.getElementById(focused);
    if (target) target.focus({ preventScroll: !focusResults });
    if (focusResults && heading) heading.scrollIntoView({ block: "start" });
    return true;
  }

  function load(url, push, focusResults) {
    if (pending) pending.abort();
    pending = new AbortController();
    document.body.setAttribute("aria-busy", "true");
    fetch(url, { signal: pending.signal, headers: { Accept: "text/html" } })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.text();
      })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        if (!swap(doc, focusResults)) throw new Error("no results");
        if (push) history.pushState({ live: true }, "", url);
        document.body.removeAttribute("aria-busy");
      })
      .catch(function (error) {
        document.body.removeAttribute("aria-busy");
        if (error.name !== "AbortError") location.assign(url);
      });
  }

  function liveForm(element) {
    var form = element.closest && element.closest("form[data-autosubmit]");
    return form && form.querySelector("[data-live]") ? form : null;
  }

  document.addEventListener("change", function (event) {
    var input = event.target;
    var form = input.closest && input.closest("form[data-autosubmit]");
    if (!form) return;
    if (input.type !== "checkbox" && input.type !== "radio" && input.tagName !== "SELECT") return;
    if (liveForm(input)) load(viewUrl(form).href, true, false);
    else form.requestSubmit ? form.requestSubmit() : form.submit();
  });

  document.addEventListener("submit", function (event) {
    var form = liveForm(event.target);
    if (!form) return;
    event.preventDefault();
    load(viewUrl(form).href, true, false);
  });

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-live] a[href]");
    if (!link || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var url = new URL(link.href, location.href);
    if (url.origin !== location.origin || url.pathname !== location.pathname) return;
    event.preventDefault();
    load(url.href, true, link.closest(".pagination") !== null);
  });

  if (live) {
    history.replaceState({ live: true }, "");
    window.addEventListener("popstate", function (event) {
      if (event.state && event.state.live) load(location.href, false, false);
    });
  }
})();
