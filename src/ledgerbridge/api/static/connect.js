/* The connect page's behaviour (no inline script: the page's CSP allows only this file).
 *
 * - search as you type over the provider tiles;
 * - each step shown: "Opening <provider>…" when a tile is chosen, "Connecting…" while keys are checked;
 * - the key form's inline validation and its "Test connection" button (POST /connect/<provider>/check);
 * - embedding: messages `ledgerbridge:connection.created|failed|closed` posted to the embedder, whose origin the
 *   server put in <body data-parent-origin> (the origin of the link's return URL) — never to "*". Framed, an
 *   OAuth provider's consent runs in a popup (embed=relay) whose outcome comes back to this frame first.
 */
(function () {
  "use strict";
  var body = document.body;
  var parentOrigin = body.getAttribute("data-parent-origin") || "";
  var embed = body.getAttribute("data-embed") || "";
  var framed = window.parent !== window;

  function embedder() {
    if (!parentOrigin) return null;
    if (framed) return window.parent;
    return window.opener || null;
  }

  function tell(event, detail) {
    var target = embedder();
    if (!target || embed === "relay") return;
    var message = Object.assign({ type: "ledgerbridge:" + event }, detail || {});
    target.postMessage(message, parentOrigin);
  }

  function $(id) { return document.getElementById(id); }

  function announce(text) {
    var live = $("match-count") || $("progress-message");
    if (live) live.textContent = text;
  }

  // -- the catalog: search as you type -------------------------------------------------------------------------
  var search = $("provider-search");
  if (search) {
    var items = Array.prototype.slice.call(document.querySelectorAll("#providers > li"));
    var form = $("search-form");
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var first = items.filter(function (li) { return !li.hidden; })[0];
      if (first) first.querySelector("a").focus();
    });
    search.addEventListener("input", function () {
      var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      items.forEach(function (li) {
        var text = li.getAttribute("data-search");
        var match = words.every(function (w) { return text.indexOf(w) !== -1; });
        li.hidden = !match;
        if (match) shown += 1;
      });
      $("no-match").hidden = shown !== 0;
      announce(shown === 1 ? "1 match" : shown + " matches");
    });
  }

  // -- choosing a tile -------------------------------------------------------------------------------------------
  var popup = null;

  function showProgress(heading, message) {
    $("chooser").hidden = true;
    $("progress").hidden = false;
    $("progress-heading").textContent = heading;
    $("progress-message").textContent = message;
    $("progress-retry").hidden = true;
    $("progress-done-button").hidden = true;
    $("progress-heading").focus();
  }

  function showChooser() {
    $("progress").hidden = true;
    $("chooser").hidden = false;
    var consent = $("progress-consent");
    consent.className = "";
    consent.setAttribute("aria-current", "step");
    $("progress-done").removeAttribute("aria-current");
    $("progress-done").className = "";
    if (search) search.focus();
  }

  Array.prototype.forEach.call(document.querySelectorAll("a.tile"), function (tile) {
    tile.addEventListener("click", function (e) {
      var title = tile.getAttribute("data-title");
      if (tile.getAttribute("data-kind") === "oauth" && framed && embed === "1") {
        // Providers refuse to be framed: consent in a popup, which reports back here.
        e.preventDefault();
        var href = tile.getAttribute("href").replace("embed=1", "embed=relay");
        popup = window.open(href, "ledgerbridge-consent", "popup,width=520,height=720");
        if (!popup) {
          showProgress("Pop-up blocked", "Allow pop-ups for this page to sign in to " + title + ".");
          $("progress-retry").hidden = false;
          return;
        }
        showProgress("Waiting for " + title + "…", "Sign in and give access in the " + title + " window.");
        return;
      }
      tile.setAttribute("aria-busy", "true");
      var steps = document.querySelectorAll("#chooser ol.steps li");
      if (steps.length === 3) {
        steps[0].className = "done";
        steps[0].removeAttribute("aria-current");
        steps[1].setAttribute("aria-current", "step");
      }
      announce(tile.getAttribute("data-kind") === "oauth" ? "Opening " + title + "…" : "Opening the " + title + " form…");
    });
  });

  // The relay popup's outcome, from our own origin and only from the popup we opened.
  window.addEventListener("message", function (e) {
    if (e.origin !== window.location.origin || !popup || e.source !== popup) return;
    var data = e.data || {};
    if (typeof data.type !== "string" || data.type.indexOf("ledgerbridge:") !== 0) return;
    var consent = $("progress-consent");
    if (data.type === "ledgerbridge:connection.created") {
      consent.className = "done";
      consent.removeAttribute("aria-current");
      $("progress-done").className = "done";
      $("progress-done").setAttribute("aria-current", "step");
      showProgress("Connected", "Your " + (data.provider_title || data.provider) + " account is connected.");
      $("progress-done-button").hidden = false;
    } else if (data.type === "ledgerbridge:connection.failed") {
      consent.className = "failed";
      showProgress("Not connected", data.message || "Nothing was connected.");
      $("progress-retry").hidden = false;
    }
    tell(data.type.replace("ledgerbridge:", ""), stripped(data));
  });

  function stripped(data) {
    var out = {};
    Object.keys(data).forEach(function (k) { if (k !== "type") out[k] = data[k]; });
    return out;
  }

  var retry = $("progress-retry");
  if (retry) retry.addEventListener("click", showChooser);
  var doneButton = $("progress-done-button");
  if (doneButton) doneButton.addEventListener("click", function () { tell("connection.closed", {}); });
  var close = $("close");
  if (close) close.addEventListener("click", function () {
    tell("connection.closed", {});
    if (!framed && window.opener) window.close();
  });

  // -- the result page -------------------------------------------------------------------------------------------
  var result = $("result");
  if (result) {
    var ids = (result.getAttribute("data-connection-ids") || "").split(",").filter(Boolean);
    var ok = result.getAttribute("data-event") === "connection.created";
    var providerTitle = ($("connected-provider") || {}).textContent || "";
    var detail = ok
      ? { connection_id: ids[0], connection_ids: ids, provider: result.getAttribute("data-provider"),
          provider_title: providerTitle,
          account_ids: (result.getAttribute("data-account-ids") || "").split(",").filter(Boolean) }
      : { error: result.getAttribute("data-error"), message: result.getAttribute("data-message") };
    if (embed === "relay" && window.opener) {
      window.opener.postMessage(Object.assign({ type: "ledgerbridge:" + result.getAttribute("data-event") }, detail),
        window.location.origin);
      window.setTimeout(function () { window.close(); }, 300);
    } else {
      tell(result.getAttribute("data-event"), detail);
    }
    var done = $("done");
    if (done) done.addEventListener("click", function () {
      tell("connection.closed", {});
      if (!framed && window.opener) window.close();
    });
  }

  // -- the key form ----------------------------------------------------------------------------------------------
  var keys = $("keys-form");
  if (keys) {
    var fields = Array.prototype.slice.call(keys.querySelectorAll("input[required]"));

    function problem(input) {
      var v = input.validity;
      if (v.valueMissing) return "is required";
      if (v.typeMismatch) return "must be an http(s) URL";
      if (v.patternMismatch) return "must be a plain name: letters, digits, '_', '-' and '.'";
      if (input.type === "url" && !/^https?:\/\//i.test(input.value)) return "must be an http(s) URL";
      return "";
    }

    function showError(input, message) {
      var slot = keys.querySelector('[data-for="' + input.name + '"]');
      if (!slot) return;
      slot.textContent = message;
      slot.hidden = !message;
      if (message) input.setAttribute("aria-invalid", "true"); else input.removeAttribute("aria-invalid");
    }

    function validate() {
      var firstBad = null;
      fields.forEach(function (input) {
        var message = problem(input);
        showError(input, message);
        if (message && !firstBad) firstBad = input;
      });
      if (firstBad) firstBad.focus();
      return !firstBad;
    }

    fields.forEach(function (input) {
      input.addEventListener("blur", function () { if (input.value) showError(input, problem(input)); });
      input.addEventListener("input", function () {
        if (input.getAttribute("aria-invalid")) showError(input, problem(input));
      });
    });

    var checkResult = $("check-result");
    var submit = $("submit-keys");
    var test = $("test-keys");

    function report(ok, text) {
      checkResult.hidden = false;
      checkResult.className = "notice " + (ok ? "good" : "bad");
      checkResult.textContent = text;
    }

    test.addEventListener("click", function () {
      if (!validate()) return;
      test.setAttribute("aria-busy", "true");
      test.disabled = true;
      report(true, "Checking…");
      fetch(keys.getAttribute("data-check"), { method: "POST", body: new FormData(keys), credentials: "omit" })
        .then(function (r) { return r.json(); })
        .then(function (answer) {
          (answer.errors || []).forEach(function (e) {
            var input = keys.querySelector('[name="' + e.field + '"]');
            if (input) showError(input, e.message);
          });
          if (answer.ok) report(true, "These keys work" + (answer.company ? ": " + answer.company : "") + ". Connect to save them.");
          else report(false, answer.message || "These keys do not work.");
        })
        .catch(function () { report(false, "Could not check the keys. Try again."); })
        .then(function () { test.removeAttribute("aria-busy"); test.disabled = false; });
    });

    keys.addEventListener("submit", function (e) {
      if (!validate()) { e.preventDefault(); return; }
      submit.setAttribute("aria-busy", "true");
      submit.textContent = "Connecting…";
      report(true, "Connecting… checking your keys with the server.");
    });
  }
})();
