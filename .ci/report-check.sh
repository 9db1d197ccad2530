#!/usr/bin/env bash
# Renders a small report in a real browser (headless Chromium) and fails on a broken image or an overflowing label.
#
# The report is the demo of noether-report's tests (ReportDemo: a real group-averaging run, claims of every paper with
# every verdict, a bar chart with many long labels, a log axis down to 1e-17, long folded tables, a failed run).
# A script added to a copy of the page checks, with every fold opened, at two window widths:
#   - every <img> has loaded and has a natural width > 0;
#   - no heading, paragraph, list item, caption, table cell, summary or badge is wider than its box
#     (scrollWidth > clientWidth), and the page is no wider than the window.
# Before that it checks itself on a page with one broken image and one overflowing label, so a check that cannot fail
# is noticed. If Chromium is missing it is installed; if it cannot be installed the check is skipped with a warning.
# Usage: .ci/report-check.sh [output-dir]   (default noether-report/target/report-demo; a screenshot lands there too)
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mkdir -p "${1:-noether-report/target/report-demo}" && cd "${1:-noether-report/target/report-demo}" && pwd)"

browser=""
for b in chromium chromium-browser; do
  if command -v "$b" >/dev/null 2>&1; then browser="$b"; break; fi
done
if [ -z "$browser" ]; then
  echo "report-check: installing chromium"
  if (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 \
      && command -v chromium >/dev/null 2>&1; then
    browser=chromium
  else
    echo "report-check: WARNING: chromium could not be installed; the browser check of the report is skipped" >&2
    exit 0
  fi
fi

echo "report-check: writing the demo report to $out"
mvn -B -q -pl noether-report -am test -Dtest=ReportDemoTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dnoether.report.demo="$out" >/dev/null

checker_file="$(mktemp)"
trap 'rm -f "$checker_file"' EXIT
cat > "$checker_file" <<'JS'
<script>
(function () {
  function run() {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
    var problems = [], checked = 0;
    var imgs = document.images;
    for (var i = 0; i < imgs.length; i++) {
      if (!imgs[i].complete || imgs[i].naturalWidth === 0) problems.push("broken image: " + (imgs[i].alt || "(no alt)"));
    }
    var sel = "h1, h2, h3, p, li, figcaption, th, td, summary, dt, dd, .verdict, .badge";
    document.querySelectorAll(sel).forEach(function (e) {
      if (e.clientWidth === 0) return;
      checked++;
      if (e.scrollWidth > e.clientWidth + 1) {
        problems.push("overflowing " + e.tagName.toLowerCase() + (e.className ? "." + e.className : "") + " ("
            + e.scrollWidth + " > " + e.clientWidth + " px): " + e.textContent.trim().slice(0, 80));
      }
    });
    var page = document.documentElement;
    if (page.scrollWidth > window.innerWidth + 1) problems.push("page wider than the window: " + page.scrollWidth + " px");
    var pre = document.createElement("pre");
    pre.id = "report-check";
    pre.textContent = "RESULT images=" + imgs.length + " checked=" + checked + " problems=" + problems.length
        + "\n" + problems.join("\n") + "\nEND";
    document.body.appendChild(pre);
  }
  if (document.readyState === "complete") run(); else window.addEventListener("load", run);
})();
</script>
JS

# check PAGE WIDTH: prints the result block, returns 0 when there are no problems
check() {
  local page="$1" width="$2" copy dom
  copy="$(dirname "$page")/.check-$(basename "$page")"
  # The checker goes just before </body>; report.html itself carries no script.
  awk -v f="$checker_file" '/<\/body>/ { while ((getline line < f) > 0) print line; close(f) } { print }' "$page" > "$copy"
  dom="$("$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=10000 \
      --window-size="$width",2000 --dump-dom "file://$copy" 2>/dev/null || true)"
  rm -f "$copy"
  local result
  result="$(printf '%s\n' "$dom" | sed -n '/<pre id="report-check">/,/^END/p' | sed -e 's/<pre id="report-check">//' -e '/^$/d')"
  if [ -z "$result" ]; then
    echo "report-check: the browser produced no result for $page at width $width" >&2
    return 2
  fi
  printf '%s\n' "$result" | grep -v '^END'
  printf '%s\n' "$result" | head -n 1 | grep -q " problems=0$"
}

# Self-test: a page with one broken image and one label wider than its cell must be caught.
bad="$out/.self-test.html"
cat > "$bad" <<'HTML'
<!DOCTYPE html><html><head><meta charset="utf-8"><style>td { max-width: 40px; white-space: nowrap; overflow: visible; }
table { table-layout: fixed; width: 80px; }</style></head><body>
<img alt="broken" src="data:image/png;base64,AAAA"><table><tr><td>a label far too long for its narrow cell</td></tr></table>
</body></html>
HTML
selftest="$(check "$bad" 1280 || true)"
echo "report-check: self-test (must find 2 problems):"
printf '%s\n' "$selftest"
rm -f "$bad"
if ! printf '%s\n' "$selftest" | grep -q "problems=2$"; then
  echo "report-check: the self-test did not catch a broken image and an overflowing label:" >&2
  printf '%s\n' "$selftest" >&2
  exit 1
fi

status=0
for width in 1280 760; do
  echo "report-check: report.html at a window width of $width px"
  check "$out/report.html" "$width" || status=1
done
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,2000 \
    --screenshot="$out/report.png" "file://$out/report.html" >/dev/null 2>&1 || true
if [ "$status" -ne 0 ]; then
  echo "report-check: FAILED (see the problems above; screenshot in $out/report.png)" >&2
  exit 1
fi
echo "report-check: ok (screenshot in $out/report.png)"
