/*
 * The dashboards' charts (Chart.js, drawn from the JSON the page carries in #chart-data: no inline script, which the
 * pages' Content-Security-Policy forbids), drawn again whenever htmx swaps in a fresher part of the page.
 */
(function () {
    'use strict';
    var charts = {};

    function make(id, config) {
        var canvas = document.getElementById(id);
        if (!canvas) {
            return;
        }
        if (charts[id]) {
            charts[id].destroy();
        }
        config.options = Object.assign({responsive: true, maintainAspectRatio: false, animation: false},
            config.options || {});
        charts[id] = new Chart(canvas, config);
        canvas.setAttribute('data-drawn', 'true');
    }

    function draw() {
        var source = document.getElementById('chart-data');
        if (!source || typeof Chart === 'undefined') {
            return;
        }
        var data = JSON.parse(source.textContent);
        var whole = {beginAtZero: true, ticks: {precision: 0}};
        make('chart-funnel', {
            type: 'bar',
            data: {labels: data.funnel.labels, datasets: [{label: 'Số đề nghị', data: data.funnel.counts,
                backgroundColor: '#1d5fa7'}]},
            options: {indexAxis: 'y', plugins: {legend: {display: false}}, scales: {x: whole}}
        });
        make('chart-ratings', {
            type: 'doughnut',
            data: {labels: data.ratings.labels, datasets: [{data: data.ratings.counts,
                backgroundColor: ['#1b7f3b', '#5aa469', '#d19a00', '#b03a2e']}]}
        });
        make('chart-quotas', {
            type: 'bar',
            data: {labels: data.quotas.labels, datasets: [
                {label: 'Đã dùng', data: data.quotas.used, backgroundColor: '#1d5fa7'},
                {label: 'Còn lại', data: data.quotas.remaining, backgroundColor: '#b8c7d9'}]},
            options: {scales: {x: {stacked: true}, y: Object.assign({stacked: true}, whole)}}
        });
    }

    // whether the page hears its live stream: shown to the reader, and what a test waits for
    document.addEventListener('htmx:sseOpen', function () { document.body.setAttribute('data-live', 'open'); });
    document.addEventListener('htmx:sseError', function () { document.body.setAttribute('data-live', 'closed'); });
    document.addEventListener('DOMContentLoaded', draw);
    document.addEventListener('htmx:afterSettle', draw);
    window.addEventListener('beforeprint', function () {
        Object.keys(charts).forEach(function (id) { charts[id].resize(); });
    });
})();
