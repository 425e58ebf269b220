// The page's only script, for screens; the HTML works without it. Inline, so the file
// stands alone and nothing is fetched.
(function () {
  "use strict";
  var narrow = window.matchMedia("(max-width: 40rem)");
  var toc = document.querySelector(".toc-details");
  // A phone shows the contents folded, so the agreement starts on the first screen.
  if (toc && narrow.matches) { toc.open = false; }
  // "Til indholdsfortegnelsen" opens the contents it jumps to.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest('a[href="#indhold"]');
    if (link && toc) { toc.open = true; }
  });
  // A table wider than the screen says so under it (.scrolls shows the hint).
  function mark() {
    document.querySelectorAll(".table-scroll").forEach(function (box) {
      box.classList.toggle("scrolls", box.scrollWidth > box.clientWidth + 1);
    });
  }
  mark();
  window.addEventListener("resize", mark);
})();
