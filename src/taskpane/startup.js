/* The task pane page's first script, in ES5 so every engine that Office uses can run it (test/addin
   es5.test.ts parses it as ES5). It shows a plain message instead of a blank pane when:
   - the engine is too old for the pane (Trident/IE11 or EdgeHTML, used by Excel on Windows without
     Microsoft Edge WebView2): the REE functions still work there, only the pane cannot;
   - Office never reports Excel: the page was opened in a browser (for example to accept the
     development certificate), Office.js was blocked, or Excel did not answer within 4 seconds.
   The pane (index.tsx) renders into #root once Office reports Excel, and replaces any message. */
(function () {
  "use strict";
  var WAIT_FOR_EXCEL_MS = 4000;
  var WEBVIEW2_URL = "https://developer.microsoft.com/microsoft-edge/webview2/";

  /* The pane's newest syntax is optional chaining and "??"; String.prototype.replaceAll arrived
     with or after it in every engine (Chromium 85, Safari 13.1, Firefox 77), while Trident and
     EdgeHTML have neither. A method can be tested without eval, which the page's CSP forbids. */
  var engineIsCurrent =
    typeof Symbol === "function" &&
    typeof Promise === "function" &&
    typeof String.prototype.replaceAll === "function";

  function paragraph(parts) {
    var p = document.createElement("p");
    for (var i = 0; i < parts.length; i++) {
      var part = parts[i];
      if (typeof part === "string") {
        p.appendChild(document.createTextNode(part));
      } else {
        var link = document.createElement("a");
        link.href = part.href;
        link.appendChild(document.createTextNode(part.text));
        if (part.external) {
          link.target = "_blank";
          link.rel = "noopener noreferrer";
        }
        p.appendChild(link);
      }
    }
    return p;
  }

  function show(id, title, paragraphs) {
    var root = document.getElementById("root");
    if (!root || document.getElementById(id)) return;
    var box = document.createElement("div");
    box.id = id;
    box.setAttribute("role", "status");
    box.style.cssText = "font: 14px/1.45 'Segoe UI', system-ui, sans-serif; padding: 16px;";
    var heading = document.createElement("h1");
    heading.style.cssText = "font-size: 16px; margin: 0 0 8px;";
    heading.appendChild(document.createTextNode(title));
    box.appendChild(heading);
    for (var i = 0; i < paragraphs.length; i++) box.appendChild(paragraph(paragraphs[i]));
    while (root.firstChild) root.removeChild(root.firstChild);
    root.appendChild(box);
  }

  function showOldEngine() {
    show("startup-old-engine", "The task pane needs a newer browser engine", [
      [
        "This Excel uses an older browser engine; the REE functions work, the task pane needs Microsoft Edge WebView2: ",
        { href: WEBVIEW2_URL, text: WEBVIEW2_URL, external: true },
      ],
      [
        "Install the WebView2 Runtime (or update Windows and Office), restart Excel and open the pane again.",
      ],
    ]);
  }

  /* index.tsx marks #root as soon as Office reports Excel, before its first render. */
  function paneHasStarted() {
    return document.getElementById("root").getAttribute("data-pane") === "starting";
  }

  function showNotInExcel() {
    if (paneHasStarted()) return;
    var onDevServer = /^(localhost|127\.0\.0\.1)$/.test(location.hostname);
    var paragraphs = [
      [
        "This page is the Rare Earth Supply Modeler task pane. It runs inside Excel, and Excel has not connected to it.",
      ],
      [
        "To use the add-in, open Excel with the add-in installed (on the web: Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in, choose manifest.xml) and choose Home > Supply Modeler.",
      ],
    ];
    if (onDevServer) {
      paragraphs.unshift([
        "If you opened this page to accept the development certificate: this browser now trusts " +
          location.host +
          ", so Excel on the web can load the add-in from it.",
      ]);
      paragraphs.push([
        "No Excel at hand? Try the add-in in the ",
        { href: "/preview/preview.html", text: "browser preview" },
        ", or see the ",
        { href: "/", text: "development server's start page" },
        ".",
      ]);
    }
    show("startup-not-in-excel", "Open this add-in in Excel", paragraphs);
  }

  function whenPageLoaded() {
    if (!engineIsCurrent) {
      showOldEngine();
      return;
    }
    if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
      showNotInExcel();
      return;
    }
    Office.onReady(function (info) {
      if (!info || info.host !== "Excel") showNotInExcel();
    });
    setTimeout(showNotInExcel, WAIT_FOR_EXCEL_MS);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", whenPageLoaded);
  } else {
    whenPageLoaded();
  }
})();
