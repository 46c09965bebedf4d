// The case page: the transmission graph (echarts, from the data-graph attribute) and the notify preview by language.
(function () {
  'use strict';
  var el = document.getElementById('case-graph');
  if (el && window.echarts) {
    var data = JSON.parse(el.getAttribute('data-graph') || '{"nodes":[],"links":[]}');
    var legend = (el.getAttribute('data-legend') || 'Case|Venue|F1|F2').split('|');
    var colors = ['#2c3e50', '#16a085', '#c0392b', '#e67e22'];
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption({
      color: colors,
      tooltip: { formatter: function (p) { return p.dataType === 'node' ? echarts.format.encodeHTML(p.data.name) : ''; } },
      legend: [{ data: legend, top: 0 }],
      animation: false,
      series: [{
        type: 'graph', layout: 'none', roam: true, top: 40, bottom: 20, left: 60, right: 60,
        categories: legend.map(function (n, i) { return { name: n, itemStyle: { color: colors[i] } }; }),
        label: { show: true, position: 'right', fontSize: 11, formatter: function (p) { return p.data.category === 2 || p.data.category === 3 ? '' : p.data.name; } },
        edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 6,
        lineStyle: { color: '#9aa5ad', width: 1, curveness: 0.05 },
        data: data.nodes.map(function (n) {
          return { id: n.id, name: n.name, category: n.category, x: n.x * 300, y: n.y * 200, symbolSize: n.symbolSize };
        }),
        links: data.links.map(function (l) {
          return { source: l.source, target: l.target, lineStyle: l.dashed ? { type: 'dashed' } : {} };
        })
      }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
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
