// The case page: the transmission graph (echarts, from the data-graph attribute) and the notify preview by language.
(function () {
  'use strict';
  var el = document.getElementById('case-graph');
  if (el && window.echarts) {
    var data = JSON.parse(el.getAttribute('data-graph') || '{"nodes":[],"links":[]}');
    var legend = (el.getAttribute('data-legend') || 'Case|Venue|F1|F2').split('|');
    var colors = ['#2c3e50', '#16a085', '#c0392b', '#e67e22'];
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    var maxX = 1;
    data.nodes.forEach(function (n) { if (n.x > maxX) { maxX = n.x; } });
    // Positions in the chart's own pixels (columns by level, as CaseGraph placed them), so that the view is not
    // stretched one way more than the other: nodes stay round at every width.
    function draw() {
      var w = el.clientWidth, h = el.clientHeight;
      var left = 50, right = 150, top = 40, bottom = 20;
      chart.setOption({
        color: colors,
        tooltip: { formatter: function (p) { return p.dataType === 'node' ? echarts.format.encodeHTML(p.data.name) : ''; } },
        legend: [{ data: legend, top: 0 }],
        animation: false,
        series: [{
          type: 'graph', layout: 'none', roam: true, nodeScaleRatio: 0,
          left: left, right: right, top: top, bottom: bottom,
          categories: legend.map(function (n, i) { return { name: n, itemStyle: { color: colors[i] } }; }),
          label: { show: true, position: 'right', fontSize: 11, formatter: function (p) { return p.data.category === 2 || p.data.category === 3 ? '' : p.data.name; } },
          edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 6,
          lineStyle: { color: '#9aa5ad', width: 1, curveness: 0.05 },
          data: data.nodes.map(function (n) {
            return { id: n.id, name: n.name, category: n.category, symbolSize: n.symbolSize,
              x: left + n.x / maxX * (w - left - right), y: top + (n.y + 1) / 2 * (h - top - bottom) };
          }),
          links: data.links.map(function (l) {
            return { source: l.source, target: l.target, lineStyle: l.dashed ? { type: 'dashed' } : {} };
          })
        }]
      }, true);
      chart.resize();
    }
    draw();
    window.addEventListener('resize', draw);
  }
  var previews = document.querySelectorAll('.preview[data-lang]');
  function show(lang) {
    for (var i = 0; i < previews.length; i++) {
      previews[i].classList.toggle('hidden', previews[i].getAttribute('data-lang') !== lang);
    }
  }
  var radios = document.querySelectorAll('#notify-form input[name=language]');
  for (var i = 0; i < radios.length; i++) {
    radios[i].addEventListener('change', function (e) { show(e.target.value); });
    if (radios[i].checked) { show(radios[i].value); }
  }
})();
