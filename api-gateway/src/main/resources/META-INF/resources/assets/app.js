// The pages are rendered on the server; this only draws charts and guards forms.
(function () {
  // Every <canvas data-chart="…"> carries a complete Chart.js configuration built by the gateway.
  if (window.Chart) {
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      canvas.chart = new Chart(canvas, JSON.parse(canvas.dataset.chart));
      canvas.dataset.drawn = 'true';
    });
  }
  // Forms disable their buttons while posting, so a double click does not send twice. After a tick:
  // a button disabled during the submit event would drop its own name=value from the form data.
  document.querySelectorAll('form[method="post"]').forEach(function (form) {
    form.addEventListener('submit', function () {
      setTimeout(function () {
        form.querySelectorAll('button[type="submit"]').forEach(function (b) { b.disabled = true; });
      }, 0);
    });
  });
})();
