/* A live character count under each long text box (textarea[data-maxlength]), so that a
   text over the limit is seen while writing. The form never cuts text: the server says
   what is too long and keeps it. Labels come translated in data-count-label and
   data-over-label ("%(count)s of %(limit)s characters", "%(over)s characters too many"). */
(function () {
  "use strict";

  function format(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_, key) { return values[key]; });
  }

  function attach(box) {
    var limit = parseInt(box.dataset.maxlength, 10);
    if (!limit) return;
    var counter = document.createElement("p");
    counter.className = "form-text char-count";
    counter.id = box.id + "_count";
    // Read out politely, and only after typing pauses.
    counter.setAttribute("aria-live", "polite");
    box.insertAdjacentElement("afterend", counter);
    var described = box.getAttribute("aria-describedby");
    box.setAttribute("aria-describedby", (described ? described + " " : "") + counter.id);
    var number = new Intl.NumberFormat(document.documentElement.lang || undefined);
    var timer = null;

    function update() {
      var count = box.value.length;
      var over = count - limit;
      var text = format(box.dataset.countLabel, { count: number.format(count), limit: number.format(limit) });
      if (over > 0) text += " · " + format(box.dataset.overLabel, { over: number.format(over) });
      counter.textContent = text;
      counter.classList.toggle("char-count-over", over > 0);
    }

    box.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(update, 300);
    });
    update();
  }

  function start() {
    document.querySelectorAll("textarea[data-maxlength]").forEach(attach);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
