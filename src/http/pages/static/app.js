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

  // On a phone, Escape folds the open menu and gives the focus back to its button.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var menu = document.querySelector("details.menu[open]");
    if (!menu || window.matchMedia("(min-width: 50.01rem)").matches) return;
    menu.open = false;
    menu.querySelector("summary").focus();
  });

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

  // The query box as a combobox (ARIA 1.2, list autocomplete): Action Lines and SDGs to
  // filter by, project titles and organizations, from /api/v1/suggest as one types.
  var box = document.querySelector("input[data-suggest]");
  if (box) combobox(box);

  function combobox(input) {
    var list = document.createElement("div");
    list.id = input.id + "-suggestions";
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.dataset.label);
    list.hidden = true;
    input.after(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("autocomplete", "off");
    var asked = null;
    var timer = null;
    var options = [];
    var active = -1;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      options.forEach(function (o, i) { o.setAttribute("aria-selected", String(i === index)); });
      active = index;
      if (index < 0) { input.removeAttribute("aria-activedescendant"); return; }
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    }

    function group(key, label, items) {
      if (!items.length) return;
      var g = document.createElement("div");
      g.setAttribute("role", "group");
      var heading = document.createElement("div");
      heading.id = list.id + "-" + key;
      heading.className = "group-label";
      heading.setAttribute("role", "presentation");
      heading.textContent = label;
      g.setAttribute("aria-labelledby", heading.id);
      g.appendChild(heading);
      items.forEach(function (item) {
        var o = document.createElement("div");
        o.setAttribute("role", "option");
        o.setAttribute("aria-selected", "false");
        o.id = list.id + "-" + options.length;
        o.textContent = item.text;
        o.choose = item.choose;
        options.push(o);
        g.appendChild(o);
      });
      list.appendChild(g);
    }

    function show(answer) {
      list.textContent = "";
      options = [];
      var d = input.dataset;
      group("filters", d.filters, answer.taxonomy.map(function (f) {
        return { text: f.label, choose: function () { filterBy(f); } };
      }));
      group("projects", d.projects, answer.titles.map(function (t) {
        return { text: t.title, choose: function () { openProject(t.id); } };
      }));
      group("organizations", d.organizations, answer.organizations.map(function (name) {
        return { text: name, choose: function () { searchFor("\"" + name + "\""); } };
      }));
      if (!options.length) return close();
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      highlight(-1);
    }

    function ask() {
      var q = input.value.trim();
      if (q.length < 2) return close();
      if (asked) asked.abort();
      asked = new AbortController();
      var url = "/api/v1/suggest?q=" + encodeURIComponent(q) + "&lang=" + input.dataset.suggest;
      fetch(url, { signal: asked.signal })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (answer) { if (answer && input.value.trim() === q) show(answer); })
        .catch(function () {});
    }

    function filterBy(f) {
      // The words that named the tag leave the query: as matched, or else the last word.
      var text = input.value;
      var at = text.toLowerCase().indexOf(f.matched.toLowerCase());
      var rest = at >= 0
        ? text.slice(0, at) + text.slice(at + f.matched.length)
        : text.replace(/\S+\s*$/, "");
      input.value = rest.replace(/\s+/g, " ").trim();
      var form = input.form;
      var url = viewUrl(form);
      url.searchParams.delete("page");
      if (url.searchParams.getAll(f.facet).indexOf(f.value) < 0) url.searchParams.append(f.facet, f.value);
      if (liveForm(input)) load(url.href, true, false);
      else location.assign(url.href);
    }

    function openProject(id) {
      var lang = input.dataset.suggest;
      location.assign("/projects/" + encodeURIComponent(id) + (lang === "en" ? "" : "?lang=" + lang));
    }

    function searchFor(text) {
      input.value = text;
      input.form.requestSubmit ? input.form.requestSubmit() : input.form.submit();
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, 150);
    });
    input.addEventListener("keydown", function (event) {
      var open = !list.hidden;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!open) { ask(); return; }
        event.preventDefault();
        var step = event.key === "ArrowDown" ? 1 : -1;
        var next = active + step;
        if (next >= options.length) next = 0;
        if (next < -1) next = options.length - 1;
        highlight(next < 0 && step > 0 ? 0 : next);
      } else if (event.key === "Enter" && open && active >= 0) {
        event.preventDefault();
        var chosen = options[active];
        close();
        chosen.choose();
      } else if (event.key === "Escape") {
        if (open) { event.preventDefault(); close(); }
      } else if (event.key === "Tab") {
        close();
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
    list.addEventListener("mousedown", function (event) { event.preventDefault(); });
    list.addEventListener("click", function (event) {
      var o = event.target.closest("[role=option]");
      if (!o) return;
      close();
      o.choose();
    });
  }

  if (live) {
    history.replaceState({ live: true }, "");
    window.addEventListener("popstate", function (event) {
      if (event.state && event.state.live) load(location.href, false, false);
    });
  }
})();

// Forms with errors: the summary above the form takes focus, so it is read first; its
// links move to their fields, with the field's label in view.
(function () {
  "use strict";
  var summary = document.getElementById("form-errors");
  if (!summary) return;
  summary.focus();
  summary.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href^='#']");
    var field = link && document.getElementById(link.getAttribute("href").slice(1));
    if (!field) return;
    // A field replaced by an enhancement names the control that stands for it.
    if (field.dataset.focusInstead) field = document.getElementById(field.dataset.focusInstead);
    if (!field) return;
    event.preventDefault();
    (field.closest(".field") || field).scrollIntoView({ block: "start" });
    field.focus({ preventScroll: true });
  });
})();

// A notice after an action (a decision on the desk, a saved form, a decision sent back)
// takes the focus, so that it is read first.
(function () {
  "use strict";
  var notice = document.querySelector("[data-takes-focus]");
  if (notice) notice.focus();
})();

// A long multiple choice (the countries): a filter box over a list of checkboxes, and the
// chosen ones as removable chips. The native select stays in the form, hidden, and every
// tick is mirrored into it, so the form posts exactly as without script.
(function () {
  "use strict";
  document.querySelectorAll("select[multiple][data-picker]").forEach(picker);

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text) e.textContent = text;
    return e;
  }

  // The picker's elements, before the select; its texts come from the select's data-*.
  function build(select) {
    var d = select.dataset;
    var id = select.id;
    var p = { d: d, box: element("div", "picker"), none: element("p", "picker-none") };
    p.chosenLabel = element("p", "picker-chosen-label", d.chosen);
    p.chosenLabel.id = id + "-chosen-label";
    p.chips = element("ul", "picker-chips");
    p.chips.setAttribute("aria-labelledby", p.chosenLabel.id);
    var filterLabel = element("label", "picker-filter-label", d.filter);
    p.filter = element("input", "picker-filter");
    p.filter.type = "search";
    p.filter.id = filterLabel.htmlFor = id + "-filter";
    p.filter.autocomplete = "off";
    p.filter.setAttribute("aria-controls", id + "-options");
    var hint = document.getElementById(select.getAttribute("aria-describedby"));
    if (hint) {
      hint.textContent = d.hint;
      p.filter.setAttribute("aria-describedby", hint.id);
    }
    var group = element("div", "picker-options");
    group.id = id + "-options";
    group.setAttribute("role", "group");
    var label = document.querySelector("label[for='" + id + "']");
    if (label && label.id) group.setAttribute("aria-labelledby", label.id);
    p.list = element("ul");
    group.appendChild(p.list);
    p.none.setAttribute("role", "status");
    p.items = Array.prototype.map.call(select.options, function (option) {
      return item(p.list, id, option);
    });
    p.box.append(p.chosenLabel, p.chips, filterLabel, p.filter, group, p.none);
    select.before(p.box);
    select.hidden = true;
    select.dataset.focusInstead = p.filter.id;
    return p;
  }

  // One option as a checkbox (without a name: the select posts it).
  function item(list, id, option) {
    var li = element("li");
    var input = element("input");
    input.type = "checkbox";
    input.id = id + "-option-" + option.value;
    input.checked = option.selected;
    var text = element("label", null, option.textContent);
    text.htmlFor = input.id;
    li.append(input, " ", text);
    list.appendChild(li);
    var key = fold(option.textContent);
    var words = " " + key.replace(/[\s\-(),'\u2019]+/g, " ");
    return { li: li, input: input, option: option, key: key, words: words };
  }

  function picker(select) {
    var p = build(select);

    function choose(item, on) {
      item.option.selected = on;
      item.input.checked = on;
      drawChips();
    }

    function drawChips() {
      p.chips.textContent = "";
      p.items.forEach(function (item) {
        if (!item.option.selected) return;
        var remove = element("button", "picker-chip", item.option.textContent);
        remove.type = "button";
        remove.setAttribute("aria-label", p.d.remove.replace("{}", item.option.textContent));
        remove.addEventListener("click", function () {
          choose(item, false);
          (p.chips.querySelector("button") || p.filter).focus();
        });
        p.chips.appendChild(element("li")).appendChild(remove);
      });
      p.chosenLabel.hidden = p.chips.hidden = !p.chips.children.length;
    }

    p.items.forEach(function (item) {
      item.input.addEventListener("change", function () { choose(item, item.input.checked); });
    });
    keys(p);
    drawChips();
  }

  function visible(p) {
    return p.items.filter(function (item) { return !item.li.hidden; });
  }

  function narrow(p) {
    var query = fold(p.filter.value.trim());
    p.items.forEach(function (item) {
      item.li.hidden = query !== "" && item.key.indexOf(query) < 0;
    });
    p.none.textContent = visible(p).length ? "" : p.d.none;
  }

  // The keyboard: from the filter to the best match, along the list with the arrows.
  function keys(p) {
    p.filter.addEventListener("input", function () { narrow(p); });
    p.filter.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "Enter") {
        // Enter here would send the whole form: it goes to the best match instead, the
        // first whose name has a word starting with what was typed.
        event.preventDefault();
        var query = " " + fold(p.filter.value.trim());
        var shown = visible(p);
        var best = shown.find(function (item) { return item.words.indexOf(query) >= 0; });
        if (best || shown[0]) (best || shown[0]).input.focus();
      } else if (event.key === "Escape" && p.filter.value !== "") {
        event.preventDefault();
        p.filter.value = "";
        narrow(p);
      }
    });
    p.list.addEventListener("keydown", function (event) {
      var input = event.target;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        var shown = visible(p);
        var at = shown.findIndex(function (item) { return item.input === input; });
        at += event.key === "ArrowDown" ? 1 : -1;
        if (at < 0) p.filter.focus();
        else if (at < shown.length) shown[at].input.focus();
      } else if (event.key === "Enter") {
        event.preventDefault();
        input.click();
      }
    });
  }
  // The new-selection form: the chosen kind's fields alone; the others are hidden and not
  // sent.
  document.querySelectorAll("select[data-kind-fields]").forEach(function (select) {
    function showKindFields() {
      select.form.querySelectorAll("[data-kinds]").forEach(function (field) {
        var used = field.getAttribute("data-kinds").split(" ").indexOf(select.value) >= 0;
        field.hidden = !used;
        field.querySelectorAll("input, select, textarea").forEach(function (control) {
          control.disabled = !used;
        });
      });
    }
    select.addEventListener("change", showKindFields);
    showKindFields();
  });

  // The selection builder's entries: a moved entry keeps the focus on its move button
  // across the page's reload, and an entry dragged by its handle to a new place saves the
  // new order (the notes form, whose entries follow the page's order).
  function remember(key, value) {
    try {
      if (value === null) sessionStorage.removeItem(key);
      else sessionStorage.setItem(key, value);
    } catch (e) { /* storage off: the focus stays where the page puts it */ }
  }

  function recall(key) {
    try { return sessionStorage.getItem(key); } catch (e) { return null; }
  }

  function focusMoved() {
    var op = recall("builder-move");
    remember("builder-move", null);
    var id = location.hash.indexOf("#entry-") === 0 ? decodeURIComponent(location.hash.slice(1)) : "";
    var row = id && document.getElementById(id);
    if (!row) return;
    // An entry just added: the focus goes to its row.
    if (!op) { row.focus(); return; }
    var button = row.querySelector('button[data-op="' + op + '"]') ||
      row.querySelector('button[data-op="up"], button[data-op="down"]');
    if (button) button.focus({ preventScroll: true });
  }

  function saveOrder(list, row) {
    var form = document.getElementById("notes-form");
    var status = document.getElementById("order-status");
    var id = row.getAttribute("data-entry");
    list.setAttribute("aria-busy", "true");
    fetch(form.action, {
      method: "POST",
      body: new URLSearchParams(new FormData(form)),
      headers: { Accept: "text/html" }
    })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("items");
        if (!fresh) throw new Error("no entries");
        list.replaceWith(fresh);
        orderable(fresh);
        var moved = document.getElementById("entry-" + id);
        if (moved) moved.classList.add("moved");
        if (status) status.textContent = status.getAttribute("data-saved");
      })
      .catch(function () {
        list.removeAttribute("aria-busy");
        if (status) {
          status.textContent = status.getAttribute("data-failed");
          status.classList.remove("visually-hidden");
          status.classList.add("alert");
        }
      });
  }

  function orderable(list) {
    var dragged = null;
    list.querySelectorAll("li[data-entry] .handle").forEach(function (handle) {
      handle.draggable = true;
    });
    list.addEventListener("submit", function (event) {
      var op = event.target.querySelector("input[name=op]");
      if (op && (op.value === "up" || op.value === "down")) remember("builder-move", op.value);
    });
    list.addEventListener("dragstart", function (event) {
      var handle = event.target.closest && event.target.closest(".handle");
      dragged = handle && handle.closest("li[data-entry]");
      if (!dragged) return;
      dragged.classList.add("dragging");
      if (event.dataTransfer) {
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", dragged.getAttribute("data-entry"));
        event.dataTransfer.setDragImage(dragged, 0, 0);
      }
    });
    list.addEventListener("dragover", function (event) {
      if (dragged) event.preventDefault();
    });
    list.addEventListener("drop", function (event) {
      var target = event.target.closest && event.target.closest("li[data-entry]");
      var row = dragged;
      if (!row || !target || target === row) return;
      event.preventDefault();
      var box = target.getBoundingClientRect();
      var after = event.clientY > box.top + box.height / 2;
      list.insertBefore(row, after ? target.nextSibling : target);
      saveOrder(list, row);
    });
    list.addEventListener("dragend", function () {
      if (dragged) dragged.classList.remove("dragging");
      dragged = null;
    });
  }

  var entries = document.querySelector("ol#items[data-reorder]");
  if (entries) {
    orderable(entries);
    // After the browser has gone to the address's fragment, which moves the focus too.
    window.addEventListener("load", function () { setTimeout(focusMoved, 0); });
  }
})();
