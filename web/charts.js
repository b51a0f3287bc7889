// ECharts (inlined at build time from npm `echarts`) for the report's charts.
// Tooltips are HTML in ECharts, so only numbers and engine-fixed names go into them.
'use strict';

var HuikeCharts = (function () {
  const SEGMENT_COLORS = ['#1d4ed8', '#0e7490', '#7c3aed', '#c2410c', '#60a5fa', '#22d3ee', '#a78bfa', '#fb923c'];
  const charts = new Map();
  const TEXT = '#4b5563';
  const GRID_LINE = '#eef0f3';

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  }

  function chartFor(el) {
    let chart = charts.get(el);
    if (!chart) {
      chart = echarts.init(el, null, { renderer: 'canvas' });
      charts.set(el, chart);
      if (typeof ResizeObserver !== 'undefined') new ResizeObserver(() => chart.resize()).observe(el);
    }
    return chart;
  }

  const baseText = { color: TEXT, fontFamily: 'inherit' };

  // Customer share vs revenue share per segment: which groups carry the shop.
  function segments(el, list, t, nameOf, onClick) {
    const chart = chartFor(el);
    const names = list.map(nameOf);
    chart.setOption(
      {
        textStyle: baseText,
        animationDuration: 300,
        color: ['#93c5fd', '#1d4ed8'],
        legend: { top: 0, data: [t('col_share'), t('col_revenue_share')] },
        grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
        tooltip: {
          trigger: 'axis',
          axisPointer: { type: 'shadow' },
          formatter: (items) =>
            escapeHtml(items[0].name) + '<br>' +
            items.map((i) => i.marker + escapeHtml(i.seriesName) + ' ' + i.value.toFixed(1) + '%').join('<br>'),
        },
        xAxis: { type: 'value', axisLabel: { formatter: '{value}%' }, splitLine: { lineStyle: { color: GRID_LINE } } },
        yAxis: { type: 'category', data: names, inverse: true, axisTick: { show: false } },
        series: [
          { name: t('col_share'), type: 'bar', barGap: '10%', data: list.map((s) => +(s.customer_share * 100).toFixed(2)) },
          { name: t('col_revenue_share'), type: 'bar', data: list.map((s) => +(s.revenue_share * 100).toFixed(2)) },
        ],
      },
      true
    );
    chart.off('click');
    chart.on('click', (p) => onClick(list[p.dataIndex]));
  }

  // 5 × 5 R/F scores: colour is the average spend, the label the customer count.
  function heatmap(el, rf, t, fmtMoney) {
    const chart = chartFor(el);
    const data = [];
    let max = 0;
    for (let r = 0; r < 5; r++) {
      for (let f = 0; f < 5; f++) {
        const m = rf.avg_monetary[r][f];
        max = Math.max(max, m);
        data.push([f, r, m, rf.customers[r][f]]);
      }
    }
    chart.setOption(
      {
        textStyle: baseText,
        animationDuration: 300,
        tooltip: {
          formatter: (p) =>
            t('heat_tip', { r: p.value[1] + 1, f: p.value[0] + 1, n: p.value[3], m: escapeHtml(fmtMoney(p.value[2])) }),
        },
        grid: { left: 44, right: 16, top: 8, bottom: 64, containLabel: true },
        xAxis: { type: 'category', data: ['1', '2', '3', '4', '5'], name: t('heat_f'), nameLocation: 'middle', nameGap: 28, splitArea: { show: true } },
        yAxis: { type: 'category', data: ['1', '2', '3', '4', '5'], name: t('heat_r'), nameLocation: 'middle', nameGap: 28, splitArea: { show: true } },
        visualMap: {
          min: 0,
          max: max || 1,
          dimension: 2,
          calculable: false,
          orient: 'horizontal',
          left: 'center',
          bottom: 0,
          itemHeight: 120,
          itemWidth: 10,
          text: [fmtMoney(max), '0'],
          inRange: { color: ['#eff6ff', '#93c5fd', '#1d4ed8'] },
        },
        series: [
          {
            type: 'heatmap',
            data,
            label: { show: true, formatter: (p) => String(p.value[3]), color: '#111827' },
            emphasis: { itemStyle: { borderColor: '#111827', borderWidth: 1 } },
          },
        ],
      },
      true
    );
  }

  // hist: {bin_days, counts, overflow} from the report.
  function histogram(el, hist, t, color) {
    const chart = chartFor(el);
    const w = hist.bin_days;
    const labels = hist.counts.map((_, i) => (w === 1 ? String(i) : i * w + '–' + ((i + 1) * w - 1)));
    const values = hist.counts.slice();
    if (hist.overflow) {
      labels.push('≥ ' + hist.counts.length * w);
      values.push(hist.overflow);
    }
    chart.setOption(
      {
        textStyle: baseText,
        animationDuration: 300,
        color: [color],
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: labels, name: t('days'), axisTick: { alignWithLabel: true } },
        yAxis: { type: 'value', splitLine: { lineStyle: { color: GRID_LINE } } },
        series: [{ type: 'bar', data: values, barCategoryGap: '20%', name: t('customers_unit') }],
      },
      true
    );
  }

  // Plain (grouped) bars: labels along x, one series per {name, data, color}.
  function bars(el, labels, series, xName) {
    const chart = chartFor(el);
    chart.setOption(
      {
        textStyle: baseText,
        animationDuration: 300,
        color: series.map((s) => s.color),
        legend: series.length > 1 ? { top: 0, data: series.map((s) => s.name) } : undefined,
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        grid: { left: 8, right: 16, top: series.length > 1 ? 32 : 16, bottom: xName ? 30 : 8, containLabel: true },
        xAxis: { type: 'category', data: labels, name: xName, nameLocation: 'middle', nameGap: 26 },
        yAxis: { type: 'value', splitLine: { lineStyle: { color: GRID_LINE } } },
        series: series.map((s) => ({ type: 'bar', name: s.name, data: s.data, barGap: '10%' })),
      },
      true
    );
  }

  function resizeAll() {
    for (const chart of charts.values()) chart.resize();
  }

  return { segments, heatmap, histogram, bars, resizeAll, SEGMENT_COLORS };
})();
