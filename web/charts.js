// ECharts (bundled from npm `echarts`) for the report's charts.
import * as echarts from 'echarts';
// Tooltips are HTML in ECharts, so only numbers and engine-fixed names go into them.


export const HuikeCharts = (function () {
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
  function bars(el, labels, series, xName, yName) {
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
        yAxis: { type: 'value', name: yName, nameTextStyle: { align: 'left' }, splitLine: { lineStyle: { color: GRID_LINE } } },
        series: series.map((s) => ({ type: 'bar', name: s.name, data: s.data, barGap: '10%' })),
      },
      true
    );
  }

  // P(alive) histogram: one bar per tenth, coloured from red (likely gone) to green (likely active).
  function pAliveHistogram(el, hist, t, fmtInt) {
    const chart = chartFor(el);
    const edges = hist.bin_edges;
    const labels = hist.counts.map((_, i) => Math.round(edges[i] * 100) + '–' + Math.round(edges[i + 1] * 100) + '%');
    const colors = ['#b91c1c', '#dc2626', '#ea580c', '#f59e0b', '#eab308', '#a3a635', '#65a30d', '#16a34a', '#059669', '#047857'];
    chart.setOption(
      {
        textStyle: baseText,
        animationDuration: 300,
        tooltip: {
          trigger: 'axis',
          axisPointer: { type: 'shadow' },
          formatter: (items) => t('palive_tip', { range: escapeHtml(items[0].name), n: escapeHtml(fmtInt(items[0].value)) }),
        },
        grid: { left: 8, right: 16, top: 16, bottom: 30, containLabel: true },
        xAxis: { type: 'category', data: labels, name: t('palive_axis'), nameLocation: 'middle', nameGap: 28, axisTick: { alignWithLabel: true }, axisLabel: { interval: 0, fontSize: 11 } },
        yAxis: { type: 'value', name: t('customers_unit'), splitLine: { lineStyle: { color: GRID_LINE } } },
        series: [
          {
            type: 'bar',
            name: t('customers_unit'),
            barCategoryGap: '15%',
            data: hist.counts.map((n, i) => ({ value: n, itemStyle: { color: colors[Math.min(i, colors.length - 1)] } })),
            label: { show: true, position: 'top', fontSize: 11, color: TEXT, formatter: (p) => (p.value ? fmtInt(p.value) : '') },
          },
        ],
      },
      true
    );
  }

  // m: the report's p_alive_matrix ({frequency, recency, p_alive[row = frequency][column = recency], age, unit}).
  function pAliveMatrix(el, m, t, unitName) {
    const chart = chartFor(el);
    const data = [];
    m.p_alive.forEach((row, y) => row.forEach((v, x) => data.push([x, y, v == null ? 0 : v])));
    const recency = m.recency.map((r) => (r >= 10 ? r.toFixed(0) : r.toFixed(1)));
    chart.setOption(
      {
        textStyle: baseText,
        animationDuration: 300,
        tooltip: {
          formatter: (p) =>
            t('matrix_tip', {
              x: m.frequency[p.value[1]],
              r: recency[p.value[0]],
              age: m.age.toFixed(1),
              unit: escapeHtml(unitName),
              p: (p.value[2] * 100).toFixed(1),
            }),
        },
        grid: { left: 44, right: 16, top: 8, bottom: 64, containLabel: true },
        xAxis: {
          type: 'category',
          data: recency,
          name: t('matrix_x', { unit: unitName }),
          nameLocation: 'middle',
          nameGap: 28,
          splitArea: { show: false },
        },
        yAxis: {
          type: 'category',
          data: m.frequency.map(String),
          name: t('matrix_y'),
          nameLocation: 'middle',
          nameGap: 30,
          axisLabel: { interval: m.frequency.length > 16 ? 'auto' : 0 },
        },
        visualMap: {
          min: 0,
          max: 1,
          dimension: 2,
          calculable: false,
          orient: 'horizontal',
          left: 'center',
          bottom: 0,
          itemHeight: 160,
          itemWidth: 10,
          text: ['P(alive) 100%', '0%'],
          inRange: { color: ['#b91c1c', '#fbbf24', '#ecfccb', '#16a34a', '#065f46'] },
        },
        series: [
          {
            type: 'heatmap',
            data,
            progressive: 0,
            emphasis: { itemStyle: { borderColor: '#111827', borderWidth: 1 } },
          },
        ],
      },
      true
    );
  }

  // Cumulative repeat purchases per week, actual vs predicted, with the calibration end marked.
  function tracking(el, tr, t) {
    const chart = chartFor(el);
    const labels = tr.week.map(String);
    const endIndex = tr.week.indexOf(tr.calibration_end_week);
    const round = (v) => +Number(v).toFixed(1);
    chart.setOption(
      {
        textStyle: baseText,
        animationDuration: 300,
        color: ['#1d4ed8', '#f59e0b'],
        legend: { top: 0, data: [t('actual'), t('predicted')] },
        tooltip: {
          trigger: 'axis',
          formatter: (items) =>
            t('tracking_tip', { w: items[0].name, d: escapeHtml(tr.end_date[items[0].dataIndex] || '') }) + '<br>' +
            items.map((i) => i.marker + escapeHtml(i.seriesName) + ' ' + Number(i.value).toLocaleString(undefined, { maximumFractionDigits: 0 })).join('<br>'),
        },
        grid: { left: 8, right: 24, top: 36, bottom: 30, containLabel: true },
        xAxis: { type: 'category', data: labels, boundaryGap: false, name: t('tracking_x'), nameLocation: 'middle', nameGap: 26 },
        yAxis: { type: 'value', splitLine: { lineStyle: { color: GRID_LINE } } },
        series: [
          {
            name: t('actual'),
            type: 'line',
            showSymbol: false,
            data: tr.actual.map(round),
            lineStyle: { width: 2 },
            markLine:
              endIndex >= 0
                ? {
                    symbol: 'none',
                    silent: true,
                    lineStyle: { color: '#6b7280', type: 'dashed' },
                    label: { formatter: t('calibration_end_mark'), color: '#4b5563', position: 'insideEndTop' },
                    data: [{ xAxis: endIndex }],
                  }
                : undefined,
            markArea:
              endIndex >= 0
                ? { silent: true, itemStyle: { color: 'rgba(29, 78, 216, 0.05)' }, data: [[{ xAxis: endIndex }, { xAxis: labels.length - 1 }]] }
                : undefined,
          },
          { name: t('predicted'), type: 'line', showSymbol: false, data: tr.predicted.map(round), lineStyle: { width: 2, type: 'dashed' } },
        ],
      },
      true
    );
  }

  function resizeAll() {
    for (const chart of charts.values()) chart.resize();
  }

  return { segments, heatmap, histogram, bars, pAliveHistogram, pAliveMatrix, tracking, resizeAll, chartFor, SEGMENT_COLORS };
})();
