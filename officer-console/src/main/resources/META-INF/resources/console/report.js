// The daily report's charts (echarts): adoption by unit (bars) and the 14-day trend (lines), from data attributes.
(function () {
  'use strict';
  if (!window.echarts) { return; }
  var charts = [];
  var a = document.getElementById('adoption-chart');
  if (a) {
    var d = JSON.parse(a.getAttribute('data-chart') || '{}');
    var c = echarts.init(a, null, { renderer: 'canvas' });
    c.setOption({
      animation: false, color: ['#0b7a5c'], tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 28, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: d.labels || [], axisLabel: { rotate: 40, interval: 0, fontSize: 10, width: 110, overflow: 'truncate' } },
      yAxis: { type: 'value', name: '%' },
      series: [{ type: 'bar', name: a.getAttribute('data-name') || '%', data: (d.values || []).map(Number) }]
    });
    charts.push(c);
  }
  var t = document.getElementById('trend-chart');
  if (t) {
    var tr = JSON.parse(t.getAttribute('data-chart') || '{}');
    var names = (t.getAttribute('data-names') || 'checkins|visitors|cases|notified').split('|');
    var c2 = echarts.init(t, null, { renderer: 'canvas' });
    c2.setOption({
      animation: false, tooltip: { trigger: 'axis' }, legend: { data: names, top: 0 },
      color: ['#0b7a5c', '#2980b9', '#c0392b', '#e67e22'],
      grid: { left: 50, right: 50, top: 36, bottom: 30 },
      xAxis: { type: 'category', data: tr.dates || [] },
      yAxis: [{ type: 'value' }, { type: 'value', position: 'right' }],
      series: [
        { type: 'line', name: names[0], data: tr.checkins || [] },
        { type: 'line', name: names[1], data: tr.visitors || [] },
        { type: 'bar', name: names[2], yAxisIndex: 1, data: tr.cases || [] },
        { type: 'bar', name: names[3], yAxisIndex: 1, data: tr.notified || [] }
      ]
    });
    charts.push(c2);
  }
  window.addEventListener('resize', function () { charts.forEach(function (x) { x.resize(); }); });
})();
