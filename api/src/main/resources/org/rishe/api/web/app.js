// The Rishe dashboard: one page, three views chosen by the URL fragment (#/leadership,
// #/planner, #/donor). Plain browser JavaScript with no build step; every element is built with
// textContent, never innerHTML, so nothing the API returns can run as markup.
(function () {
  'use strict';

  var STRINGS = {
    en: {
      title: 'Rishe dashboard', navLeadership: 'Leadership', navPlanner: 'Planner', navDonor: 'Donor',
      jalali: 'Jalali calendar', forgetKey: 'Forget key', otherLanguage: 'فارسی',
      keyTitle: 'Enter your API key', keyHelp: 'The key is kept for this browser session only.',
      keyLabel: 'API key', keySubmit: 'Continue',
      kpis: 'Key figures', trends: 'Trends', metric: 'Measure', impact: 'Programme impact (95% CI)',
      hotspots: 'Emerging problems', region: 'Region', problem: 'Problem', period: 'Month',
      observed: 'Observed', expected: 'Expected', score: 'Score', allRegions: 'All regions',
      rootCauses: 'Root causes', rank: '#', factor: 'Factor', relativeRisk: 'Relative risk',
      adjustedOddsRatio: 'Adjusted odds ratio', attributableFraction: 'Attributable fraction',
      qValue: 'q-value', evidence: 'Evidence', exposedCases: 'Exposed cases',
      causalGraph: 'Causal graph',
      graphHelp: 'Drag the nodes; arrows are directed edges, thicker lines are more stable.',
      chains: 'Chains from root cause to problem', donationId: 'Donation id',
      direct: 'direct', indirect: 'indirect', total: 'total', intervalTo: 'to', possible: 'possible',
      possibleHelp: "some links' direction could not be decided from the data; read forward",
      undirectedLink: 'direction not decided from the data',
      chainsHelp: 'Effects on the log-odds scale with 95% intervals; n is the number of people. A possible chain has links whose direction the data could not decide (drawn —); it reads them forward.',
      showJourney: 'Show journey', designation: 'Designation', current: 'Current stage',
      receivedOn: 'Received on', deliveredOn: 'Delivered on', daysToDelivery: 'Days to delivery',
      flags: 'Flags', days: 'days', estimate: 'Estimate', naiveDifference: 'Naive difference',
      method: 'Method', sampleSize: 'n', enrolled: 'enrolled', comparison: 'comparison',
      notEstimated: 'Without an estimate',
      notAvailable: 'Not available on this server yet', forbidden: 'This key may not see this',
      badKey: 'The key was not accepted; enter it again', network: 'The server could not be reached',
      failed: 'The request failed', noData: 'Nothing to show', chooseProblem: 'Choose a problem',
      peopleReached: 'People reached', familiesReached: 'Families reached',
      casesOpened: 'Cases opened', casesClosed: 'Cases closed', casesResolved: 'Cases resolved',
      medianDaysToResolution: 'Median days to resolution', programParticipants: 'Programme participants',
      programCompletions: 'Programme completions', completionRate: 'Completion rate',
      donationsReceived: 'Donations received', donationsDelivered: 'Donations delivered',
      shareDelivered: 'Share delivered', medianDaysToDelivery: 'Median days to delivery',
      costPerParticipant: 'Cost per participant',
      'stage.received': 'Received', 'stage.allocated': 'Allocated', 'stage.purchased': 'Purchased',
      'stage.dispatched': 'Dispatched', 'stage.delivered': 'Delivered', 'flag.stalled': 'Stalled',
      'evidence.strong': 'strong', 'evidence.moderate': 'moderate', 'evidence.weak': 'weak'
    },
    fa: {
      title: 'داشبورد ریشه', navLeadership: 'راهبری', navPlanner: 'برنامه‌ریزی', navDonor: 'اهداکننده',
      jalali: 'تقویم جلالی', forgetKey: 'فراموش کردن کلید', otherLanguage: 'English',
      keyTitle: 'کلید API خود را وارد کنید', keyHelp: 'کلید فقط در همین نشست مرورگر نگه داشته می‌شود.',
      keyLabel: 'کلید API', keySubmit: 'ادامه',
      kpis: 'شاخص‌های کلیدی', trends: 'روندها', metric: 'سنجه', impact: 'اثر برنامه‌ها (بازه اطمینان ۹۵٪)',
      hotspots: 'مشکلات نوظهور', region: 'منطقه', problem: 'مشکل', period: 'ماه',
      observed: 'مشاهده‌شده', expected: 'مورد انتظار', score: 'امتیاز', allRegions: 'همه مناطق',
      rootCauses: 'علت‌های ریشه‌ای', rank: '#', factor: 'عامل', relativeRisk: 'خطر نسبی',
      adjustedOddsRatio: 'نسبت شانس تعدیل‌شده', attributableFraction: 'کسر منتسب',
      qValue: 'مقدار q', evidence: 'شواهد', exposedCases: 'موارد در معرض',
      causalGraph: 'گراف علّی',
      graphHelp: 'گره‌ها را بکشید؛ پیکان‌ها یال‌های جهت‌دارند و خط‌های ضخیم‌تر پایدارترند.',
      chains: 'زنجیره‌ها از علت ریشه‌ای تا مشکل', donationId: 'شناسه کمک',
      direct: 'مستقیم', indirect: 'غیرمستقیم', total: 'کل', intervalTo: 'تا', possible: 'احتمالی',
      possibleHelp: 'جهت برخی پیوندها را نمی‌شد از داده‌ها تعیین کرد؛ رو به جلو خوانده شده است',
      undirectedLink: 'جهت از داده‌ها تعیین نشد',
      chainsHelp: 'اثرها در مقیاس لگاریتم شانس با بازه اطمینان ۹۵٪؛ n شمار افراد است. زنجیره احتمالی پیوندهایی دارد که داده‌ها جهتشان را تعیین نکردند (با — کشیده شده)؛ رو به جلو خوانده می‌شود.',
      showJourney: 'نمایش مسیر', designation: 'مقصد', current: 'مرحله کنونی',
      receivedOn: 'تاریخ دریافت', deliveredOn: 'تاریخ تحویل', daysToDelivery: 'روز تا تحویل',
      flags: 'هشدارها', days: 'روز', estimate: 'برآورد', naiveDifference: 'تفاوت ساده',
      method: 'روش', sampleSize: 'n', enrolled: 'ثبت‌نام‌شده', comparison: 'گروه مقایسه',
      notEstimated: 'بدون برآورد',
      notAvailable: 'هنوز روی این سرور در دسترس نیست', forbidden: 'این کلید اجازه دیدن این بخش را ندارد',
      badKey: 'کلید پذیرفته نشد؛ دوباره وارد کنید', network: 'دسترسی به سرور ممکن نشد',
      failed: 'درخواست ناموفق بود', noData: 'چیزی برای نمایش نیست', chooseProblem: 'یک مشکل انتخاب کنید',
      peopleReached: 'افراد یاری‌شده', familiesReached: 'خانواده‌های یاری‌شده',
      casesOpened: 'پرونده‌های گشوده', casesClosed: 'پرونده‌های بسته', casesResolved: 'پرونده‌های حل‌شده',
      medianDaysToResolution: 'میانه روز تا حل', programParticipants: 'شرکت‌کنندگان برنامه',
      programCompletions: 'پایان‌یافتگان برنامه', completionRate: 'نرخ پایان برنامه',
      donationsReceived: 'کمک‌های دریافتی', donationsDelivered: 'کمک‌های تحویل‌شده',
      shareDelivered: 'سهم تحویل‌شده', medianDaysToDelivery: 'میانه روز تا تحویل',
      costPerParticipant: 'هزینه هر شرکت‌کننده',
      'stage.received': 'دریافت شد', 'stage.allocated': 'تخصیص یافت', 'stage.purchased': 'خریداری شد',
      'stage.dispatched': 'ارسال شد', 'stage.delivered': 'تحویل شد', 'flag.stalled': 'متوقف',
      'evidence.strong': 'قوی', 'evidence.moderate': 'متوسط', 'evidence.weak': 'ضعیف'
    }
  };
  var KPIS = ['peopleReached', 'familiesReached', 'casesOpened', 'casesResolved',
    'medianDaysToResolution', 'programParticipants', 'completionRate', 'donationsReceived',
    'shareDelivered', 'medianDaysToDelivery', 'costPerParticipant'];
  var SHARES = ['completionRate', 'shareDelivered'];
  var TREND_METRICS = ['casesOpened', 'casesResolved', 'peopleReached', 'familiesReached',
    'programParticipants', 'donationsReceived', 'donationsDelivered', 'medianDaysToResolution'];
  var PAGES = ['leadership', 'planner', 'donor'];

  var state = {
    lang: sessionStorage.getItem('rishe.lang') === 'fa' ? 'fa' : 'en',
    jalali: sessionStorage.getItem('rishe.calendar') === 'jalali',
    problemLabels: {}
  };

  function t(name) {
    var table = STRINGS[state.lang];
    return name in table ? table[name] : (name in STRINGS.en ? STRINGS.en[name] : name);
  }
  function $(id) { return document.getElementById(id); }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } return node; }
  function locale() { return state.lang === 'fa' ? 'fa-IR' : 'en-GB'; }
  function number(value, digits) {
    if (value === null || value === undefined || Number.isNaN(value)) { return '–'; }
    return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits === undefined ? 1 : digits }).format(value);
  }
  function percent(value) {
    if (value === null || value === undefined) { return '–'; }
    return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(value);
  }
  function date(text) {
    if (!text) { return '–'; }
    var parsed = new Date(text);
    if (Number.isNaN(parsed.getTime())) { return text; }
    return new Intl.DateTimeFormat(locale(), {
      calendar: state.jalali ? 'persian' : 'gregory', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC'
    }).format(parsed);
  }
  function interval(value) {
    if (!value || value.estimate === null || value.estimate === undefined) { return '–'; }
    return number(value.estimate, 2) + ' [' + number(value.low, 2) + ' – ' + number(value.high, 2) + ']';
  }
  // a chain's effect: "total 0.40 (0.30 to 0.50)", the interval left out when the run has none
  function effect(name, value, low, high) {
    var fixed = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
    function format(x) { return new Intl.NumberFormat(locale(), fixed).format(x); }
    var text = t(name) + ' ' + (value === null || value === undefined ? '–' : format(value));
    if (low === null || low === undefined || high === null || high === undefined) { return text; }
    return text + ' (' + format(low) + ' ' + t('intervalTo') + ' ' + format(high) + ')';
  }
  function calendar() { return state.jalali ? 'jalali' : 'gregorian'; }

  // ---- API access: the key comes from sessionStorage; errors carry the problem+json detail ----
  function apiKey() { return sessionStorage.getItem('rishe.key'); }

  function ApiError(status, detail) {
    this.status = status;
    this.detail = detail;
  }

  function api(path) {
    return fetch(path, { headers: { Authorization: 'Bearer ' + apiKey(), Accept: 'application/json' } })
      .then(function (response) {
        if (response.ok) { return response.json(); }
        return response.json().catch(function () { return {}; }).then(function (body) {
          if (response.status === 401) { askForKey(t('badKey')); }
          throw new ApiError(response.status, body.detail || body.title || response.statusText);
        });
      }, function () { throw new ApiError(0, null); });
  }

  function describe(error) {
    if (!(error instanceof ApiError)) { return t('failed') + ': ' + error; }
    var prefix = error.status === 0 ? t('network')
      : error.status === 404 || error.status === 503 ? t('notAvailable')
      : error.status === 403 ? t('forbidden')
      : error.status === 401 ? t('badKey') : t('failed') + ' (' + error.status + ')';
    return error.detail ? prefix + ' — ' + error.detail : prefix;
  }

  function show(id, message) {
    var node = $(id);
    node.textContent = message || '';
    node.hidden = !message;
  }

  function failed(messageId, hideId) {
    return function (error) {
      show(messageId, describe(error));
      if (hideId) { $(hideId).hidden = true; }
    };
  }

  // ---- charts: created when their container is visible, so they get a real size ----
  function chart(id) {
    var node = $(id);
    node.hidden = false;
    var instance = echarts.getInstanceByDom(node) || echarts.init(node);
    instance.resize();
    return instance;
  }

  // ---- leadership ----
  function loadLeadership() {
    api('/api/v1/dashboard/summary?calendar=' + calendar()).then(function (body) {
      show('kpis-message', null);
      var cards = clear($('kpis'));
      KPIS.forEach(function (name) {
        var card = el('div', 'card');
        card.id = 'kpi-' + name;
        var value = body.kpis[name];
        card.appendChild(el('div', 'value', SHARES.indexOf(name) >= 0 ? percent(value) : number(value)));
        card.appendChild(el('div', 'label', t(name)));
        cards.appendChild(card);
      });
    }, failed('kpis-message'));
    loadTrend();
    loadImpact();
    loadProblemLabels().then(loadHotspots, loadHotspots);
  }

  function loadTrend() {
    var select = $('trend-metric');
    var chosen = select.value || TREND_METRICS[0];
    clear(select);
    TREND_METRICS.forEach(function (name) {
      var option = el('option', null, t(name));
      option.value = name;
      select.appendChild(option);
    });
    select.value = chosen;
    api('/api/v1/dashboard/trends?by=month&limit=1000&metric=' + encodeURIComponent(chosen) + '&calendar=' + calendar())
      .then(function (body) {
        show('trend-message', null);
        chart('trend-chart').setOption({
          tooltip: { trigger: 'axis' },
          grid: { left: 50, right: 30, top: 20, bottom: 40 },
          xAxis: { type: 'category', data: body.points.map(function (p) { return p.period; }), inverse: state.lang === 'fa' },
          yAxis: { type: 'value', position: state.lang === 'fa' ? 'right' : 'left' },
          series: [{ name: t(chosen), type: 'line', smooth: true, data: body.points.map(function (p) { return p.value; }) }]
        }, true);
      }, failed('trend-message', 'trend-chart'));
  }

  function loadImpact() {
    api('/api/v1/programs?limit=1000').then(function (body) {
      var programs = (body.programs || []).slice(0, 8);
      return Promise.all(programs.map(function (program) {
        var id = program.id || program.programId || program.code;
        return api('/api/v1/programs/' + encodeURIComponent(id) + '/impact').then(function (impact) {
          var name = program.label || program.name || id;
          return {
            rows: (impact.outcomes || []).map(function (outcome) {
              return { name: name + ' · ' + (outcome.label || outcome.outcome || ''), outcome: outcome };
            }),
            // why an outcome has no estimate, in the server's words (small counts already withheld)
            gaps: (impact.notEstimated || []).map(function (gap) {
              return name + (gap.outcome ? ' · ' + gap.outcome : '') + ': ' + gap.text;
            })
          };
        });
      }));
    }).then(function (groups) {
      var rows = [].concat.apply([], groups.map(function (group) { return group.rows; }))
        .filter(function (row) { return row.outcome.estimate; });
      renderImpactGaps([].concat.apply([], groups.map(function (group) { return group.gaps; })));
      if (rows.length === 0) { show('impact-message', t('noData')); $('impact-chart').hidden = true; return; }
      show('impact-message', null);
      renderImpact(rows);
    }, failed('impact-message', 'impact-chart'));
  }

  function renderImpactGaps(gaps) {
    var list = $('impact-gaps');
    list.textContent = '';
    list.hidden = gaps.length === 0;
    if (gaps.length === 0) { return; }
    var heading = document.createElement('li');
    heading.className = 'heading';
    heading.textContent = t('notEstimated');
    list.appendChild(heading);
    gaps.forEach(function (gap) {
      var item = document.createElement('li');
      item.textContent = gap;
      list.appendChild(item);
    });
  }

  function renderImpact(rows) {
    var whiskers = rows.map(function (row, index) { return [index, row.outcome.estimate.low, row.outcome.estimate.high]; });
    chart('impact-chart').setOption({
      tooltip: {
        trigger: 'item',
        formatter: function (item) {
          // the tooltip is HTML: escape the names that come from the API
          var outcome = rows[item.dataIndex].outcome;
          var escape = echarts.format.encodeHTML;
          return escape(rows[item.dataIndex].name) + '<br>' + escape(t('estimate') + ': ' + interval(outcome.estimate))
            + '<br>' + escape(t('method') + ': ' + outcome.method)
            + '<br>' + escape(t('sampleSize') + ' = ' + number(outcome.treated, 0) + ' ' + t('enrolled') + ', '
              + number(outcome.controls, 0) + ' ' + t('comparison'))
            + '<br>' + escape(t('naiveDifference') + ': ' + number(outcome.naiveDifference, 2));
        }
      },
      grid: { left: 50, right: 30, top: 20, bottom: 80 },
      xAxis: { type: 'category', data: rows.map(function (row) { return row.name; }), axisLabel: { rotate: 20 } },
      yAxis: { type: 'value' },
      series: [
        { type: 'bar', data: rows.map(function (row) { return row.outcome.estimate.estimate; }), itemStyle: { color: '#1f6f8b' } },
        {
          // the confidence interval as an error bar: a vertical line with caps at low and high
          type: 'custom', data: whiskers, z: 10,
          renderItem: function (params, api) {
            var low = api.coord([api.value(0), api.value(1)]);
            var high = api.coord([api.value(0), api.value(2)]);
            var half = api.size([1, 0])[0] * 0.12;
            var style = { stroke: '#1d2733', lineWidth: 1.5 };
            return {
              type: 'group',
              children: [
                { type: 'line', shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style: style },
                { type: 'line', shape: { x1: low[0] - half, y1: low[1], x2: low[0] + half, y2: low[1] }, style: style },
                { type: 'line', shape: { x1: high[0] - half, y1: high[1], x2: high[0] + half, y2: high[1] }, style: style }
              ]
            };
          }
        }
      ]
    }, true);
  }

  function loadProblemLabels() {
    return api('/api/v1/problems?limit=1000&lang=' + state.lang).then(function (body) {
      state.problemLabels = {};
      body.problems.forEach(function (problem) { state.problemLabels[problem.code] = problem.label || problem.code; });
      return body.problems;
    });
  }
  function problemLabel(code) { return state.problemLabels[code] || code; }

  function table(node, headers, rows) {
    clear(node);
    var head = el('tr');
    headers.forEach(function (header) { head.appendChild(el('th', null, header)); });
    node.appendChild(el('thead')).appendChild(head);
    var body = node.appendChild(el('tbody'));
    rows.forEach(function (cells) {
      var row = body.appendChild(el('tr'));
      cells.forEach(function (cell) {
        var td = row.appendChild(el('td'));
        if (cell instanceof Node) { td.appendChild(cell); } else { td.textContent = cell; }
      });
    });
  }

  function loadHotspots() {
    api('/api/v1/hotspots').then(function (body) {
      show('hotspots-message', body.hotspots.length === 0 ? t('noData') : null);
      table($('hotspots-table'), [t('region'), t('problem'), t('period'), t('observed'), t('expected'), t('score')],
        body.hotspots.map(function (h) {
          return [h.region, problemLabel(h.problem), h.period, number(h.observed, 0), number(h.expected), number(h.score)];
        }));
    }, failed('hotspots-message'));
  }

  // ---- planner ----
  function loadPlanner() {
    var problemSelect = $('problem-select');
    var regionSelect = $('region-select');
    var chosenProblem = problemSelect.value;
    var chosenRegion = regionSelect.value;
    loadProblemLabels().then(function (problems) {
      show('planner-message', null);
      clear(problemSelect);
      problems.forEach(function (problem) {
        var option = el('option', null, problem.label || problem.code);
        option.value = problem.code;
        problemSelect.appendChild(option);
      });
      if (chosenProblem) { problemSelect.value = chosenProblem; }
      return api('/api/v1/hotspots?all=true&limit=1000').then(function (body) {
        var regions = [];
        body.hotspots.forEach(function (h) { if (regions.indexOf(h.region) < 0) { regions.push(h.region); } });
        return regions.sort();
      }, function () { return []; });
    }).then(function (regions) {
      clear(regionSelect);
      var all = el('option', null, t('allRegions'));
      all.value = '';
      regionSelect.appendChild(all);
      regions.forEach(function (region) {
        var option = el('option', null, region);
        option.value = region;
        regionSelect.appendChild(option);
      });
      regionSelect.value = chosenRegion || '';
      loadRootCauses();
    }, failed('planner-message'));
    loadGraph();
  }

  function loadRootCauses() {
    var problem = $('problem-select').value;
    if (!problem) { show('root-causes-message', t('chooseProblem')); return; }
    var region = $('region-select').value;
    var query = '?limit=1000&problem=' + encodeURIComponent(problem) + (region ? '&region=' + encodeURIComponent(region) : '');
    api('/api/v1/root-causes' + query).then(function (body) {
      var factors = body.factors || [];
      show('root-causes-message', factors.length === 0 ? t('noData') : null);
      table($('root-causes-table'),
        [t('rank'), t('factor'), t('relativeRisk'), t('adjustedOddsRatio'), t('attributableFraction'), t('qValue'), t('evidence'), t('exposedCases')],
        factors.map(function (f, index) {
          var evidence = el('span', 'badge ' + (f.evidence || ''), t('evidence.' + f.evidence));
          return [number(index + 1, 0), f.label || f.factor, interval(f.relativeRisk),
            interval(f.adjustedOddsRatio || f.oddsRatio), interval(f.attributableFraction),
            number(f.qValue, 3), evidence, number(f.exposedCases, 0)];
        }));
    }, function (error) { clear($('root-causes-table')); show('root-causes-message', describe(error)); });
    Promise.all([api('/api/v1/root-causes/' + encodeURIComponent(problem) + '/chains?limit=1000'), undirectedLinks()])
      .then(function (answers) { renderChains(answers[0].chains || [], answers[1]); },
        function (error) { clear($('chains-list')); show('chains-help', null); show('chains-message', describe(error)); });
  }

  // The links the causal graph leaves undirected, as "from|to" in both directions; none when the
  // graph could not be read (a possible chain then keeps its badge, its links drawn as arrows).
  function undirectedLinks() {
    return (state.graph || Promise.reject(null)).then(function (graph) {
      var links = {};
      (graph.edges || []).forEach(function (edge) {
        if (edge.directed === false) { links[edge.from + '|' + edge.to] = true; links[edge.to + '|' + edge.from] = true; }
      });
      return links;
    }, function () { return {}; });
  }

  function renderChains(chains, undirected) {
    show('chains-message', chains.length === 0 ? t('noData') : null);
    var list = clear($('chains-list'));
    var arrow = state.lang === 'fa' ? ' ← ' : ' → ';
    chains.forEach(function (chain) {
      var possible = chain.directed === false;
      var item = el('li', possible ? 'possible' : null);
      var path = item.appendChild(el('span', 'path'));
      var steps = Array.isArray(chain) ? chain : (chain.path || chain.nodes || chain.steps || []);
      var previous = null;
      steps.forEach(function (step) {
        var id = typeof step === 'string' ? step : (step.id || step.factor || step.node);
        if (previous !== null) {
          var open = possible && undirected[previous + '|' + id];
          var link = path.appendChild(el('span', open ? 'link undirected' : 'link', open ? ' — ' : arrow));
          if (open) { link.title = t('undirectedLink'); }
        }
        // isolated, so that Latin codes in a Persian line keep the chain's order
        path.appendChild(el('bdi', 'node', (step && step.label) || problemLabel(id)));
        previous = id;
      });
      if (possible) {
        var badge = item.appendChild(el('span', 'badge possible', t('possible')));
        badge.title = t('possibleHelp');
        badge.setAttribute('aria-describedby', 'chains-help');
      }
      var parts = [effect('total', chain.total, chain.totalLow, chain.totalHigh),
        effect('direct', chain.direct, chain.directLow, chain.directHigh),
        effect('indirect', chain.indirect, chain.indirectLow, chain.indirectHigh)];
      if (chain.people !== null && chain.people !== undefined) { parts.push('n = ' + number(chain.people, 0)); }
      item.appendChild(el('div', 'effects', parts.join(' · ')));
      list.appendChild(item);
    });
    show('chains-help', chains.length === 0 ? null : t('chainsHelp'));
  }

  function loadGraph() {
    state.graph = api('/api/v1/causal-graph?limit=1000');
    state.graph.then(function (body) {
      show('graph-message', (body.nodes || []).length === 0 ? t('noData') : null);
      renderGraph(body);
    }, failed('graph-message', 'graph-chart'));
  }

  function renderGraph(graph) {
    var kinds = [];
    (graph.nodes || []).forEach(function (node) { if (kinds.indexOf(node.kind) < 0) { kinds.push(node.kind); } });
    chart('graph-chart').setOption({
      tooltip: {},
      legend: { data: kinds },
      series: [{
        type: 'graph', layout: 'force', roam: true, draggable: true,
        force: { repulsion: 220, edgeLength: 110 },
        label: { show: true, position: 'right' },
        categories: kinds.map(function (kind) { return { name: kind }; }),
        data: (graph.nodes || []).map(function (node) {
          return { id: node.id, name: node.label || problemLabel(node.id), category: kinds.indexOf(node.kind), symbolSize: node.kind === 'problem' ? 26 : 16 };
        }),
        links: (graph.edges || []).map(function (edge) {
          var stability = edge.stability === undefined || edge.stability === null ? 0.5 : edge.stability;
          return {
            source: edge.from, target: edge.to,
            symbol: edge.directed ? ['none', 'arrow'] : ['none', 'none'], symbolSize: 9,
            lineStyle: { width: 1 + 5 * stability, opacity: 0.35 + 0.6 * stability, curveness: 0.08 },
            value: stability
          };
        })
      }]
    }, true);
  }

  // ---- donor ----
  function loadJourney() {
    var id = $('donation-id').value.trim();
    if (!id) { return; }
    api('/api/v1/donations/' + encodeURIComponent(id) + '/journey').then(function (journey) {
      show('journey-message', null);
      var facts = clear($('journey-facts'));
      [['designation', journey.designation], ['current', t('stage.' + journey.current)],
        ['receivedOn', date(journey.receivedOn)], ['deliveredOn', date(journey.deliveredOn)],
        ['daysToDelivery', number(journey.daysToDelivery, 0)]].forEach(function (fact) {
        facts.appendChild(el('dt', null, t(fact[0])));
        facts.appendChild(el('dd', null, fact[1]));
      });
      facts.appendChild(el('dt', null, t('flags')));
      var flags = facts.appendChild(el('dd'));
      (journey.flags || []).forEach(function (flag) { flags.appendChild(el('span', 'badge flag', t('flag.' + flag))); });
      if ((journey.flags || []).length === 0) { flags.textContent = '–'; }
      var timeline = clear($('journey-timeline'));
      journey.stages.forEach(function (stage, index) {
        var item = el('li', stage.stage === journey.current ? 'current' : null);
        item.appendChild(el('div', 'stage', t('stage.' + stage.stage)));
        item.appendChild(el('div', 'when', date(stage.at)));
        var gap = (journey.stageGaps || [])[index];
        if (gap && index < journey.stages.length - 1) {
          item.appendChild(el('div', 'gap', number(gap.days) + ' ' + t('days')));
        }
        timeline.appendChild(item);
      });
    }, function (error) {
      clear($('journey-facts'));
      clear($('journey-timeline'));
      show('journey-message', describe(error));
    });
  }

  // ---- shell: key, language, calendar, routing ----
  function askForKey(message) {
    sessionStorage.removeItem('rishe.key');
    show('error', message || null);
    $('key-panel').hidden = false;
    PAGES.forEach(function (page) { $('page-' + page).hidden = true; });
    $('key-input').focus();
  }

  function translate() {
    var root = document.documentElement;
    root.lang = state.lang;
    root.dir = state.lang === 'fa' ? 'rtl' : 'ltr';
    document.title = t('title');
    Array.prototype.forEach.call(document.querySelectorAll('[data-i18n]'), function (node) {
      node.textContent = t(node.getAttribute('data-i18n'));
    });
    var toggle = $('lang-toggle');
    toggle.textContent = t('otherLanguage');
    toggle.lang = state.lang === 'fa' ? 'en' : 'fa';
  }

  function currentPage() {
    var name = location.hash.replace(/^#\//, '');
    return PAGES.indexOf(name) >= 0 ? name : 'leadership';
  }

  function route() {
    show('error', null);
    var page = currentPage();
    PAGES.forEach(function (name) {
      $('nav-' + name).classList.toggle('active', name === page);
    });
    if (!apiKey()) { askForKey(); return; }
    $('key-panel').hidden = true;
    PAGES.forEach(function (name) { $('page-' + name).hidden = name !== page; });
    if (page === 'leadership') { loadLeadership(); }
    if (page === 'planner') { loadPlanner(); }
    if (page === 'donor' && $('donation-id').value) { loadJourney(); }
  }

  function start() {
    $('jalali').checked = state.jalali;
    translate();
    $('key-form').addEventListener('submit', function (event) {
      event.preventDefault();
      sessionStorage.setItem('rishe.key', $('key-input').value.trim());
      $('key-input').value = '';
      route();
    });
    $('forget-key').addEventListener('click', function () { askForKey(); });
    $('lang-toggle').addEventListener('click', function () {
      state.lang = state.lang === 'fa' ? 'en' : 'fa';
      sessionStorage.setItem('rishe.lang', state.lang);
      translate();
      route();
    });
    $('jalali').addEventListener('change', function () {
      state.jalali = $('jalali').checked;
      sessionStorage.setItem('rishe.calendar', calendar());
      route();
    });
    $('trend-metric').addEventListener('change', loadTrend);
    $('problem-select').addEventListener('change', loadRootCauses);
    $('region-select').addEventListener('change', loadRootCauses);
    $('donation-form').addEventListener('submit', function (event) {
      event.preventDefault();
      loadJourney();
    });
    window.addEventListener('hashchange', route);
    window.addEventListener('resize', function () {
      Array.prototype.forEach.call(document.querySelectorAll('.chart'), function (node) {
        var instance = echarts.getInstanceByDom(node);
        if (instance) { instance.resize(); }
      });
    });
    route();
  }

  // Exposed so that the browser test can draw the charts whose data routes are not merged yet.
  window.RisheDashboard = { renderImpact: renderImpact, renderImpactGaps: renderImpactGaps, renderGraph: renderGraph };
  start();
}());
