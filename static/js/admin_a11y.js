/* The admin's accessibility fixes, loaded on every admin page (external file: the CSP
   allows no inline script).

   - Fields in tables (tabular inlines, editable list columns) get an accessible name from
     their column heading, and in lists from their row's first cell, because Django puts
     the heading in a <th> and no <label> beside each field.
   - Autocomplete boxes (Select2) get the name of the field they stand for.
   - The "filter" help icons of the two-box selects get role="img" so their aria-label is
     allowed. */
(function () {
  "use strict";

  function text(node) {
    return node ? node.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function hasName(el) {
    if (el.getAttribute("aria-label") || el.getAttribute("aria-labelledby")) return true;
    return el.labels && Array.prototype.some.call(el.labels, function (l) { return text(l); });
  }

  function columnHeading(cell) {
    var table = cell.closest("table");
    if (!table) return "";
    var index = Array.prototype.indexOf.call(cell.parentElement.children, cell);
    var headRow = table.querySelector("thead tr");
    if (!headRow) return "";
    var position = 0;
    for (var i = 0; i < headRow.children.length; i++) {
      var th = headRow.children[i];
      var span = parseInt(th.getAttribute("colspan") || "1", 10);
      if (index >= position && index < position + span) return text(th);
      position += span;
    }
    return "";
  }

  function labelTableFields(root) {
    root.querySelectorAll("td input, td select, td textarea").forEach(function (field) {
      if (field.type === "hidden" || hasName(field)) return;
      var cell = field.closest("td");
      var heading = columnHeading(cell);
      if (!heading && field.name && /-DELETE$/.test(field.name)) heading = field.closest("table").dataset.deleteLabel || "Delete";
      if (!heading) return;
      var row = cell.parentElement;
      var rowName = "";
      if (field.closest("#result_list")) {
        rowName = text(row.querySelector("th")) || text(row.querySelector("td:not(.action-checkbox)"));
      } else {
        var original = row.querySelector("td.original p");
        rowName = text(original);
        if (!rowName) {
          var rows = Array.prototype.filter.call(row.parentElement.children, function (r) {
            return r.classList.contains("form-row");
          });
          rowName = "#" + (rows.indexOf(row) + 1);
        }
      }
      field.setAttribute("aria-label", rowName ? heading + " (" + rowName + ")" : heading);
    });
  }

  function selectName(select) {
    if (!select) return "";
    var label = select.getAttribute("aria-label");
    if (label) return label;
    if (select.labels && select.labels.length) return text(select.labels[0]).replace(/:$/, "");
    return "";
  }

  function labelSelect2(root) {
    root.querySelectorAll(".select2-container").forEach(function (container) {
      var select = container.previousElementSibling;
      if (!select || select.tagName !== "SELECT") return;
      var name = selectName(select);
      if (!name) return;
      container.querySelectorAll(".select2-search__field").forEach(function (input) {
        if (!hasName(input)) input.setAttribute("aria-label", name);
      });
      container.querySelectorAll(".select2-selection[role=combobox]").forEach(function (box) {
        box.removeAttribute("aria-labelledby");
        box.setAttribute("aria-label", name);
      });
      container.querySelectorAll(".select2-selection__rendered[role=textbox]").forEach(function (shown) {
        shown.setAttribute("aria-label", name);
      });
      container.querySelectorAll("ul.select2-selection__rendered").forEach(function (list) {
        list.setAttribute("role", "presentation");
      });
    });
  }

  function fixHelpIcons(root) {
    root.querySelectorAll(".help-tooltip[aria-label]:not([role])").forEach(function (icon) {
      icon.setAttribute("role", "img");
    });
  }

  function labelSplitDateTimes(root) {
    // "Date: [ ] Time: [ ]" are bare text before each box; the field's name is in its legend.
    root.querySelectorAll("p.datetime input").forEach(function (input) {
      if (hasName(input)) return;
      var part = input.previousSibling;
      while (part && part.nodeType === 3 && !part.textContent.trim()) part = part.previousSibling;
      var partName = part && part.nodeType === 3 ? part.textContent.trim().replace(/:$/, "") : "";
      var row = input.closest("fieldset, .form-row, .fieldBox");
      var legend = row ? row.querySelector("legend, label") : null;
      var name = [text(legend).replace(/:$/, ""), partName].filter(Boolean).join(" ");
      if (name) input.setAttribute("aria-label", name);
    });
  }

  function labelSearchBar() {
    // Some lists (the two-factor devices) give the search box only a title: name it after
    // its Search button, in the admin's language.
    var box = document.getElementById("searchbar");
    if (!box || box.getAttribute("aria-label")) return;
    var button = box.form && box.form.querySelector("input[type=submit]");
    if (button && button.value) box.setAttribute("aria-label", button.value);
  }

  function fixAll() {
    labelSearchBar();
    labelSplitDateTimes(document);
    labelTableFields(document);
    labelSelect2(document);
    fixHelpIcons(document);
  }

  var queued = false;
  function queue() {
    if (queued) return;
    queued = true;
    window.requestAnimationFrame(function () {
      queued = false;
      fixAll();
    });
  }

  function start() {
    fixAll();
    new MutationObserver(queue).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
