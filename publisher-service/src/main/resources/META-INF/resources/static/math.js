// Typesets the TeX that abstracts keep ($…$, $$…$$, \(…\), \[…\]) with KaTeX, served by this app.
// KaTeX builds its own elements from the text; it never interprets the text as HTML.
document.addEventListener('DOMContentLoaded', function () {
  if (typeof renderMathInElement !== 'function') {
    return;
  }
  document.querySelectorAll('.math').forEach(function (element) {
    renderMathInElement(element, {
      delimiters: [
        { left: '$$', right: '$$', display: true },
        { left: '\\[', right: '\\]', display: true },
        { left: '$', right: '$', display: false },
        { left: '\\(', right: '\\)', display: false }
      ],
      throwOnError: false
    });
  });
});
