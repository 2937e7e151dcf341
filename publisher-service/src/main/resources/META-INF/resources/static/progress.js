// An issue still being made: asks the API every few seconds and reloads the page when anything moved,
// until the issue is published (the reloaded page is then the issue itself).
(function () {
  var page = document.querySelector('[data-poll]');
  if (!page) {
    return;
  }
  var every = 5000;

  // The same key as the page's data-state (PageLabels.stateKey): status, then each paper's stage initials.
  function stateKey(issue) {
    return issue.status + ':' + issue.papers.map(function (paper) {
      return paper.fetch.status[0] + paper.summarize.status[0] + paper.answer.status[0];
    }).join(',');
  }

  function poll() {
    fetch(page.dataset.poll, { headers: { Accept: 'application/json' }, cache: 'no-store' })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (issue) {
        if (issue && (issue.status === 'PUBLISHED' || stateKey(issue) !== page.dataset.state)) {
          window.location.reload();
        } else {
          setTimeout(poll, every);
        }
      })
      .catch(function () {
        setTimeout(poll, every);
      });
  }

  setTimeout(poll, every);
})();
