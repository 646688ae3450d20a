(function () {
  var theme = 'auto';
  try {
    var stored = localStorage.getItem('ex-theme');
    if (stored === 'light' || stored === 'dark') theme = stored;
  } catch (e) {}
  document.documentElement.dataset.theme = theme;
})();
